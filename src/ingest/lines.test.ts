import { describe, expect, it } from 'vitest';
import { recordLines } from './lines';

async function* chunks(text: string, size: number) {
  const b = new TextEncoder().encode(text);
  for (let i = 0; i < b.length; i += size) yield b.subarray(i, i + size);
}

describe('record → line', () => {
  it('skips title, blank lines and follows quoted newlines, in any chunking', async () => {
    // line 1 title, 2 blank, 3 header, 4 rec1, 5 blank, 6–7 rec2 (quoted newline), 8 rec3 (CRLF), 9 rec4
    const text = 'Title\n\nh1,h2\n1,a\n\n2,"x\ny"\r\n3,b\r4,c\n';
    for (const size of [1, 2, 7, 100]) {
      const m = await recordLines(chunks(text, size), { headerLine: 2, wanted: [1, 2, 3, 4] });
      expect([...m.entries()]).toEqual([
        [1, 4],
        [2, 6],
        [3, 8],
        [4, 9],
      ]);
    }
  });
});

describe('newline normalisation', () => {
  it('turns CR, CRLF and LF into LF across chunk boundaries', async () => {
    const { normaliseNewlines } = await import('./stream');
    for (const size of [1, 2, 3, 50]) {
      const parts: Uint8Array[] = [];
      for await (const c of normaliseNewlines(chunks('a\rb\r\nc\nd\r', size))) parts.push(c);
      expect(new TextDecoder().decode(Buffer.concat(parts))).toBe('a\nb\nc\nd\n');
    }
  });
});
