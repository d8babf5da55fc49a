/** Text encodings the ingest reads. */
export type Encoding =
  'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'windows-1252' | 'macintosh';

/** Every supported encoding, for the override menu. */
export const ENCODINGS: Encoding[] = [
  'utf-8',
  'utf-8-bom',
  'utf-16le',
  'utf-16be',
  'gb18030',
  'windows-1252',
  'macintosh',
];

/** TextDecoder label of an encoding (BOMs are removed by the decoders themselves). */
export function decoderLabel(e: Encoding): string {
  return e === 'utf-8-bom' ? 'utf-8' : e;
}

/** Whether DuckDB can read the bytes as they are (UTF-8, with or without BOM). */
export function isUtf8(e: Encoding): boolean {
  return e === 'utf-8' || e === 'utf-8-bom';
}

/** Valid UTF-8? A sequence cut at the very end of the sample is allowed. */
function validUtf8(b: Uint8Array): boolean {
  let i = 0;
  const n = b.length;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    const len = c >= 0xf0 && c <= 0xf4 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 && c <= 0xdf ? 2 : 0;
    if (len === 0 || c > 0xf4) return false;
    if (i + len > n) return true; // cut by the sample boundary
    for (let k = 1; k < len; k++) if ((b[i + k] & 0xc0) !== 0x80) return false;
    i += len;
  }
  return true;
}

/**
 * Chinese GB18030/GBK text has its high bytes in pairs, and common characters (GB2312) have both
 * bytes ≥ 0xA1; Latin-1/Windows-1252 text has isolated accented letters between ASCII. Returns
 * the share of high bytes that sit in such a pair.
 */
function pairedHighByteShare(b: Uint8Array): number {
  let high = 0;
  let paired = 0;
  for (let i = 0; i < b.length; i++) {
    if (b[i] < 0x80) continue;
    const next = b[i + 1];
    if (b[i] >= 0xa1 && b[i] <= 0xfe && next !== undefined && next >= 0xa1 && next <= 0xfe) {
      paired += 2;
      high += 2;
      i++;
    } else high++;
  }
  return high === 0 ? 0 : paired / high;
}

/** Characters that Western European text plausibly contains above ASCII. */
const PLAUSIBLE = new Set([
  ...'àâäáãåçéèêëíìîïñóòôöõúùûüÿÀÂÄÁÃÅÇÉÈÊËÍÌÎÏÑÓÒÔÖÕÚÙÛÜßæœøÆŒØ€£¥°±²³µ·–—‘’“”•…«»\u00a0§©®',
]);

/**
 * Windows-1252 or Mac Roman: decode the high bytes both ways and keep the one that gives more
 * plausible characters (letters with accents, typographic quotes and dashes, no-break space).
 * Classic-Mac exports (CR-only line ends) tip a tie towards Mac Roman.
 */
function westernSingleByte(b: Uint8Array): Encoding {
  const score = (label: string) => {
    const text = new TextDecoder(label).decode(b);
    let n = 0;
    for (const ch of text) if (ch.charCodeAt(0) >= 0x80 && PLAUSIBLE.has(ch)) n++;
    return n;
  };
  const win = score('windows-1252');
  const mac = score('macintosh');
  let crOnly = 0;
  let lf = 0;
  for (let i = 0; i < b.length; i++) {
    if (b[i] === 0x0a) lf++;
    else if (b[i] === 0x0d && b[i + 1] !== 0x0a) crOnly++;
  }
  return mac > win || (mac === win && crOnly > lf) ? 'macintosh' : 'windows-1252';
}

/**
 * Detect the encoding from samples of the file (head, and optionally middle and tail windows):
 * BOM first, then UTF-16 by its zero bytes, then strict UTF-8, then GB18030 vs Windows-1252.
 */
export function detectEncoding(samples: Uint8Array[]): Encoding {
  const head = samples[0] ?? new Uint8Array();
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8-bom';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const probe = head.subarray(0, 4096);
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < probe.length; i++) {
    if (probe[i] !== 0) continue;
    if (i % 2) zeroOdd++;
    else zeroEven++;
  }
  if (probe.length >= 8) {
    if (zeroOdd > probe.length * 0.3 && zeroEven < probe.length * 0.05) return 'utf-16le';
    if (zeroEven > probe.length * 0.3 && zeroOdd < probe.length * 0.05) return 'utf-16be';
  }
  // A sample window may start inside a multi-byte character: skip continuation bytes at its start.
  const trimmed = samples.map((s, i) => {
    if (i === 0) return s;
    let k = 0;
    while (k < 4 && k < s.length && (s[k] & 0xc0) === 0x80) k++;
    return s.subarray(k);
  });
  if (trimmed.every(validUtf8)) return 'utf-8';
  const all = new Uint8Array(trimmed.reduce((n, s) => n + s.length, 0));
  let off = 0;
  for (const s of trimmed) {
    all.set(s, off);
    off += s.length;
  }
  if (pairedHighByteShare(all) >= 0.6) return 'gb18030';
  return westernSingleByte(all);
}

/** Decode a sample (the last character may be cut: it is dropped, never half-decoded). */
export function decodeSample(bytes: Uint8Array, e: Encoding): string {
  const text = new TextDecoder(decoderLabel(e)).decode(bytes);
  return text.replace(/^\uFEFF/, '').replace(/\uFFFD$/, '');
}

/**
 * Transcode a byte stream to UTF-8 chunk by chunk: TextDecoder in streaming mode keeps a
 * character that spans two chunks whole; no string of the whole file is ever built.
 */
export async function* transcodeToUtf8(
  chunks: AsyncIterable<Uint8Array>,
  e: Encoding,
): AsyncGenerator<Uint8Array> {
  const decoder = new TextDecoder(decoderLabel(e), { ignoreBOM: false });
  const encoder = new TextEncoder();
  for await (const chunk of chunks) {
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield encoder.encode(text);
  }
  const rest = decoder.decode();
  if (rest) yield encoder.encode(rest);
}
