import { describe, expect, it } from 'vitest';
import { detectEncoding, transcodeToUtf8 } from './encoding';

const gb = (s: string) => {
  // GB18030 bytes for a few characters, hand-made (TextEncoder only writes UTF-8).
  const table: Record<string, number[]> = {
    客: [0xbf, 0xcd],
    户: [0xbb, 0xa7],
    销: [0xcf, 0xfa],
    售: [0xca, 0xdb],
    额: [0xb6, 0xee],
  };
  return new Uint8Array([...s].flatMap((ch) => table[ch] ?? [ch.charCodeAt(0)]));
};

async function collect(gen: AsyncGenerator<Uint8Array>): Promise<string> {
  const parts: Uint8Array[] = [];
  for await (const c of gen) parts.push(c);
  return new TextDecoder().decode(Buffer.concat(parts));
}

async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

describe('encoding detection', () => {
  it('finds BOMs, UTF-16 without BOM, UTF-8, GB18030 and Windows-1252', () => {
    expect(detectEncoding([new Uint8Array([0xef, 0xbb, 0xbf, 0x61])])).toBe('utf-8-bom');
    expect(detectEncoding([new Uint8Array([0xff, 0xfe, 0x61, 0])])).toBe('utf-16le');
    expect(detectEncoding([new Uint8Array([0xfe, 0xff, 0, 0x61])])).toBe('utf-16be');
    expect(detectEncoding([new Uint8Array(Buffer.from('a,b\n1,2\n', 'utf16le'))])).toBe('utf-16le');
    expect(detectEncoding([new TextEncoder().encode('客户,销售额\n甲,1\n')])).toBe('utf-8');
    expect(detectEncoding([gb('客户,销售额\n1,2\n')])).toBe('gb18030');
    // Windows-1252: "Café Crème" (é = 0xE9, è = 0xE8).
    expect(
      detectEncoding([
        new Uint8Array([...Buffer.from('Caf'), 0xe9, ...Buffer.from(' Cr'), 0xe8, ...Buffer.from('me,1\n')]),
      ]),
    ).toBe('windows-1252');
    // Mac Roman, as in the real Superstore export: 0xCA = no-break space, 0xD2/0xD3 = “ ”, 0x8E = é.
    expect(
      detectEncoding([
        new Uint8Array([
          ...Buffer.from('Conference'),
          0xca,
          ...Buffer.from('phone,'),
          0xd2,
          0x8e,
          0xd3,
          0x0d,
        ]),
      ]),
    ).toBe('macintosh');
  });
  it('does not mistake a UTF-8 character cut by a sample window for bad bytes', () => {
    const bytes = new TextEncoder().encode('销售额');
    expect(detectEncoding([bytes.subarray(0, 4), bytes.subarray(4)])).toBe('utf-8');
  });
});

describe('streamed transcoding', () => {
  it('never cuts a character in two, whatever the chunk size', async () => {
    const src = gb('客户,销售额\n');
    for (const size of [1, 2, 3, 5])
      expect(await collect(transcodeToUtf8(chunked(src, size), 'gb18030'))).toBe('客户,销售额\n');
    const u16 = new Uint8Array(
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('客户\t销售额\n', 'utf16le')]),
    );
    for (const size of [1, 3])
      expect(await collect(transcodeToUtf8(chunked(u16, size), 'utf-16le'))).toBe('客户\t销售额\n');
  });
});
