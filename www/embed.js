// The calculator's iframe mode (index.html?embed=1), for sites that embed it with an
// <iframe>: it tells the parent page its height whenever that changes, so that the frame
// can fit it without a scroll bar of its own, hands it every result, and opens tables the
// parent sends. Only the origins in ?origins= (default: this page's own) may send tables
// and receive results: the data a user types in stays away from a site not named there.
// Messages (docs/EMBED.md):
//   out  { type: "junheng:height", height }   { type: "junheng:result", result }
//        { type: "junheng:error", message }    (a table sent could not be read)
//   in   { type: "junheng:load", text, standard?, lang? }

/** Starts the messages with the parent page, when there is one.
 * @param {import('./junheng-calculator.js').JunhengCalculator} calculator
 * @param {URLSearchParams} params */
export function startEmbed(calculator, params) {
  if (window.parent === window) return;
  const allowed = new Set((params.get('origins') || location.origin).split(',').map((o) => o.trim()).filter(Boolean));
  // Where the frame is, as the browser says it (the referrer is the fallback of browsers
  // without ancestorOrigins); without it, nothing is sent.
  const parentOrigin = location.ancestorOrigins?.[0] ?? originOf(document.referrer);
  const post = (message) => {
    if (parentOrigin && parentOrigin !== 'null') window.parent.postMessage(message, parentOrigin);
  };
  const trusted = allowed.has(parentOrigin);

  let height = 0;
  new ResizeObserver(() => {
    const now = Math.ceil(document.body.getBoundingClientRect().height);
    if (now === height) return;
    height = now;
    post({ type: 'junheng:height', height });
  }).observe(document.body);

  calculator.addEventListener('result', (/** @type {CustomEvent} */ event) => {
    if (trusted) post({ type: 'junheng:result', result: event.detail });
  });
  window.addEventListener('message', (event) => {
    if (event.source !== window.parent || !allowed.has(event.origin)) return;
    const { type, text, standard, lang } = event.data ?? {};
    if (type !== 'junheng:load' || typeof text !== 'string') return;
    if (standard) calculator.setAttribute('standard', standard);
    if (lang) calculator.setAttribute('lang', lang);
    // Its result goes out with every other; a table that cannot be read is said so.
    calculator.load(text).catch((error) => post({ type: 'junheng:error', message: String(error?.message ?? error) }));
  });
}

function originOf(url) {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
