// Where the calculator's own files come from: beside its modules, wherever the page that
// embeds it is (a host page in another folder still finds them). The single-file build
// (tools/single.mjs) puts tools/single/* in this module's place, with the same
// exports and every file inline, so that one .html works from file:// with no server.

/** A path of the site (www/), whatever folder this module sits in. */
const here = (path) => new URL(`../${path}`, import.meta.url).href;

/** The engine's module worker. */
export const startWorker = () => new Worker(here('engine/engine-worker.js'), { type: 'module' });

/** What the wasm glue's `init` is given: nothing, and it fetches the module beside itself. */
export const wasmSource = () => undefined;
/** The first module with English and 繁體中文, for a page in either: fetched beside itself too. */
export const languagesWasmSource = () => undefined;
/** The module of what is asked for only sometimes (the plan, the step-by-step view): fetched
 * beside itself too. */
export const extraWasmSource = () => undefined;
/** The workbook reader's module, fetched beside itself too. */
export const workbookWasmSource = () => undefined;

/** Puts the calculator's styles into its shadow root. */
export function adoptStyles(root) {
  const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: here('style.css') });
  root.prepend(link);
}

/** The demo county's table (fetched once: the start learns its schools' names and may open
 * it; a start whose fetch fails stops, saying so), and its answers to the other parts. */
let demo;
export const demoTable = () => (demo ??= fetch(here('demo/demo-county.csv')).then((r) => r.text()));
export const demoAnswers = () => fetch(here('demo/demo-answers.json')).then((r) => r.json());

/** The national profile (every threshold, item list and point maximum), as the core has it
 * (crates/core/tests/verdict.rs checks the file): fetched once, when first shown or used,
 * rather than carried by the first wasm module. */
let national;
export const nationalProfile = () => (national ??= fetch(here('profiles/national.json')).then((r) => r.json()));

/** A file to download (the templates), as a URL the link can point at. */
export const fileUrl = (path) => here(path);

/** The calculator's own page, which a share link opens. */
export const pageUrl = () => here('index.html');
