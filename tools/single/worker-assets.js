// The single file's www/io/assets.js inside the engine's worker: the wasm, inline (base64).
// One first module, the one with every language (tools/single.mjs has the worker import its
// glue for both): the Chinese one would be a second copy of it in the file.

import languagesWasm from '../../www/pkg/junheng-languages_bg.wasm';
import extraWasm from '../../www/pkg/junheng-extra_bg.wasm';
import workbookWasm from '../../www/pkg/junheng-workbook_bg.wasm';

const bytes = (base64) => ({ module_or_path: Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)) });
export const wasmSource = () => bytes(languagesWasm);
export const languagesWasmSource = wasmSource;
export const extraWasmSource = () => bytes(extraWasm);
export const workbookWasmSource = () => bytes(workbookWasm);
