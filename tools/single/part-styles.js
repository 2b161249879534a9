// The single file's www/io/part-styles.js (tools/single.mjs puts it in that module's place):
// the styles of the parts loaded on demand, inline.

import planCss from '../../www/styles/plan.css';
import explainCss from '../../www/styles/explain.css';
import printCss from '../../www/styles/print.css';
import answersCss from '../../www/styles/answers.css';

/** The styles of a part loaded on demand, inline: one constructed sheet each, adopted once. */
const PARTS = { plan: planCss, explain: explainCss, print: printCss, answers: answersCss };
const partSheets = new Map();
export async function adoptPartStyles(root, name) {
  // Safari before 16.4 constructs no sheets: a <style>, which the file's CSP allows by its hash.
  if (!('replaceSync' in CSSStyleSheet.prototype)) {
    if (!root.querySelector(`style[data-part="${name}"]`)) root.append(Object.assign(document.createElement('style'), { textContent: PARTS[name], dataset: { part: name } }));
    return;
  }
  if (!partSheets.has(name)) {
    const part = new CSSStyleSheet();
    part.replaceSync(PARTS[name]);
    partSheets.set(name, part);
  }
  const part = partSheets.get(name);
  if (!root.adoptedStyleSheets.includes(part)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, part];
}
