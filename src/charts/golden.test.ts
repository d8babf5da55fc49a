import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { goldenSvg, testDocument } from './golden';

const DIR = join(dirname(new URL(import.meta.url).pathname), '__golden__');
const NAME = 'zz-golden-self-test';
const file = join(DIR, `${NAME}.svg`);
const changed = join(DIR, `${NAME}.changed.svg`);

function svg(text: string): Element {
  const el = testDocument().createElement('svg');
  el.textContent = text;
  return el;
}

afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(file, { force: true });
  rmSync(changed, { force: true });
});

describe('golden chart files', () => {
  it('fail under CI=true when the golden file is missing (a test must not write its own expectation)', () => {
    vi.stubEnv('CI', 'true');
    expect(() => goldenSvg(NAME, svg('a'))).toThrow(/missing golden chart/);
    expect(existsSync(file)).toBe(false);
  });

  it('write a missing golden file outside CI', () => {
    vi.stubEnv('CI', '');
    const r = goldenSvg(NAME, svg('a'));
    expect(r.expected).toBe(r.actual);
    expect(existsSync(file)).toBe(true);
  });

  it('keep a differing golden file and write the new drawing beside it for review', () => {
    writeFileSync(file, '<svg>old</svg>');
    const r = goldenSvg(NAME, svg('new'));
    expect(r.expected).toBe('<svg>old</svg>');
    expect(r.actual).not.toBe(r.expected);
    expect(readFileSync(file, 'utf8')).toBe('<svg>old</svg>');
    expect(readFileSync(changed, 'utf8')).toBe(r.actual);
  });
});
