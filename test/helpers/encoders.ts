/** Test-data encoders (TextEncoder only writes UTF-8). */

let gbTable: Map<string, number[]> | null = null;
/** GB18030 bytes (TextEncoder only writes UTF-8): built once from the decoder's two-byte table. */
export function gb18030(text: string): Uint8Array {
  if (!gbTable) {
    gbTable = new Map();
    const dec = new TextDecoder('gb18030');
    for (let a = 0x81; a <= 0xfe; a++)
      for (let b = 0x40; b <= 0xfe; b++) {
        if (b === 0x7f) continue;
        const ch = dec.decode(new Uint8Array([a, b]));
        if (ch.length === 1 && !gbTable.has(ch)) gbTable.set(ch, [a, b]);
      }
  }
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (c < 0x80) out.push(c);
    else {
      const bytes = gbTable.get(ch);
      if (!bytes) throw new Error(`no GB18030 bytes for ${ch}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}
