// The single file's www/assets.js inside the engine's worker: the wasm, inline (base64).

import wasm from '../../www/pkg/junheng_bg.wasm';

export const wasmSource = () => ({ module_or_path: Uint8Array.from(atob(wasm), (c) => c.charCodeAt(0)) });
