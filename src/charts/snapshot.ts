import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { JSDOM } from 'jsdom';

/** A DOM document for rendering charts under Node (Plot takes it as its `document` option). */
export function testDocument(): Document {
  return new JSDOM('<!doctype html><html><body></body></html>').window.document;
}

/** Serialise a chart for a stable snapshot: numbers rounded to 2 decimals, ids/classes normalised. */
export function normaliseSvg(el: Element): string {
  return el.outerHTML
    .replace(/\d+\.\d{3,}/g, (m) => String(Math.round(Number(m) * 100) / 100))
    .replace(/plot-[a-z0-9]{4,}/g, 'plot-x')
    .replace(/></g, '>\n<');
}

/**
 * Compare a chart with `src/charts/__snapshots__/<name>.svg` (Plot's test habit). A missing
 * snapshot is written (delete one to regenerate, then review with `git diff`).
 * Returns the stored and the actual text.
 */
export function snapshot(name: string, el: Element): { expected: string; actual: string } {
  const file = join(dirname(new URL(import.meta.url).pathname), '__snapshots__', `${name}.svg`);
  const actual = normaliseSvg(el);
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
  }
  return { expected: readFileSync(file, 'utf8'), actual };
}
