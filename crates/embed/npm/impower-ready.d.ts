// impower-ready.d.ts: the <impower-ready> custom element (`impower-ready/widget`).
// Importing the module registers the element; see EMBEDDING.md for its attributes,
// the `impower-change` event and the theming properties.

/** The `<impower-ready>` element: the ImPower checker, or one view of it, in a shadow root. */
export class ImpowerReady extends HTMLElement {
  /** The `detail` of the last `impower-change` event (answers in the contract's shapes), or null before the first. */
  answers: { [key: string]: unknown } | null;
}

declare global {
  interface HTMLElementTagNameMap {
    "impower-ready": ImpowerReady;
  }
}
