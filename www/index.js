// The page around the calculator: its masthead (title, language, print), a skip link and the
// footer, in the calculator's language. The calculator itself is <junheng-calculator>.
//
// The address may set it up: ?standard=, ?lang=, ?src=, ?compact (its attributes), a share
// link's #share= fragment, #explain=<level>/<indicator> (one CV step by step), and ?embed=1,
// the iframe mode (embed.js): no page chrome, and
// nothing kept in localStorage unless ?persist= names a key, so that two sites' frames
// never mix (docs/EMBED.md).

import { applyStrings, t } from './i18n.js';
import { LOCALES } from './format.js';

const params = new URLSearchParams(location.search);
const embedded = params.get('embed') === '1';
const calculator = /** @type {import('./junheng-calculator.js').JunhengCalculator} */ (document.querySelector('junheng-calculator'));

// The page's chrome follows the calculator (listeners set before it starts, so none is missed).
const toggle = document.getElementById('lang-toggle');
calculator.addEventListener('langchange', (/** @type {CustomEvent} */ event) => {
  const { lang } = event.detail;
  applyStrings(lang, document);
  document.documentElement.lang = LOCALES[lang];
  document.title = t(lang, 'title');
  toggle.textContent = lang === 'zh' ? 'English' : '中文';
  toggle.lang = LOCALES[lang === 'zh' ? 'en' : 'zh'];
  toggle.setAttribute('aria-label', lang === 'zh' ? 'Switch to English' : '切换到中文');
});
calculator.addEventListener('ready', () => { document.body.dataset.ready = 'true'; });
toggle.addEventListener('click', () => calculator.setAttribute('lang', calculator.getAttribute('lang') === 'en' ? 'zh' : 'en'));
document.getElementById('print').addEventListener('click', () => window.print());
document.getElementById('skip').addEventListener('click', (event) => {
  event.preventDefault();
  calculator.results?.focus();
});

// Set before the element starts (its module is imported below), so that it starts with them.
for (const name of ['standard', 'lang', 'src', 'compact']) {
  if (params.has(name)) calculator.setAttribute(name, params.get(name));
}
if (embedded) {
  document.documentElement.dataset.embed = 'true';
  if (params.get('persist')) calculator.setAttribute('persist', params.get('persist'));
  else calculator.removeAttribute('persist');
}
// #explain=<level>/<indicator key> opens that CV step by step (a teacher's link for a class).
if (location.hash.startsWith('#explain=')) {
  calculator.setAttribute('explain', decodeURIComponent(location.hash.slice('#explain='.length)));
} else if (location.hash) {
  const { SHARE_PREFIX } = await import('./share.js');
  if (location.hash.startsWith(SHARE_PREFIX)) {
    calculator.setAttribute('share', location.hash);
    // Opened once: a reload shows the user's own data again (the link still has it).
    history.replaceState(null, '', location.pathname + location.search);
  }
}
await import('./junheng-calculator.js');
// The message for a calculator that cannot start (index.html) is not needed: it started.
calculator.querySelector('.not-started')?.remove();
if (embedded) (await import('./embed.js')).startEmbed(calculator, params);

