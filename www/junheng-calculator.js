// <junheng-calculator>: the whole calculator as one element, drawn into its open shadow root
// so that a host page's CSS cannot break it (model: github/relative-time-element, one
// element per module, defined once however often the module is loaded). docs/EMBED.md
// shows every way to use it.
//
// Attributes: `standard` (basic2012 | quality2017), `lang` (zh | zh-Hant | en; followed,
// and set by the calculator when its saved state has another), `src` (a CSV, TSV or xlsx
// file to open), `compact` (results only), `persist` (the localStorage key its state is
// kept under; without it nothing is kept), `share` (a share link's fragment to open).
// Inline data: a child <script type="text/csv">. Events: `result` (detail: the result
// contract, after every evaluation), `langchange` ({ lang }), `ready` once the first
// result shows. Methods: `load(textOrFile)`, `evaluate()`; property `result`.

import { mountCalculator } from './calculator/mount.js';
import { calculatorMarkup } from './views/calculator-markup.js';
import { adoptStyles } from './io/assets.js';
import { setHtml } from './lib/html.js';
import { applyStrings } from './i18n/i18n.js';

export class JunhengCalculator extends HTMLElement {
  static observedAttributes = ['lang', 'standard', 'src', 'explain', 'share'];
  /** The running calculator (see calculator/mount.js). */
  #app = null;
  /** `result` listeners: the whole result (schools and all) is made for them. */
  #listeners = 0;

  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    setHtml(root, calculatorMarkup);
    // Its words at once, in Chinese until the language asked for has loaded (mount.js).
    applyStrings('zh', root);
    adoptStyles(root);
    this.#app = mountCalculator(root, this, { wanted: () => this.#listeners > 0, inline: inlineTable(this) });
  }

  attributeChangedCallback(name, before, value) {
    if (value === before || !this.#app) return;
    if (name === 'lang') this.#app.setLang(value);
    if (name === 'standard') this.#app.setStandard(value);
    if (name === 'src' && value) this.#app.openUrl(value);
    if (name === 'explain' && value) this.#app.explain(value);
    if (name === 'share' && value) this.#app.share(value);
  }

  addEventListener(type, listener, options) {
    if (type === 'result' && listener) this.#listeners++;
    super.addEventListener(type, listener, options);
  }

  removeEventListener(type, listener, options) {
    if (type === 'result' && listener) this.#listeners = Math.max(0, this.#listeners - 1);
    super.removeEventListener(type, listener, options);
  }

  /** Opens a table (CSV/TSV text, or a File or Blob of CSV, TSV or xlsx) in place of the
   * data, as opening a file does (it can be undone). Resolves to its result; rejects with
   * the reason when it cannot be read, and the data stays. */
  load(textOrFile) {
    return this.#started().then((app) => app.load(textOrFile));
  }

  /** Evaluates the data as it is now; resolves to the result contract. */
  evaluate() {
    return this.#started().then((app) => app.evaluate());
  }

  /** The latest result contract (null before the first, and while a province-sized table's
   * result has not been asked for: `await evaluate()` gives it whatever the size). */
  get result() {
    return this.#app?.result() ?? null;
  }

  /** The results section, for a skip link of the page around. */
  get results() {
    return this.#app?.results() ?? null;
  }

  #started() {
    if (!this.#app) return Promise.reject(new Error('junheng-calculator: not in a document yet'));
    return this.#app.started.then(() => this.#app);
  }
}

/** The text of a child <script type="text/csv">, its common indentation removed (a host
 * indents it with the page). */
function inlineTable(host) {
  const script = [...host.children].find((child) => child.localName === 'script' && child.getAttribute('type') === 'text/csv');
  if (!script) return null;
  const lines = script.textContent.replace(/^\s*\n|\n\s*$/g, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.match(/^ */)[0].length));
  return lines.map((l) => l.slice(indent)).join('\n') + '\n';
}

if (!customElements.get('junheng-calculator')) customElements.define('junheng-calculator', JunhengCalculator);
