import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../test/helpers/real-data';
import { en } from '../i18n/messages/en';
import { PAGES } from '../state/url-state';
import { defaultParams } from './params';
import { ANALYSES, RESULT_FILES } from './registry';

/** Result files of outputs.md that no analysis writes yet (each names its issue; remove when built). */
const NOT_YET_BUILT: Record<string, string> = {};

/** The file names of outputs.md's table (`| \`abc_customers.csv\` | …`). */
function specFiles(): string[] {
  const path = `${REPO_ROOT}/../shared/spec/outputs.md`;
  if (!existsSync(path)) {
    if (process.env.CI === 'true') throw new Error(`${path} is missing: CI must provide ../shared`);
    return [];
  }
  return [...readFileSync(path, 'utf8').matchAll(/^\| `([a-z_]+\.(?:csv|json))` \|/gm)].map((m) => m[1]);
}

describe('analysis registry', () => {
  it('gives every analysis a unique id, a page of the menu, and declared parameters that exist', () => {
    const ids = ANALYSES.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    const keys = Object.keys(defaultParams());
    for (const a of ANALYSES) {
      expect(PAGES, `${a.id}: page ${a.page}`).toContain(a.page);
      for (const p of a.params) expect(keys, `${a.id} reads ${p}`).toContain(p);
      // An analysis with files or a summary.json block runs for the result files.
      if (a.files.length > 0 || 'summary' in a) expect(a.run, `${a.id}: files need a run`).not.toBeNull();
    }
  });

  it('writes every result file of outputs.md exactly once (or names the issue that will)', () => {
    const spec = specFiles();
    expect(spec.length, 'outputs.md lists files').toBeGreaterThan(0);
    const written = RESULT_FILES;
    expect(new Set(written).size, 'a file written by two analyses').toBe(written.length);
    for (const f of spec) {
      if (f in NOT_YET_BUILT)
        expect(written, `${f} is built now: take it off NOT_YET_BUILT`).not.toContain(f);
      else expect(written, `${f} of outputs.md`).toContain(f);
    }
    for (const f of written) expect(spec, `${f} is not in outputs.md`).toContain(f);
  });

  it('names every page in the menu in the message catalogue', () => {
    for (const id of PAGES) expect(Object.keys(en), `nav.${id}`).toContain(`nav.${id}`);
  });
});
