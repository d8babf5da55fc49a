import { decoderLabel, detectEncoding, type Encoding } from './encoding';
import { concatBytes } from '../export/bytes';

/**
 * Files that mix encodings line by line: a UTF-8 export into which someone pasted rows saved by
 * an old tool (GB18030, Windows-1252). Reading the whole file as one legacy encoding garbles every
 * UTF-8 line; reading it as UTF-8 garbles the pasted ones. Each line is read in the encoding it is
 * valid in instead, and the report names the lines that were read in the fallback encoding.
 */

/** Whether a byte string is valid UTF-8 (strict: no cut sequence at the end). */
function validUtf8Line(b: Uint8Array): boolean {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    const len = c >= 0xf0 && c <= 0xf4 ? 4 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xc2 && c <= 0xdf ? 2 : 0;
    if (len === 0 || i + len > b.length) return false;
    for (let k = 1; k < len; k++) if ((b[i + k] & 0xc0) !== 0x80) return false;
    i += len;
  }
  return true;
}

function hasHighByte(b: Uint8Array): boolean {
  for (const c of b) if (c >= 0x80) return true;
  return false;
}

function* lines(b: Uint8Array): Generator<Uint8Array> {
  let start = 0;
  for (let i = 0; i < b.length; i++)
    if (b[i] === 0x0a) {
      yield b.subarray(start, i);
      start = i + 1;
    }
  if (start < b.length) yield b.subarray(start);
}

/**
 * The fallback encoding when the samples mix UTF-8 lines (with non-ASCII text) and lines that are
 * not UTF-8; null when the file is in one encoding. Only whole lines of the first sample count (a
 * window may start or end inside a character).
 */
export function detectMixedEncoding(samples: Uint8Array[]): Encoding | null {
  let utf8Lines = 0;
  const legacy: Uint8Array[] = [];
  for (const [i, s] of samples.entries()) {
    const all = [...lines(s)];
    // Middle and tail windows: drop their first (partial) line; a last line without its line
    // break may be cut anywhere.
    const whole = all.slice(i === 0 ? 0 : 1, s.at(-1) === 0x0a ? all.length : all.length - 1);
    for (const line of whole) {
      if (!hasHighByte(line)) continue;
      if (validUtf8Line(line)) utf8Lines++;
      else legacy.push(line);
    }
  }
  if (utf8Lines === 0 || legacy.length === 0) return null;
  const fallback = detectEncoding([joinLines(legacy)]);
  return fallback === 'utf-8' || fallback === 'utf-8-bom' ? null : fallback;
}

function joinLines(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length + 1, 0));
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    out[off + p.length] = 0x0a;
    off += p.length + 1;
  }
  return out;
}

/** What the mixed transcoder saw: how many lines were read in the fallback encoding, and the first ones. */
export interface MixedStats {
  fallbackLines: number;
  /** 1-based physical line numbers (first 10). */
  firstLines: number[];
}

/**
 * Rewrite a mixed file as UTF-8, line by line: a line that is valid UTF-8 is kept, any other line
 * is decoded with `fallback`. Streams: only the current partial line is held between chunks.
 */
export async function* transcodeMixed(
  chunks: AsyncIterable<Uint8Array>,
  fallback: Encoding,
  stats: MixedStats,
): AsyncGenerator<Uint8Array> {
  const decoder = new TextDecoder(decoderLabel(fallback));
  const encoder = new TextEncoder();
  let carry: Uint8Array = new Uint8Array();
  let lineNo = 0;
  const convert = (line: Uint8Array): Uint8Array => {
    lineNo++;
    if (!hasHighByte(line) || validUtf8Line(line)) return line;
    stats.fallbackLines++;
    if (stats.firstLines.length < 10) stats.firstLines.push(lineNo);
    return encoder.encode(decoder.decode(line));
  };
  let first = true;
  for await (const chunk of chunks) {
    let buf = chunk;
    if (first) {
      // A UTF-8 BOM is not part of the first line's text.
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) buf = buf.subarray(3);
      first = false;
    }
    const out: Uint8Array[] = [];
    let start = 0;
    for (let i = 0; i < buf.length; i++) {
      if (buf[i] !== 0x0a) continue;
      const piece = buf.subarray(start, i + 1);
      const line = carry.length ? concatBytes([carry, piece]) : piece;
      carry = new Uint8Array();
      out.push(convert(line.subarray(0, line.length - 1)), NL);
      start = i + 1;
    }
    if (start < buf.length) carry = concatBytes([carry, buf.subarray(start)]);
    if (out.length) yield concatBytes(out);
  }
  if (carry.length) yield convert(carry);
}

const NL = new Uint8Array([0x0a]);

/** Decode a sample of a mixed file for the preview, line by line as `transcodeMixed` will. */
export function decodeMixedSample(bytes: Uint8Array, fallback: Encoding): string {
  const utf8 = new TextDecoder('utf-8');
  const legacy = new TextDecoder(decoderLabel(fallback));
  const out: string[] = [];
  for (const line of lines(bytes))
    out.push(!hasHighByte(line) || validUtf8Line(line) ? utf8.decode(line) : legacy.decode(line));
  return out
    .join('\n')
    .replace(/^\uFEFF/, '')
    .replace(/\uFFFD$/, '');
}
