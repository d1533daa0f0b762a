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
// embed/ with hashed names, and `cargo xtask post-build` writes those names (and the sha384
// of each of the three files) into this file, which keeps the one stable name.
//
// Each is checked by Subresource Integrity before it is used: the stylesheet by its
// <link integrity>, the .wasm by fetch()'s, the module by a <link rel="modulepreload"
// integrity> that must fire `load` before the module is import()ed from the module map
// the preload filled (Chromium forgets a failed preload: an import() after it would
// fetch the file again, unchecked). Whatever fails, the element says so.

const MODULE = new URL('@MODULE@', import.meta.url).href;
const MODULE_INTEGRITY = '@MODULE_INTEGRITY@';
const WASM = new URL('@WASM@', import.meta.url);
const WASM_INTEGRITY = '@WASM_INTEGRITY@';
const STYLE = new URL('@STYLE@', import.meta.url).href;
const STYLE_INTEGRITY = '@STYLE_INTEGRITY@';
const ATTRIBUTES = ['view', 'projects', 'prior-projects', 'edition', 'date'];
let loading = null;

/** A <link> of `rel` to `href` that must match `integrity` (crossorigin, so that a file
 *  from another origin is checked too), and the promise of its `load`: rejected on
 *  `error`, which a tampered, unreachable or refused file fires. */
function checked(rel, href, integrity) {
  const link = Object.assign(document.createElement('link'), { rel, href, integrity, crossOrigin: '' });
  return [link, new Promise((ok, fail) => {
    link.onload = ok;
    link.onerror = () => fail(new Error(`${href}: refused`));
  })];
}

/** Loads the module and its WebAssembly once for the whole page (from beside this
 *  module), each checked against its integrity; the module's preload link goes in
 *  `shadow` (connected: a link loads only then). Resolves to the module's `Widget`. */
function load(shadow) {
  return loading ??= (async () => {
    const [preload, preloaded] = checked('modulepreload', MODULE, MODULE_INTEGRITY);
    shadow.append(preload);
    await preloaded;
    const { default: init, Widget } = await import(MODULE);
    await init({ module_or_path: fetch(WASM, { integrity: WASM_INTEGRITY }) });
    return Widget;
  })();
}

export class ImpowerReady extends HTMLElement {
  static observedAttributes = ATTRIBUTES;

  #widget = null;
  #root;
  #styled;

  constructor() {
    super();
    const shadow = this.attachShadow({ mode: 'open' });
    let style;
    [style, this.#styled] = checked('stylesheet', STYLE, STYLE_INTEGRITY);
    this.#root = document.createElement('div');
    this.#root.className = 'impower-root';
    this.#root.textContent = 'Loading the ImPower checker…';
    shadow.append(style, this.#root);
    /** The answers of the last `impower-change`, or null before the first. */
    this.answers = null;
  }

  async connectedCallback() {
    let Widget;
    try {
      [Widget] = await Promise.all([load(this.shadowRoot), this.#styled]);
    } catch (err) {
      this.#root.textContent = 'The ImPower checker could not start. Reload the page to try again.';
      throw err;
    }
    if (!this.isConnected || this.#widget) return;
    this.#root.textContent = '';
    // The attributes go in with the first render: the first `impower-change` already
    // follows them.
    const attributes = ATTRIBUTES.filter((n) => this.hasAttribute(n)).flatMap((n) => [n, this.getAttribute(n)]);
    this.#widget = new Widget(this.#root, (answers) => {
      this.answers = answers;
      this.dispatchEvent(new CustomEvent('impower-change', { detail: answers, bubbles: true, composed: true }));
    }, attributes);
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
