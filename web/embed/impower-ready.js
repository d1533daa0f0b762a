// <impower-ready>: the ImPower checker as a custom element, for any page. See EMBEDDING.md.
//
//   <script type="module" src="/embed/impower-ready.js"></script>
//   <impower-ready view="fees" projects="3"></impower-ready>
//
// Each element renders the app (or one view of it) inside its own shadow root, so the
// host's CSS does not reach in and ours does not leak out. Attributes apply live. After
// every change the element fires `impower-change` (bubbles, composed) whose `detail` holds
// the current answers in the JSON contract's shapes; `element.answers` keeps the last one.
//
// The element runs the app page's own module and stylesheet: Trunk builds them once into
// embed/ with hashed names, and scripts/build-embed.sh writes those names (and the
// .wasm's integrity) into this file, which keeps the one stable name.

import init, { Widget } from './@MODULE@';

const WASM = new URL('@WASM@', import.meta.url);
const WASM_INTEGRITY = '@WASM_INTEGRITY@';
const STYLE = new URL('@STYLE@', import.meta.url).href;
const ATTRIBUTES = ['view', 'projects', 'prior-projects', 'edition', 'date'];
let loading = null;

/** Loads the WebAssembly once for the whole page (from beside this module), checked
 *  against its integrity. */
function load() {
  loading ??= init({ module_or_path: fetch(WASM, { integrity: WASM_INTEGRITY }) });
  return loading;
}

export class ImpowerReady extends HTMLElement {
  static observedAttributes = ATTRIBUTES;

  #widget = null;
  #root;

  constructor() {
    super();
    const shadow = this.attachShadow({ mode: 'open' });
    const style = document.createElement('link');
    style.rel = 'stylesheet';
    style.href = STYLE;
    this.#root = document.createElement('div');
    this.#root.className = 'impower-root';
    this.#root.textContent = 'Loading the ImPower checker…';
    shadow.append(style, this.#root);
    /** The answers of the last `impower-change`, or null before the first. */
    this.answers = null;
  }

  async connectedCallback() {
    try {
      await load();
    } catch (err) {
      this.#root.textContent = 'The ImPower checker could not start. Reload the page to try again.';
      throw err;
    }
    if (!this.isConnected || this.#widget) return;
    this.#root.textContent = '';
    this.#widget = new Widget(this.#root, (answers) => {
      this.answers = answers;
      this.dispatchEvent(new CustomEvent('impower-change', { detail: answers, bubbles: true, composed: true }));
    });
    for (const name of ATTRIBUTES) {
      if (this.hasAttribute(name)) this.#widget.set(name, this.getAttribute(name));
    }
  }

  attributeChangedCallback(name, _old, value) {
    this.#widget?.set(name, value);
  }

  disconnectedCallback() {
    this.#widget?.destroy();
    this.#widget?.free();
    this.#widget = null;
  }
}

if (!customElements.get('impower-ready')) customElements.define('impower-ready', ImpowerReady);
