// The single file's www/io/assets.js inside the engine's worker: the wasm, inline (base64).

import wasm from '../../www/pkg/junheng_bg.wasm';
import extraWasm from '../../www/pkg/junheng-extra_bg.wasm';
import workbookWasm from '../../www/pkg/junheng-workbook_bg.wasm';

const bytes = (base64) => ({ module_or_path: Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)) });
export const wasmSource = () => bytes(wasm);
export const extraWasmSource = () => bytes(extraWasm);
export const workbookWasmSource = () => bytes(workbookWasm);
