// The styles of the parts loaded on demand (the plan, the step-by-step view, the answer
// forms, paper), fetched with
// them rather than on the first load. The single-file build (tools/single.mjs) puts
// tools/single/part-styles.js in this module's place, with the styles inline.

import { fileUrl } from './assets.js';

/** The styles of a part loaded on demand (`styles/<name>.css`: the plan, the step-by-step
 * view, the answer forms, paper), linked into the calculator's shadow root once and awaited, so that the part is
 * never drawn unstyled (a <link>, not a constructed sheet: Safari has those from 16.4). */
const loaded = new WeakMap();
export function adoptPartStyles(root, name) {
  if (!loaded.has(root)) loaded.set(root, new Map());
  const parts = loaded.get(root);
  if (!parts.has(name)) {
    const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: fileUrl(`styles/${name}.css`) });
    parts.set(name, new Promise((resolve) => {
      link.addEventListener('load', resolve);
      link.addEventListener('error', resolve);
    }));
    root.append(link);
  }
  return parts.get(name);
}
