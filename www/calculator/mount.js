// One calculator, started: its context (context.js), the engine's fixed answers asked once,
// the controls wired, and the data it opens on; then what the element (junheng-calculator.js)
// asks of it. No action replaces the user's data without a way back. Drawn into a shadow root.

import { html, setHtml } from '../lib/html.js';
import { t, useAnswerStrings, useExtraStrings, useLang } from '../i18n/i18n.js';
import { nationalProfile } from '../io/assets.js';
import { copyState, createContext, langOf, standardOf } from './context.js';
import { notify } from './notices.js';
import { learnDemoSchools, loadDemo } from './data.js';
import { fillForms, latestResult, recompute, refreshRules, setBusy, settledResult } from './evaluation.js';
import { applyLanguage, renderForms, useTemplate } from './language.js';
import { showView } from './sheet.js';
import { explaining, opening, wire } from './wiring.js';

export { langOf };

/** Opens the step-by-step view the `explain` attribute or the address names. */
async function explainAsked(c, value) {
  if (value) await (await explaining()).explainAsked(c, value);
}

/** Starts a calculator in `root` (the shadow root of `host`, whose markup it finds there).
 * `embed.wanted()`: whether someone takes the whole result whatever its size; `embed.inline`:
 * the table the host page holds inline, if any.
 * @param {ShadowRoot} root @param {HTMLElement} host
 * @param {{ wanted: () => boolean, inline: string | null }} embed */
export function mountCalculator(root, host, embed) {
  const c = createContext(root, host, embed);
  const started = start(c).catch((error) => {
    console.error(error);
    const words = error?.unavailable ? t(c.state.lang, 'engineUnavailable') : `${t(c.state.lang, 'internalError')}${String(error?.message ?? error)}`;
    setHtml(c.$('problems'), html`<div class="problems internal" data-testid="not-started"><p>${words}</p></div>`);
  });
  return {
    started,
    // Changes asked for while the calculator starts wait for it.
    setLang: (lang) => {
      // Busy at once, so that whoever waits for the results waits for this language's.
      if (langOf(lang) && langOf(lang) !== c.state.lang) setBusy(c, true);
      return started.then(() => setLang(c, lang));
    },
    explain: (value) => started.then(() => explainAsked(c, value)),
    share: (fragment) => started.then(() => shareAsked(c, fragment)),
    setStandard: (value) => started.then(() => setStandard(c, value)),
    openUrl: (src) => started.then(async () => (await opening()).openUrl(c, src)),
    load: (input) => load(c, input),
    evaluate: () => recompute(c).then(() => settledResult(c)),
    result: () => latestResult(c),
    results: () => c.$('results'),
  };
}

/** Asks the engine what is fixed, wires the controls and opens the starting data. Not live
 * until ready: nothing typed, pasted or chosen while it starts can be dropped. */
async function start(c) {
  c.$('calculator').inert = true;
  await useLang(c.state.lang);
  c.$('summary').textContent = t(c.state.lang, 'loading');
  await askFixed(c);
  await checkSavedProfile(c);
  await refreshRules(c);
  wire(c);
  c.$('standard').value = c.state.standard;
  applyLanguage(c);
  await showView(c, c.state.view);
  if (c.loaded.problem) {
    await useExtraStrings();
    notify(c, 'storage', t(c.state.lang, c.loaded.problem), 'alert');
  }
  await openStart(c);
  // The address can open the step-by-step view (#explain=<level>/<indicator key>).
  await explainAsked(c, c.host.getAttribute('explain'));
  c.$('demo-banner').hidden = !c.state.demo;
  c.$('calculator').inert = false;
  // The answer forms (far below the results) and paper's rules are no part of the first
  // screen: loaded once the first result is drawn, before the calculator says it is ready.
  const { adoptPartStyles } = await import('../io/part-styles.js');
  await Promise.all([adoptPartStyles(c.root, 'print'), adoptPartStyles(c.root, 'answers'), useAnswersView(c)]);
  c.host.dataset.ready = 'true';
  c.host.dispatchEvent(new Event('ready'));
}

/** The answer forms' view: taken with the core's form and the national profile (their
 * items, when no profile of the user's is in use), drawn with the latest result. */
async function useAnswersView(c) {
  const [view, , national] = await Promise.all([import('../views/answers.js'), useAnswerStrings(), nationalProfile()]);
  c.national = national;
  view.useAnswerForm(c.answerForm);
  c.answersView = view;
  renderForms(c);
  const parts = latestResult(c)?.parts;
  if (parts) fillForms(c, parts);
}

/** The answer forms' shape and the template in the language in use (another's is asked
 * when it is first shown: language.js `useTemplate`). */
async function askFixed(c) {
  const [form] = await Promise.all([c.engine.call('answerForm'), useTemplate(c, c.state.lang), learnDemoSchools(c)]);
  c.answerForm = form;
}

/** A saved profile the engine refuses is kept aside and the national one used instead:
 * the calculator starts, and says so. */
async function checkSavedProfile(c) {
  if (!c.state.profile) return;
  const problems = await c.engine.call('checkProfile', c.state.profile, c.state.lang);
  if (!problems.length) return;
  c.store.keepAside(JSON.stringify({ profile: c.state.profile }));
  c.state.profile = null;
  c.loaded.problem ??= 'storageProfileDamaged';
}

/** What the calculator opens on: a share link's data (without overwriting saved work);
 * else a returning visitor's own data; else, on a first visit, the host's table (`src`,
 * then inline) or the demo county, clearly marked. */
async function openStart(c) {
  const share = c.host.getAttribute('share');
  if (share) {
    // A damaged link is refused with the reason, over whatever would have opened.
    if ((await (await opening()).withDocuments(c, 'openShared', share, c.loaded.state)) === false) await recompute(c);
    return;
  }
  if (c.loaded.state !== undefined || c.loaded.problem) return recompute(c);
  const src = c.host.getAttribute('src');
  const given = src || c.embed.inline ? await opening() : null;
  const opened = await (src ? given.openUrl(c, src) : c.embed.inline ? given.openGiven(c, c.embed.inline) : loadDemo(c));
  // Nothing of the user's was replaced: there is nothing to undo.
  if (opened === false) await recompute(c);
  else notify(c, 'undo');
}

/** A share link given while the calculator runs (the address changed): the work in view
 * is the user's, kept as any saved work is while the link's data is shown. */
async function shareAsked(c, fragment) {
  if (!fragment) return;
  const mine = c.ownWork ?? copyState(c.state);
  if ((await (await opening()).withDocuments(c, 'openShared', fragment, mine)) === false) await recompute(c);
}

/** Switches the calculator's language (the host's `lang` attribute). The results are busy
 * from the moment it is asked until they are drawn in the new language. */
async function setLang(c, lang) {
  const next = langOf(lang);
  // Asked twice and back again: the results drawn are right, busy ends with them.
  if (!next || next === c.state.lang) return c.$('results').getAttribute('aria-busy') === 'true' && recompute(c);
  setBusy(c, true);
  await Promise.all([useLang(next), useTemplate(c, next)]);
  c.state.lang = next;
  applyLanguage(c);
  c.editor.render();
  await recompute(c);
}

/** Switches the standard (the host's `standard` attribute). */
function setStandard(c, value) {
  const next = standardOf(value);
  if (!next || next === c.state.standard) return;
  c.state.standard = next;
  c.$('standard').value = next;
  applyLanguage(c);
  recompute(c);
}

/** What `load()` resolves to: the result of the data given, or the reason it was refused. */
async function load(c, input) {
  if ((await (await opening()).openGiven(c, input)) === false) throw new Error(c.refusal);
  return settledResult(c);
}
