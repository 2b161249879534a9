// The page around the calculator: its masthead (title, language, print), a skip link and the
// footer, in the calculator's language. The calculator itself is <junheng-calculator>.

import './junheng-calculator.js';
import { applyStrings, t } from './i18n.js';

const calculator = /** @type {import('./junheng-calculator.js').JunhengCalculator} */ (document.querySelector('junheng-calculator'));
const toggle = document.getElementById('lang-toggle');

calculator.addEventListener('langchange', (/** @type {CustomEvent} */ event) => {
  const { lang } = event.detail;
  applyStrings(lang, document);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = t(lang, 'title');
  toggle.textContent = lang === 'zh' ? 'English' : '中文';
  toggle.lang = lang === 'zh' ? 'en' : 'zh-CN';
  toggle.setAttribute('aria-label', lang === 'zh' ? 'Switch to English' : '切换到中文');
});
calculator.addEventListener('ready', () => { document.body.dataset.ready = 'true'; });
toggle.addEventListener('click', () => calculator.setAttribute('lang', calculator.getAttribute('lang') === 'en' ? 'zh' : 'en'));
document.getElementById('print').addEventListener('click', () => window.print());
document.getElementById('skip').addEventListener('click', (event) => {
  event.preventDefault();
  calculator.results?.focus();
});
