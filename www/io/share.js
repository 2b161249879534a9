// Share links: a project (the data, standard, profile, answers: what a project file holds)
// carried in the URL's fragment, which browsers never send to a server. The JSON is
// compressed with the browser's own CompressionStream (deflate-raw) and written base64url,
// so that it survives chat apps and mail (model: astral-sh/ruff's playground). A browser
// without the stream (Chrome before 103, Safari before 16.4) has the engine's (the workbook
// module's raw deflate): the same format, so a link made in one opens in every other.

import { parseBounded } from './files.js';

/** What a share link's fragment starts with. */
export const SHARE_PREFIX = '#share=';

/** Links longer than this are cut or refused by common chat apps (WeChat, QQ, DingTalk
 * and mail clients start failing near it): no longer link is made (the project file is
 * offered instead), and none longer is opened. */
export const CHAT_LINK_LIMIT = 8000;

/** What a link may inflate to: a county of 8 000 characters compressed is some 100 KB of
 * JSON; past this it is a bomb, refused before it is held. */
export const SHARE_MAX_BYTES = 4 * 1024 * 1024;

/** Why a share link cannot be opened: a key of the page's strings (the caller names the
 * bounds in the reader's language). */
export class ShareRefused extends Error {
  /** @param {string} key */
  constructor(key) {
    super(key);
    this.key = key;
  }
}

/** The engine, whose raw deflate serves where the browser has no stream for it.
 * @typedef {import('../engine/engine.js').Engine} Deflater */

/** Whether this browser's streams take raw deflate (a format they do not know throws). */
export function hasRawDeflate() {
  try {
    new CompressionStream('deflate-raw');
    new DecompressionStream('deflate-raw');
    return true;
  } catch {
    return false;
  }
}

/** The value, as the text after SHARE_PREFIX. @param {unknown} value @param {Deflater} engine */
export async function encodeShare(value, engine) {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  const packed = hasRawDeflate()
    ? new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer())
    : await engine.call('deflate', bytes);
  return toBase64Url(packed);
}

/** The value a fragment (with or without SHARE_PREFIX) carries; throws ShareRefused with
 * the reason when it is too long, inflates too far, is nested too deep or is damaged. */
export async function decodeShare(fragment, /** @type {Deflater} */ engine) {
  const packed = fragment.startsWith(SHARE_PREFIX) ? fragment.slice(SHARE_PREFIX.length) : fragment;
  if (packed.length > CHAT_LINK_LIMIT) throw new ShareRefused('shareTooLong');
  let bytes;
  try {
    bytes = hasRawDeflate() ? await inflate(fromBase64Url(packed)) : await engineInflate(engine, fromBase64Url(packed));
  } catch (error) {
    throw error instanceof ShareRefused ? error : new ShareRefused('shareDamaged');
  }
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ShareRefused('shareDamaged');
  }
  const { value, problem } = parseBounded(text, { maxChars: SHARE_MAX_BYTES });
  if (problem) throw new ShareRefused(problem === 'jsonTooDeep' ? 'jsonTooDeep' : 'shareDamaged');
  return value;
}

/** The bytes inflated, read a chunk at a time and stopped past SHARE_MAX_BYTES, so that a
 * small link that inflates to gigabytes is refused before it is held. */
async function inflate(bytes) {
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > SHARE_MAX_BYTES) {
      reader.cancel().catch(() => {});
      throw new ShareRefused('shareTooLarge');
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.length;
  }
  return all;
}

/** The engine's inflate, with the same bound: a result past it was cut there. */
async function engineInflate(engine, bytes) {
  const all = await engine.call('inflate', bytes, SHARE_MAX_BYTES);
  if (!all) throw new ShareRefused('shareDamaged');
  if (all.length > SHARE_MAX_BYTES) throw new ShareRefused('shareTooLarge');
  return all;
}

// btoa/atob take binary strings: built a chunk at a time (an argument list has a limit).
function toBase64Url(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text) {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
}
