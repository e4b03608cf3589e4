// ?code= and <async-playground code="…">: base64url (RFC 4648 §5: "-" and "_" for "+" and "/", no
// padding) of the program's UTF-8 bytes. Shared by the page, the element and the editor's Copy link.

/** The source as base64url. */
export function encodeCode(source) {
  let binary = '';
  for (const byte of new TextEncoder().encode(source)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The source from base64url (padding tolerated), or throws an Error naming what is wrong. */
export function decodeCode(text) {
  const b64 = String(text).trim().replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64) || b64.replace(/=+$/, '').length % 4 === 1) {
    throw new Error('code= is not base64url (RFC 4648 §5) text');
  }
  let binary;
  try {
    binary = atob(b64.replace(/=+$/, '') + '='.repeat((4 - (b64.replace(/=+$/, '').length % 4)) % 4));
  } catch {
    throw new Error('code= is not base64url (RFC 4648 §5) text');
  }
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error('code= does not decode to UTF-8 text');
  }
}
