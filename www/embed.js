// The calculator's iframe mode (index.html?embed=1), for sites that embed it with an
// <iframe>: it tells the parent page its height whenever that changes, so that the frame
// can fit it without a scroll bar of its own, hands it every result, and opens tables the
// parent sends. Messages (docs/EMBED.md):
//   out  { type: "junheng:ready" }             (it can take junheng:load now; after each load)
//        { type: "junheng:height", height }   { type: "junheng:result", result }
//        { type: "junheng:error", message }    (a table sent could not be read)
//   in   { type: "junheng:load", text, standard?, lang? }
//
// Who may take results is decided by the site that serves the calculator, never by the
// frame's address (which the framing page writes): the calculator's own origin, and the
// origins its deployed embed-origins.json lists. ?origins= can only narrow that. Storage is
// the frame's own: a key under EMBED_PREFIX, per framing origin, never the main page's.

/** Every key an embedded calculator keeps its work under starts with this. */
export const EMBED_PREFIX = 'junheng.embed.';

/** The framing page's origin, as the browser says it (the referrer is the fallback of
 * browsers without ancestorOrigins), or null when it cannot be known. */
function parentOrigin() {
  if (window.parent === window) return null;
  const origin = location.ancestorOrigins?.[0] ?? originOf(document.referrer);
  return origin && origin !== 'null' ? origin : null;
}

/** Before the calculator starts: `?persist=` keeps the frame's work under a key of its own,
 * apart from the main page's and from every other framing site's; without a known framing
 * origin nothing is kept.
 * @param {HTMLElement} calculator @param {URLSearchParams} params */
export function prepareEmbed(calculator, params) {
  const persist = params.get('persist');
  const parent = parentOrigin();
  if (persist && parent) calculator.setAttribute('persist', `${EMBED_PREFIX}${parent}.${persist}`);
  else calculator.removeAttribute('persist');
}

/** The origins the deployed site allows beside its own (embed-origins.json beside this
 * module: `{ "origins": ["https://…"] }`); none when the file is missing or malformed. */
async function deployedOrigins() {
  try {
    const response = await fetch(new URL('embed-origins.json', import.meta.url));
    const value = response.ok ? await response.json() : null;
    return Array.isArray(value?.origins) ? value.origins.filter((o) => typeof o === 'string') : [];
  } catch {
    return [];
  }
}

/** Starts the messages with the parent page, when there is one.
 * @param {import('./junheng-calculator.js').JunhengCalculator} calculator
 * @param {URLSearchParams} params */
export function startEmbed(calculator, params) {
  const parent = parentOrigin();
  if (window.parent === window) return;
  const post = (message) => {
    if (parent) window.parent.postMessage(message, parent);
  };

  let height = 0;
  new ResizeObserver(() => {
    const now = Math.ceil(document.body.getBoundingClientRect().height);
    if (now === height) return;
    height = now;
    post({ type: 'junheng:height', height });
  }).observe(document.body);

  // Listening at once (no result is missed while the deployed list is fetched), posting
  // only once the parent is known to be allowed.
  const trusted = deployedOrigins().then((origins) => {
    const named = params.get('origins')?.split(',').map((o) => o.trim());
    return Boolean(parent) && [location.origin, ...origins].includes(parent) && (!named || named.includes(parent));
  });
  calculator.addEventListener('result', async (/** @type {CustomEvent} */ event) => {
    if (await trusted) post({ type: 'junheng:result', result: event.detail });
  });
  window.addEventListener('message', async (event) => {
    if (event.source !== window.parent || event.origin !== parent || !(await trusted)) return;
    const { type, text, standard, lang } = event.data ?? {};
    if (type !== 'junheng:load' || typeof text !== 'string') return;
    if (standard) calculator.setAttribute('standard', standard);
    if (lang) calculator.setAttribute('lang', lang);
    // Its result goes out with every other; a table that cannot be read is said so.
    calculator.load(text).catch((error) => post({ type: 'junheng:error', message: String(error?.message ?? error) }));
  });
  // Now it can take a table: an allowed parent waiting for this sends it (a message posted
  // before the frame had loaded would have been lost). Again after every reload of the frame.
  trusted.then((allowed) => allowed && post({ type: 'junheng:ready' }));
}

function originOf(url) {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
