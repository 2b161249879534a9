// The styles of the parts loaded on demand (the plan, the step-by-step view), fetched with
// them rather than on the first load. The single-file build (tools/single.mjs) puts
// tools/single/part-styles.js in this module's place, with the styles inline.

import { fileUrl } from './assets.js';

/** The styles of a part loaded on demand (`styles/<name>.css`: the plan, the step-by-step
 * view), adopted into the calculator's shadow root once: a constructed stylesheet, ready
 * before the part is drawn (a <link> would draw it unstyled first). */
const sheets = new Map();
export async function adoptPartStyles(root, name) {
  if (!sheets.has(name)) {
    sheets.set(name, fetch(fileUrl(`styles/${name}.css`)).then((r) => r.text()).then((css) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      return sheet;
    }));
  }
  const sheet = await sheets.get(name);
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
