// Share links: a project (the data, standard, profile, answers: what a project file holds)
// carried in the URL's fragment, which browsers never send to a server. The JSON is
// compressed with the browser's own CompressionStream (deflate-raw) and written base64url,
// so that it survives chat apps and mail (model: astral-sh/ruff's playground).

/** What a share link's fragment starts with. */
export const SHARE_PREFIX = '#share=';

/** Links longer than this are cut or refused by common chat apps (WeChat, QQ, DingTalk
 * and mail clients start failing near it): a longer link comes with the project file. */
export const CHAT_LINK_LIMIT = 8000;

/** The value, as the text after SHARE_PREFIX. */
export async function encodeShare(value) {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  const packed = await new Response(new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer();
  return toBase64Url(new Uint8Array(packed));
}

/** The value a fragment (with or without SHARE_PREFIX) carries; throws when it is damaged. */
export async function decodeShare(fragment) {
  const bytes = fromBase64Url(fragment.startsWith(SHARE_PREFIX) ? fragment.slice(SHARE_PREFIX.length) : fragment);
  const text = await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'))).text();
  return JSON.parse(text);
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
