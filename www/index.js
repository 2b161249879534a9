// The page around the calculator: its masthead (title, language, print), a skip link and the
// footer, in the calculator's language. The calculator itself is <junheng-calculator>.
//
// The address may set it up: ?standard=, ?lang=, ?src=, ?compact (its attributes), a share
// link's #share= fragment, #explain=<level>/<indicator> (one CV step by step), and ?embed=1,
// the iframe mode (embed.js): no page chrome, and nothing kept in localStorage unless
// ?persist= names a key, kept apart from this page's and per framing site (docs/EMBED.md).

import { applyStrings, t } from './i18n/i18n.js';
import { LOCALES } from './lib/format.js';
import { decodedUriPart } from './io/files.js';

const params = new URLSearchParams(location.search);
const embedded = params.get('embed') === '1';
const calculator = /** @type {import('./junheng-calculator.js').JunhengCalculator} */ (document.querySelector('junheng-calculator'));

// The two language buttons, each named in the language it switches to: #lang-toggle between
// Chinese and English, #lang-script between the two Chinese scripts (from English: 繁體).
const SWITCH = {
  zh: { text: '中文', label: '切换到中文' },
  'zh-Hant': { text: '繁體中文', label: '切換到繁體中文' },
  en: { text: 'English', label: 'Switch to English' },
};
const buttons = { toggle: document.getElementById('lang-toggle'), script: document.getElementById('lang-script') };
const targets = (lang) => ({ toggle: lang === 'en' ? 'zh' : 'en', script: lang === 'zh-Hant' ? 'zh' : 'zh-Hant' });
// From Traditional, the script button names Simplified by its script.
const SIMPLIFIED = { text: '简体中文', label: '切换到简体中文' };

// The page's chrome follows the calculator (listeners set before it starts, so none is missed).
calculator.addEventListener('langchange', (/** @type {CustomEvent} */ event) => {
  const { lang } = event.detail;
  applyStrings(lang, document);
  document.documentElement.lang = LOCALES[lang];
  document.title = t(lang, 'title');
  for (const [name, target] of Object.entries(targets(lang))) {
    const [button, words] = [buttons[name], name === 'script' && target === 'zh' ? SIMPLIFIED : SWITCH[target]];
    button.textContent = words.text;
    button.lang = LOCALES[target];
    button.setAttribute('aria-label', words.label);
  }
});
calculator.addEventListener('ready', () => { document.body.dataset.ready = 'true'; });
for (const name of /** @type {const} */ (['toggle', 'script'])) {
  buttons[name].addEventListener('click', () => calculator.setAttribute('lang', targets(calculator.getAttribute('lang') ?? 'zh')[name]));
}
document.getElementById('print').addEventListener('click', () => window.print());
document.getElementById('skip').addEventListener('click', (event) => {
  event.preventDefault();
  calculator.results?.focus();
});

// Set before the element starts (its module is imported below), so that it starts with them.
for (const name of ['standard', 'lang', 'src', 'compact']) {
  if (params.has(name)) calculator.setAttribute(name, params.get(name));
}
/** Starts the calculator, after the embedding's preparation (its module only in a frame).
 * Not top-level await, which Chrome 87 and 88 lack. */
async function start() {
  const embedding = embedded ? await import('./embed.js') : null;
  if (embedding) {
    document.documentElement.dataset.embed = 'true';
    embedding.prepareEmbed(calculator, params);
  }
  followAddress();
  // The address is followed whenever it changes, not only at the start (a link typed or
  // pasted into the address bar of an open page).
  window.addEventListener('hashchange', followAddress);
  await import('./junheng-calculator.js');
  // The message for a calculator that cannot start (index.html) is not needed: it started.
  calculator.querySelector('.not-started')?.remove();
  embedding?.startEmbed(calculator, params);
}
start();

/** #explain=<level>/<indicator key> opens that CV step by step (a teacher's link for a
 * class); #share=… opens a share link's data, once: a reload shows the user's own data again. */
async function followAddress() {
  const hash = location.hash;
  if (hash.startsWith('#explain=')) return renew('explain', decodedUriPart(hash.slice('#explain='.length)));
  if (!hash.startsWith('#share=')) return;
  renew('share', hash);
  history.replaceState(null, '', location.pathname + location.search);
}

/** Sets an attribute even to the value it has (the same link opened again is opened again). */
function renew(name, value) {
  calculator.removeAttribute(name);
  calculator.setAttribute(name, value);
}
