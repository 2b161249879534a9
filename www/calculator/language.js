// The calculator's words in the reader's language: the page's strings, the host told of the
// language, the printed report's title block, the scope sentence and the answer forms.

import { html, setHtml, user } from '../lib/html.js';
import { applyStrings, t, useLang } from '../i18n/i18n.js';
import { formatDate, LOCALES } from '../lib/format.js';
import { profileName } from '../lib/markup.js';
import { renderFirstSteps } from '../views/calculator-markup.js';
import { fileUrl } from '../io/assets.js';
import { langOf } from './context.js';
import { fillColumnChoices } from './sheet.js';

/** Draws every word in the state's language (the results follow at their next drawing). */
export function applyLanguage(c) {
  const { lang } = c.state;
  // A language first met in a state put back (another tab's, one undone): drawn once its
  // words and template are here (setLang waits for them before it changes the language).
  if (!c.template.labels[lang]) {
    Promise.all([useLang(lang), useTemplate(c, lang)]).then(() => applyLanguage(c));
    return;
  }
  applyStrings(lang, c.root);
  // The host says its language (for screen readers, and for the page around it to follow).
  if (langOf(c.host.getAttribute('lang')) !== lang) c.host.setAttribute('lang', lang);
  // What is shown is in this language and script, whatever the host's attribute says (zh-Hant).
  c.$('calculator').lang = LOCALES[lang];
  c.host.dispatchEvent(new CustomEvent('langchange', { detail: { lang }, bubbles: true, composed: true }));
  // The editor's labels follow at its next drawing (the language toggle redraws it).
  c.editor.lang = lang;
  fillColumnChoices(c);
  renderForms(c);
  c.update('first-steps', firstSteps(lang));
}

/** The template's header and column labels in `lang`, asked of the engine once per language:
 * the first module of a page in 简体中文 has no other language's words (docs/PERFORMANCE.md). */
export async function useTemplate(c, lang) {
  if (c.template.labels[lang]) return;
  const [header, labels] = await Promise.all([c.engine.call('templateHeader', lang), c.engine.call('templateLabels', lang)]);
  c.template.header[lang] = header;
  c.template.labels[lang] = labels;
}

/** The first steps with one's own data, in `lang` (beside the demo's notice, and in place of
 * an empty table's results). */
export const firstSteps = (lang) => renderFirstSteps(lang, fileUrl('templates/template.xlsx'));

/** The printed report's title: the county and date entered once, the standard and profile. */
export function showReportHead(c) {
  const { lang, report: { county, date }, standard } = c.state;
  c.$('report-county').value = county;
  c.$('report-date').value = date;
  const profile = c.state.profile == null ? t(lang, 'profileNational') : c.state.profile.name;
  const meta = t(lang, 'reportMeta', { standard: t(lang, standard), profile, date: date ? formatDate(date, lang) : t(lang, 'reportNoDate') });
  // The standard's rule in one sentence, the core's words for the profile in use.
  const scope = c.rules[`scope:${standard}`] ?? '';
  setHtml(c.$('report-head'), html`<h2 data-testid="report-title">${county ? html`${user(county)}` : ''}${t(lang, 'reportTitle')}</h2><p>${meta}</p><p class="meta">${scope}</p>`);
}

/** What the profile's words make: the answer forms of the standard, each measure's rule and
 * the standard's rule in one sentence, as the engine last gave them. */
export function renderForms(c) {
  c.rulesDrawn = c.rules;
  c.$('scope-note').textContent = c.rules[`scope:${c.state.standard}`] ?? '';
  showReportHead(c);
  const { standard, answers, lang } = c.state;
  // The forms' view comes after the first result (mount.js), which draws them then.
  if (c.answersView) setHtml(c.$('answers-forms'), c.answersView.renderAnswers(standard, c.profile(), answers, c.computed, lang, c.rules));
  setHtml(c.$('profile-name'), html`${profileName(c.state.profile?.name, c.state.profile == null, lang)}`);
}
