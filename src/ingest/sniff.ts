/**
 * One pass over the bytes DuckDB will read as CSV (UTF-8) before the load, to learn which of the
 * load SQL's per-cell steps each column needs. Every answer is a superset: a column left out is
 * proven not to need the step, a column named only may.
 *
 * - `nul`: a 0x00 byte somewhere (then every step runs on every cell, as before the sniff);
 * - `edgeSpace`: the columns with a field that may begin or end with a character `trim()` removes
 *   (DuckDB's trim removes Unicode space separators, category Zs);
 * - `summaryWord`: the columns with a field that may name a summary row (values.ts summarySql: the
 *   cell without separators and colons is one of SUMMARY_WORDS).
 *
 * Fields are found by following the quotes as DuckDB's reader does (quote and escape `"`). A text
 * whose quoting does not follow that rule, or a record with more fields than the header, is
 * "irregular": then DuckDB may split it otherwise, and a step is needed in every column as soon
 * as it is needed next to any delimiter, quote or line break of the text (`null`). The header and
 * the lines above it are left out when a count of line feeds finds them (no quote and no lone CR
 * in them); else they are looked at too.
 */
import { SUMMARY_WORDS } from './values';

/** What the sniff found (see the module comment). */
export interface TextFacts {
  /** A NUL byte may be in the text (false: proven none). */
  nul: boolean;
  /** Column positions whose fields may begin or end with a space separator; null: any column. */
  edgeSpace: ReadonlySet<number> | null;
  /** Column positions whose fields may name a summary row; null: any column. */
  summaryWord: ReadonlySet<number> | null;
}

const SPACE = 0x20;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** The answer when the text cannot be read cheaply: every step in every column. */
const NOTHING_PROVEN: TextFacts = { nul: true, edgeSpace: null, summaryWord: null };

/** Longest field followed into the next chunk when it might be a summary word (longer: "yes"). */
const MAX_CARRY = 1 << 16;

/**
 * Byte length of a Unicode space separator (Zs: what DuckDB's trim removes) starting at `p`:
 * U+0020, U+00A0, U+1680, U+2000–U+200A, U+202F, U+205F, U+3000; 0 when none; -1 when the
 * bytes end before it can be told.
 */
function zsAt(b: Uint8Array, p: number, end: number): number {
  const c = b[p];
  if (c === SPACE) return 1;
  if (c < 0xc2 || c > 0xe3) return 0;
  const need = c === 0xc2 ? 2 : c < 0xe1 ? 0 : 3;
  if (!need) return 0;
  if (p + need > end) return -1;
  const c1 = b[p + 1];
  if (c === 0xc2) return c1 === 0xa0 ? 2 : 0;
  const c2 = b[p + 2];
  if (c === 0xe1) return c1 === 0x9a && c2 === 0x80 ? 3 : 0;
  if (c === 0xe2) return (c1 === 0x80 && (c2 <= 0x8a || c2 === 0xaf)) || (c1 === 0x81 && c2 === 0x9f) ? 3 : 0;
  if (c === 0xe3) return c1 === 0x80 && c2 === 0x80 ? 3 : 0;
  return 0;
}

/** Whether a Zs character ends just before `p` (bytes from `from` on are known). */
function zsBefore(b: Uint8Array, p: number, from: number): boolean {
  if (p - 1 < from) return false;
  const c = b[p - 1];
  if (c === SPACE) return true;
  if (c < 0x80 || c > 0xbf) return false;
  if (p - 2 >= from && b[p - 2] === 0xc2 && c === 0xa0) return true;
  return p - 3 >= from && zsAt(b, p - 3, p) === 3;
}

/**
 * Byte length of a separator of the summary test starting at `p` (values.ts SEP: JavaScript's
 * \s, \v, Unicode Z*, U+FEFF, `:` and `：`); 0 when none; -1 when the bytes end first. Line
 * breaks count: a field may hold one inside quotes.
 */
function sepAt(b: Uint8Array, p: number, end: number): number {
  const c = b[p];
  if (c === SPACE || (c >= 0x09 && c <= 0x0d) || c === 0x3a) return 1;
  if (c < 0xc2) return 0;
  const z = zsAt(b, p, end);
  if (z) return z;
  if (c !== 0xe2 && c !== 0xef) return 0;
  if (p + 3 > end) return -1;
  const c1 = b[p + 1];
  const c2 = b[p + 2];
  // U+2028, U+2029 (line and paragraph separators), U+FEFF, U+FF1A (：).
  if (c === 0xe2) return c1 === 0x80 && (c2 === 0xa8 || c2 === 0xa9) ? 3 : 0;
  return (c1 === 0xbb && c2 === 0xbf) || (c1 === 0xbc && c2 === 0x9a) ? 3 : 0;
}

/** A summary word as units of alternative byte strings: ASCII letters in both cases, others as UTF-8. */
const WORD_UNITS: Uint8Array[][][] = SUMMARY_WORDS.map((w) =>
  [...w].map((ch) =>
    [...new Set([ch.toLowerCase(), ch.toUpperCase()])].map((f) => new TextEncoder().encode(f)),
  ),
);
/** First bytes a summary word can start with. */
const WORD_FIRST = new Uint8Array(256);
for (const units of WORD_UNITS) for (const form of units[0]) WORD_FIRST[form[0]] = 1;

/** Past the separators from `q`: the first other byte (or `end`); -1 when the bytes end inside one. */
function skipSeps(b: Uint8Array, q: number, end: number): number {
  while (q < end) {
    const s = sepAt(b, q, end);
    if (s < 0) return -1;
    if (!s) return q;
    q += s;
  }
  return q;
}

/** Whether the field at `p` is `units` with separators: 1 yes, 0 no, -1 when the bytes end first. */
function wordAt(
  b: Uint8Array,
  p: number,
  end: number,
  units: Uint8Array[][],
  isBoundary: Uint8Array,
): number {
  let q = p;
  for (let k = 0; k < units.length; k++) {
    if (k > 0) q = skipSeps(b, q, end);
    if (q < 0 || q >= end) return -1;
    let len = 0;
    let short = false;
    for (const form of units[k]) {
      let j = 0;
      while (j < form.length && q + j < end && b[q + j] === form[j]) j++;
      if (j === form.length) {
        len = j;
        break;
      }
      if (q + j >= end) short = true;
    }
    if (!len) return short ? -1 : 0;
    q += len;
  }
  // Trailing separators up to a boundary (a boundary byte is tested first: \n, \r and a tab
  // delimiter are separators too).
  for (;;) {
    if (q >= end) return -1;
    if (isBoundary[b[q]]) return 1;
    const s = sepAt(b, q, end);
    if (s < 0) return -1;
    if (!s) return 0;
    q += s;
  }
}

/**
 * Whether the field after a boundary (from `p`) may be a summary word: 1 yes, 0 no, -1 when the
 * bytes end before it can be told. At the end of the data (`last`), the end is a boundary.
 */
function summaryFieldAt(
  b: Uint8Array,
  p: number,
  end: number,
  isBoundary: Uint8Array,
  last: boolean,
): number {
  const q = skipSeps(b, p, end);
  if (q < 0 || q >= end) return last ? 0 : -1;
  if (!WORD_FIRST[b[q]]) return 0;
  let open = false;
  for (const units of WORD_UNITS) {
    const r = wordAt(b, q, end, units, isBoundary);
    if (r > 0) return 1;
    if (r < 0) open = true;
  }
  // At the end of the data a word that ran to the end is a whole field: test it as one.
  if (open && last) {
    const padded = new Uint8Array(end - q + 1);
    padded.set(b.subarray(q, end));
    padded[end - q] = LF;
    const lf = new Uint8Array(256);
    lf.set(isBoundary);
    lf[LF] = 1;
    for (const units of WORD_UNITS) if (wordAt(padded, 0, padded.length, units, lf) > 0) return 1;
    return 0;
  }
  return open ? -1 : 0;
}

/** Bytes a Zs character can end with (the look behind runs only after one). */
const ZS_LAST = new Uint8Array(256);
for (const x of [SPACE, 0xa0, 0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0xaf, 0x9f])
  ZS_LAST[x] = 1;
/**
 * The byte after a boundary: 0 when no space, separator or summary word can start with it, 1 when
 * one can, 2 when only a multi-byte one can (then its second byte must be in SECOND). Boundary
 * bytes are 0: the boundary that follows looks ahead for itself.
 */
const AHEAD = new Uint8Array(256);
AHEAD[SPACE] = AHEAD[0x3a] = 1;
// Tab, vertical tab, form feed; not LF and CR, which are boundaries of their own.
AHEAD[0x09] = AHEAD[0x0b] = AHEAD[0x0c] = 1;
for (let x = 0; x < 0x80; x++) if (WORD_FIRST[x]) AHEAD[x] = 1;
const SECOND = new Uint8Array(256);
// Second bytes of U+00A0, U+1680, U+2000–U+205F, U+3000, U+FEFF, U+FF1A and of the first
// characters of the Chinese summary words.
for (const [lead, second] of [
  [0xc2, 0xa0],
  [0xe1, 0x9a],
  [0xe2, 0x80],
  [0xe2, 0x81],
  [0xe3, 0x80],
  [0xef, 0xbb],
  [0xef, 0xbc],
]) {
  AHEAD[lead] = 2;
  SECOND[second] = 1;
}
for (const units of WORD_UNITS)
  for (const form of units[0])
    if (form.length > 1) {
      AHEAD[form[0]] = 2;
      SECOND[form[1]] = 1;
    }

/**
 * Where the data starts: after `skipLines` line feeds, when the text before holds no quote and
 * no lone CR (then DuckDB's `skip` and a count of line feeds agree); else 0.
 */
function dataStart(b: Uint8Array, skipLines: number): number {
  let p = 0;
  for (let n = 0; n < skipLines; n++) {
    const lf = b.indexOf(LF, p);
    if (lf < 0) return 0;
    for (let i = p; i < lf; i++)
      if (b[i] === QUOTE || (b[i] === CR && i + 1 < lf && b[i + 1] !== LF)) return 0;
    p = lf + 1;
  }
  return p;
}

/**
 * The hot loop: from `from`, past plain bytes and past delimiters and line breaks outside quotes
 * between two plain fields (no space or summary word can start after one, none ends before it),
 * keeping the field count; returns the first boundary that needs a closer look (or the end).
 */
function plainRun(s: Sniffer, from: number): number {
  const { b, end, hot, delim, columns } = s;
  if (s.inQuote) {
    for (let p = from; p < end; p++) if (hot[b[p]] !== 0) return p;
    return end;
  }
  let field = s.field;
  let fieldStart = s.fieldStart;
  const stop = end - 2;
  let p = from;
  for (; p < end; p++) {
    const c = b[p];
    const k = hot[c];
    if (k === 0) continue;
    if (k === 2 || p >= stop) break;
    // (from >= 3: the byte before is in this buffer.)
    const l = b[p - 1];
    if (ZS_LAST[l] === 1 && (l === SPACE || zsBefore(b, p, 0))) break;
    const a = AHEAD[b[p + 1]];
    if (a === 1 || (a === 2 && SECOND[b[p + 2]] === 1)) break;
    if (c === delim) {
      field++;
      if (field >= columns) s.irregular = true;
    } else field = 0;
    fieldStart = p + 1;
  }
  s.field = field;
  s.fieldStart = fieldStart;
  return p;
}

/** The reader's state and what was found so far, across chunks. */
class Sniffer {
  readonly isBoundary = new Uint8Array(256);
  /** The main loop's bytes: 1 a delimiter or line break, 2 a quote or a NUL byte. */
  readonly hot = new Uint8Array(256);
  /** A NUL byte was found. */
  nul = false;
  // Found next to any boundary byte, quotes not followed (the answer for an irregular text).
  anyEdge = false;
  anySummary = false;
  // Found in a field, quotes followed.
  readonly edgeCols = new Set<number>();
  readonly summaryCols = new Set<number>();
  irregular = false;
  // Inside a quoted field; the field's position in its record; where it began in the buffer.
  inQuote = false;
  field = 0;
  fieldStart = -1;
  // The buffer being looked at, the (up to three) bytes before it, its end, and whether it
  // holds the end of the data.
  b: Uint8Array = new Uint8Array(0);
  prev: Uint8Array = new Uint8Array(0);
  end = 0;
  last = false;

  constructor(
    readonly delim: number,
    readonly columns: number,
  ) {
    this.isBoundary[delim] = this.isBoundary[QUOTE] = this.isBoundary[LF] = this.isBoundary[CR] = 1;
    this.hot[delim] = this.hot[LF] = this.hot[CR] = 1;
    this.hot[QUOTE] = this.hot[0] = 2;
  }

  private edge(col: number | null): void {
    this.anyEdge = true;
    if (col !== null) this.edgeCols.add(col);
  }

  /**
   * Look ahead of the field starting at `q` (the field `col`, or null when the bytes are not a
   * field's start): false when the bytes end before it can be told (nothing is changed then).
   */
  private fieldAhead(q: number, col: number | null): boolean {
    const { b, end, last } = this;
    let z = q < end ? zsAt(b, q, end) : -1;
    // At the end of the data an unfinished character is no space.
    if (z < 0 && last) z = 0;
    if (z < 0) return false;
    const s = summaryFieldAt(b, q, end, this.isBoundary, last);
    if (s < 0) return false;
    if (z > 0) this.edge(col);
    if (s > 0) {
      this.anySummary = true;
      if (col !== null) this.summaryCols.add(col);
    }
    return true;
  }

  /** Whether a space separator ends just before `p` (at the start of the buffer: in `prev`). */
  private behind(p: number): boolean {
    if (p >= 3) return ZS_LAST[this.b[p - 1]] === 1 && zsBefore(this.b, p, 0);
    const joined = new Uint8Array(this.prev.length + p);
    joined.set(this.prev);
    joined.set(this.b.subarray(0, p), this.prev.length);
    return zsBefore(joined, joined.length, 0);
  }

  /**
   * One boundary byte at `p` (`isVirtual`: the start of the data, no byte of its own): the
   * checks, then the reader's state. Returns the bytes it took (2 for an escaped quote), or 0
   * when left open (nothing is changed then).
   */
  boundary(p: number, isVirtual: boolean): number {
    const { b, end } = this;
    const c = isVirtual ? LF : b[p];
    if (c === 0) {
      this.nul = true;
      return 1;
    }
    if (c === QUOTE && this.inQuote) {
      // An escaped quote, or the closing one: the byte after tells.
      if (p + 1 >= end && !this.last) return 0;
      const after = p + 1 < end ? b[p + 1] : LF;
      if (after === QUOTE) {
        // Inside the field: only the quote-blind answer counts what is next to it.
        if (p + 2 < end && !this.fieldAhead(p + 2, null)) return 0;
        if (this.behind(p)) this.anyEdge = true;
        return 2;
      }
      // Closing: the field's content ends before it. (What follows is a boundary in a regular
      // text; the quote-blind answer looks at it all the same.)
      if (!this.fieldAhead(p + 1, null)) return 0;
      if (this.behind(p)) this.edge(this.field);
      if (after !== this.delim && after !== LF && after !== CR) this.irregular = true;
      this.inQuote = false;
      return 1;
    }
    if (c === QUOTE) {
      // Opening a quoted field: its content starts after it.
      if (!this.fieldAhead(p + 1, p === this.fieldStart ? this.field : null)) return 0;
      if (this.behind(p)) this.anyEdge = true;
      if (p !== this.fieldStart) this.irregular = true;
      this.inQuote = true;
      return 1;
    }
    if (this.inQuote) {
      // A delimiter or line break inside a quoted field.
      if (!this.fieldAhead(p + 1, null)) return 0;
      if (this.behind(p)) this.anyEdge = true;
      return 1;
    }
    // The end of a field (and of its record at a line break), the start of the next.
    const next = c === this.delim ? this.field + 1 : 0;
    if (!this.fieldAhead(p + 1, next)) return 0;
    if (!isVirtual && this.behind(p)) this.edge(this.field);
    this.field = next;
    if (next >= this.columns) this.irregular = true;
    this.fieldStart = p + 1;
    return 1;
  }

  /**
   * Scan the buffer from `from`, after the open boundary `at` (if any); the boundary left open,
   * if any. The hot loop keeps the reader's state in locals: most boundaries are a delimiter
   * between two plain fields (no space or summary word can start after it, none ends before it).
   */
  scan(at: number | null, atVirtual: boolean, from: number): number | null {
    if (at !== null && !this.boundary(at, atVirtual)) return at;
    let p = from;
    // The first bytes look behind into the previous buffer: the careful path.
    for (; p < Math.min(3, this.end); p++) {
      if (this.hot[this.b[p]] === 0) continue;
      const took = this.boundary(p, false);
      if (!took) return p;
      if (this.nul) return null;
      p += took - 1;
    }
    for (;;) {
      const q = plainRun(this, p);
      if (q >= this.end) return null;
      const took = this.boundary(q, false);
      if (!took) return q;
      if (this.nul) return null;
      p = q + took;
    }
  }

  facts(): TextFacts {
    if (this.irregular)
      return {
        nul: false,
        edgeSpace: this.anyEdge ? null : new Set(),
        summaryWord: this.anySummary ? null : new Set(),
      };
    return { nul: false, edgeSpace: this.edgeCols, summaryWord: this.summaryCols };
  }

  /** The end of the data: the last field ends there. */
  finish(): void {
    if (this.behind(this.end)) this.edge(this.inQuote ? null : this.field);
    if (this.inQuote) this.irregular = true;
  }
}

/**
 * Look at every byte of a UTF-8 CSV text once, chunk by chunk (a boundary still undecided at the
 * end of a chunk is looked at again with the next one). `delimiter`: the file's; `skipLines`:
 * lines above the first record (title lines and the header); `columns`: the header's fields.
 */
export async function sniffText(
  chunks: AsyncIterable<Uint8Array>,
  delimiter: string,
  skipLines: number,
  columns: number,
): Promise<TextFacts> {
  const s = new Sniffer(delimiter.charCodeAt(0), columns);
  // Bytes of the last buffer from a boundary left open (read again with the next chunk).
  let carry: Uint8Array | null = null;
  // That boundary's index in the next buffer (`virtual`: the start of the data, no byte of its
  // own), and where unseen bytes begin.
  let pending: number | null = null;
  let virtual = false;
  let start = 0;
  let first = true;
  const it = chunks[Symbol.asyncIterator]();
  let next = await it.next();
  while (!next.done) {
    const chunk: Uint8Array = next.value;
    next = await it.next();
    const last = !!next.done;
    let b = chunk;
    if (carry) {
      b = new Uint8Array(carry.length + chunk.length);
      b.set(carry);
      b.set(chunk, carry.length);
    }
    if (first) {
      start = dataStart(b, skipLines);
      pending = start - 1;
      virtual = true;
      s.fieldStart = start;
      first = false;
    }
    s.b = b;
    s.end = b.length;
    s.last = last;
    const opened = pending;
    const open = s.scan(pending, virtual, start);
    // The SQL then cleans and checks every cell, as it always did.
    if (s.nul) return NOTHING_PROVEN;
    if (last) s.finish();
    // One field longer than the carry limit: a summary word is not ruled out cheaply.
    else if (open !== null && b.length - open > MAX_CARRY) return NOTHING_PROVEN;
    else {
      // The next buffer: the chunk itself, or the open boundary's bytes and the chunk; `prev`:
      // the three bytes before it, for the look behind.
      const cut = open === null ? b.length : Math.max(0, open);
      if (cut >= 3) s.prev = b.slice(cut - 3, cut);
      else {
        const tail = new Uint8Array(s.prev.length + cut);
        tail.set(s.prev);
        tail.set(b.subarray(0, cut), s.prev.length);
        s.prev = tail.slice(Math.max(0, tail.length - 3));
      }
      carry = open === null ? null : b.slice(cut);
      pending = open === null ? null : open < 0 ? -1 : 0;
      virtual = virtual && open !== null && open === opened;
      start = pending === null ? 0 : pending + 1;
      s.fieldStart -= cut;
    }
  }
  return s.facts();
}
