// Starts the app. Trunk's own loader is an inline <script>, which the page's
// Content-Security-Policy (script-src 'self') refuses, so Trunk.toml's pattern_script
// writes, in its place, <meta name="impower-app" data-js="…" data-wasm="…"> naming the
// hashed wasm-bindgen module and .wasm, and this file (external, hashed, with integrity)
// loads them:
//  - the module through import(), which takes it from Trunk's
//    <link rel="modulepreload" integrity="…"> (so it is checked against that digest);
//  - the .wasm with fetch(), given the integrity of Trunk's <link rel="preload">.
// Then it mounts the app: the module is also the <impower-ready> widget's (both are in
// embed/), and loading it mounts nothing by itself. If loading fails, the page says so
// instead of "Loading…" for ever.

const app = document.querySelector('meta[name="impower-app"]');

// The static shell in index.html asks the Readiness view's questions (web/src/shell.rs).
// An address that opens another view (#fees, #team?a=…) keeps only its loading note, so
// the page never shows questions of a view it is not opening.
const shell = document.querySelector('#app .loading section');
const opening = location.hash.slice(1).split('?')[0];
if (shell && opening && opening !== 'readiness') shell.replaceChildren(...shell.querySelectorAll('p'));

/** The integrity Trunk wrote on the preload link of `href`, or '' when there is none. */
function integrityOf(href) {
  const link = [...document.querySelectorAll('link[integrity]')].find(
    (l) => l.getAttribute('href') === href,
  );
  return link ? link.integrity : '';
}

try {
  if (!app) throw new Error('<meta name="impower-app"> is missing (build with Trunk.toml)');
  const { js, wasm } = app.dataset;
  const { default: init, startApp } = await import(new URL(js, document.baseURI).href);
  const bytes = fetch(new URL(wasm, document.baseURI), { integrity: integrityOf(wasm) });
  await init({ module_or_path: bytes });
  startApp();
} catch (err) {
  const note = document.querySelector('#app .loading p');
  if (note) note.textContent = 'The checker could not start. Reload the page to try again.';
  throw err;
}
