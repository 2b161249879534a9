// The step-by-step view of one indicator's CV (views/explain.js, loaded when first opened):
// opened from a level's table or the address, kept in step with the data, and presented one
// indicator at a time with the arrow keys.

import { html } from '../lib/html.js';
import { useExtraStrings } from '../i18n/i18n.js';
import { adoptPartStyles } from '../io/part-styles.js';
import { notify, problemList } from './notices.js';

/** Shows how `level`'s `key` CV is computed, step by step; `presenting`: large, one indicator
 * at a time; `focus`: the user asked (not a redraw). */
export async function openExplain(c, level, key, presenting = false, focus = true) {
  const [{ renderExplanation }, answer] = await Promise.all([import('../views/explain.js'), c.engine.call('explain', c.state.text, c.options(), level, key), useExtraStrings(), adoptPartStyles(c.root, 'explain')]);
  if (answer.errors.length) return notify(c, 'explain', html`${problemList(c, answer.errors)}`, 'alert');
  notify(c, 'explain');
  c.update('explain', renderExplanation(answer.explanation, c.state.lang, presenting));
  // The view's keys, wired by the module that draws it (synchronous: an arrow it uses must
  // not also scroll the page).
  if (!c.explainKeys) c.$('explain').addEventListener('keydown', (event) => explainKey(c, event));
  c.explainKeys = true;
  if (focus) {
    // Its title at the top of the screen, below the bar of the parts (scroll-margin-top).
    const view = c.$('explain').querySelector('section');
    view.scrollIntoView({ block: 'start' });
    view.focus({ preventScroll: true });
  }
}

/** The view open now, if any. */
const openView = (c) => c.$('explain').querySelector('section');

/** The open view follows the data and the settings. */
export function refreshExplain(c) {
  const view = openView(c);
  if (view) openExplain(c, view.dataset.level, view.dataset.indicator, view.classList.contains('presenting'), false);
}

/** Opens the view the `explain` attribute or the address names (`<level>/<indicator key>`). */
export async function explainAsked(c, value) {
  const [level, key] = value?.split('/') ?? [];
  if (key) await openExplain(c, level, key);
}

/** Presenting: the arrows move to the previous or next indicator, through every level (初中
 * after 小学), Home and End to the first and the last; Escape leaves. */
function explainKey(c, event) {
  const view = c.$('explain').querySelector('section.presenting');
  if (!view) return;
  if (event.key === 'Escape') return openExplain(c, view.dataset.level, view.dataset.indicator);
  // Every indicator of the report, in its order: `<level>/<key>`.
  const all = [...c.$('levels').querySelectorAll('[data-explain]')].map((b) => b.dataset.explain);
  const at = all.indexOf(`${view.dataset.level}/${view.dataset.indicator}`);
  const moves = { ArrowRight: at + 1, ArrowDown: at + 1, ArrowLeft: at - 1, ArrowUp: at - 1, Home: 0, End: all.length - 1 };
  if (!(event.key in moves) || !all.length) return;
  event.preventDefault();
  const [level, key] = all[(moves[event.key] + all.length) % all.length].split('/');
  openExplain(c, level, key, true);
}

/** Presents the open view (or stops presenting it). */
export function togglePresenting(c) {
  const view = openView(c);
  if (view) openExplain(c, view.dataset.level, view.dataset.indicator, !view.classList.contains('presenting'));
}
