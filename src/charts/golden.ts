import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { JSDOM } from 'jsdom';

/** A DOM document for rendering charts under Node (Plot takes it as its `document` option). */
export function testDocument(): Document {
  return new JSDOM('<!doctype html><html><body></body></html>').window.document;
}

/** Serialise a chart for a stable comparison: numbers rounded to 2 decimals, ids/classes normalised. */
export function normaliseSvg(el: Element): string {
  return el.outerHTML
    .replace(/\d+\.\d{3,}/g, (m) => String(Math.round(Number(m) * 100) / 100))
    .replace(/plot-[a-z0-9]{4,}/g, 'plot-x')
    .replace(/></g, '>\n<');
}

/**
 * Compare a chart with its golden file `src/charts/__golden__/<name>.svg`, the reviewed drawing
 * (Observable Plot's test habit, there called snapshots). A missing golden file is written and
 * passes on a developer's machine (delete one to regenerate, then review with `git diff`), but
 * under CI (`CI=true`) it is an error: a test that writes its own expectation cannot fail. A
 * golden file that differs is left as it is and the new drawing is written beside it as
 * `<name>.changed.svg` for review (`git diff --no-index` the two). Returns the stored and the
 * actual text.
 */
export function goldenSvg(name: string, el: Element): { expected: string; actual: string } {
  const dir = join(dirname(new URL(import.meta.url).pathname), '__golden__');
  const file = join(dir, `${name}.svg`);
  const changed = join(dir, `${name}.changed.svg`);
  const actual = normaliseSvg(el);
  if (!existsSync(file)) {
    if (process.env.CI === 'true')
      throw new Error(
        `missing golden chart ${file}: run the tests without CI=true to write it, review and commit it`,
      );
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, actual);
  }
  const expected = readFileSync(file, 'utf8');
  if (expected !== actual) writeFileSync(changed, actual);
  else if (existsSync(changed)) rmSync(changed);
  return { expected, actual };
}
