import { PublicationError } from './errors.js';

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new PublicationError('invalid-input', 'Web Crypto (crypto.subtle) fehlt / Web Crypto (crypto.subtle) is not available');
  return s;
}

/**
 * SHA-256 of bytes, as lower-case hex (Web Crypto, so it runs in browsers and Node).
 *
 * @example
 * await sha256Hex(new TextEncoder().encode('abc'));
 * // 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
 */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await subtle().digest('SHA-256', toArrayBuffer(bytes)));
  let hex = '';
  for (const b of digest) hex += b.toString(16).padStart(2, '0');
  return hex;
}

function hexToBase64(hex: string): string {
  let binary = '';
  for (let i = 0; i < hex.length; i += 2) binary += String.fromCharCode(parseInt(hex.slice(i, i + 2), 16));
  return btoa(binary);
}

function base64ToHex(b64: string): string | undefined {
  let binary: string;
  try {
    binary = atob(b64);
  } catch {
    return undefined;
  }
  let hex = '';
  for (let i = 0; i < binary.length; i++) hex += binary.charCodeAt(i).toString(16).padStart(2, '0');
  return hex;
}

/**
 * The RFC 9530 `Content-Digest` header value for bytes: `sha-256=:<base64>:`.
 *
 * @example
 * await contentDigest(new TextEncoder().encode('abc')); // 'sha-256=:ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=:'
 */
export async function contentDigest(bytes: Uint8Array): Promise<string> {
  return `sha-256=:${hexToBase64(await sha256Hex(bytes))}:`;
}

/**
 * The SHA-256 of an RFC 9530 `Content-Digest` header as lower-case hex, or `undefined` when the
 * header has no valid `sha-256` member.
 *
 * @example
 * parseContentDigest('sha-256=:ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=:'); // 'ba7816bf…15ad'
 */
export function parseContentDigest(header: string | null | undefined): string | undefined {
  if (!header) return undefined;
  for (const member of header.split(',')) {
    const m = /^\s*sha-256\s*=\s*:([A-Za-z0-9+/=]*):\s*$/i.exec(member);
    if (m) {
      const hex = base64ToHex(m[1] as string);
      return hex !== undefined && hex.length === 64 ? hex : undefined;
    }
  }
  return undefined;
}
