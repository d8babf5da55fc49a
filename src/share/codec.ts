/**
 * The `#` fragment of a review link that carries a snapshot: JSON, deflated (fflate, raw
 * DEFLATE) and written in base64url. Browsers never send the fragment to a server, so the data
 * stays between the analyst's and the reviewer's browsers.
 *
 * Decoding treats every link as hostile: a fragment that is too long, not base64url, not a
 * DEFLATE stream, unpacks to more than MAX_INFLATED_BYTES, or is not JSON is refused with a
 * reason the page can name, before anything reads it.
 */
import { deflateSync, Inflate, strFromU8, strToU8 } from 'fflate';

/** The fragment key (`#s1=…`); the digit is the format version. */
export const SNAPSHOT_KEY = 's1';

/**
 * Longest link the share dialog makes, and longest fragment the decoder reads (64 KiB). Far
 * below what browsers accept (Chromium 2 MB, Firefox 1 MB), short enough to paste into an
 * e-mail, and small enough to decode instantly. See docs/sharing.md.
 */
export const MAX_LINK_CHARS = 64 * 1024;

/**
 * Links longer than this are named "long" in the share dialog: chat tools and some mail clients
 * cut or wrap links around this length, so such a link should go in an e-mail body or a file.
 */
export const LONG_LINK_CHARS = 8000;

/** Largest unpacked snapshot accepted (a DEFLATE stream can unpack ~1000× its size). */
export const MAX_INFLATED_BYTES = 16 * 1024 * 1024;

/** Why a snapshot fragment was refused; each has a message `share.bad.<reason>`. */
export type SnapshotProblem =
  'too_long' | 'bad_base64' | 'bad_deflate' | 'too_large' | 'bad_json' | 'bad_shape';

/** A snapshot fragment that cannot be used. */
export class SnapshotError extends Error {
  readonly reason: SnapshotProblem;
  constructor(reason: SnapshotProblem, detail = '') {
    super(`snapshot refused: ${reason}${detail ? ` (${detail})` : ''}`);
    this.name = 'SnapshotError';
    this.reason = reason;
  }
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const LOOKUP = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

/** Bytes → base64url without padding. */
export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63] + ALPHABET[n & 63];
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i] << 16;
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63];
  } else if (rest === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63];
  }
  return out;
}

/** base64url (no padding) → bytes; anything else (other characters, a dangling sextet) throws. */
export function fromBase64Url(text: string): Uint8Array {
  if (text.length % 4 === 1) throw new SnapshotError('bad_base64', 'length');
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    let n = 0;
    const k = Math.min(4, text.length - i);
    for (let j = 0; j < 4; j++) {
      const c = j < k ? text.charCodeAt(i + j) : 65; // 'A' pads the last group
      const v = c < 128 ? LOOKUP[c] : -1;
      if (v < 0) throw new SnapshotError('bad_base64', `character ${i + j + 1}`);
      n = (n << 6) | v;
    }
    out[o++] = (n >> 16) & 255;
    if (k > 2) out[o++] = (n >> 8) & 255;
    if (k > 3) out[o++] = n & 255;
  }
  return out.subarray(0, o);
}

/** A value → the fragment text `s1=<base64url(deflate(JSON))>` (without `#`). */
export function encodeFragment(value: unknown): string {
  return `${SNAPSHOT_KEY}=${toBase64Url(deflateSync(strToU8(JSON.stringify(value)), { level: 9 }))}`;
}

/** Inflate with a ceiling on the output size. */
function inflateBounded(bytes: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  let total = 0;
  let done = false;
  const inflater = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > MAX_INFLATED_BYTES) throw new SnapshotError('too_large');
    parts.push(chunk);
    if (final) done = true;
  });
  try {
    inflater.push(bytes, true);
  } catch (err) {
    if (err instanceof SnapshotError) throw err;
    throw new SnapshotError('bad_deflate', err instanceof Error ? err.message : String(err));
  }
  if (!done) throw new SnapshotError('bad_deflate', 'truncated');
  const out = new Uint8Array(total);
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

/**
 * The snapshot in a location hash (`#s1=…`), parsed as JSON but not yet checked for shape;
 * null when the hash carries none. Throws SnapshotError when it carries a bad one.
 */
export function decodeFragment(hash: string): unknown {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!text.startsWith(`${SNAPSHOT_KEY}=`)) return null;
  if (text.length > MAX_LINK_CHARS) throw new SnapshotError('too_long', `${text.length} characters`);
  const bytes = fromBase64Url(text.slice(SNAPSHOT_KEY.length + 1));
  const json = inflateBounded(bytes);
  try {
    return JSON.parse(strFromU8(json));
  } catch (err) {
    throw new SnapshotError('bad_json', err instanceof Error ? err.message : String(err));
  }
}
