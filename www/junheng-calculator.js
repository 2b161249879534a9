// <junheng-calculator>: the whole calculator as one element, drawn into its open shadow root
// so that a host page's CSS cannot break it (model: github/relative-time-element, one
// element per module, defined once however often the module is loaded).
//
// Attributes: `lang` ("zh" or "en": the calculator switches, and sets it itself when its
// saved state has another), `persist` (the localStorage key its state is kept under; without
// it nothing is kept). Events: `langchange` ({ lang }), `ready` once the first result shows.

import { mountCalculator } from './app.js';
import { calculatorMarkup } from './calculator-markup.js';
import { html, setHtml } from './html.js';

const STYLE = new URL('./style.css', import.meta.url).href;

export class JunhengCalculator extends HTMLElement {
  static observedAttributes = ['lang'];
  /** The running calculator: `{ setLang, results }`. */
  #app = null;

  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    setHtml(root, html`<link rel="stylesheet" href="${STYLE}">${calculatorMarkup}`);
    this.#app = mountCalculator(root, this);
  }

  attributeChangedCallback(name, before, value) {
    if (name === 'lang' && value !== before) this.#app?.setLang(value);
  }

  /** The results section, for a skip link of the page around. */
  get results() {
    return this.#app?.results() ?? null;
  }
}

if (!customElements.get('junheng-calculator')) customElements.define('junheng-calculator', JunhengCalculator);
