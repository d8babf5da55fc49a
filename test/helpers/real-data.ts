/**
 * The real public exports (Superstore, UCI Online Retail, CDNOW) that some unit tests read.
 * They live beside the repository, in `../shared/data/real` from its root, not in it; the
 * folder is found from this file's place, so a checkout anywhere works.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { it } from 'vitest';

/** The repository root (this file is `test/helpers/real-data.ts`). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** `../shared/data/real` from the repository root. */
export const REAL_DATA_DIR = resolve(REPO_ROOT, '..', 'shared', 'data', 'real');

/** Path of one real file. */
export function realDataPath(file: string): string {
  return join(REAL_DATA_DIR, file);
}

/** Why the tests of these files cannot run (null when every file is there). */
export function missingRealData(files: string[]): string | null {
  const missing = files.filter((f) => !existsSync(realDataPath(f)));
  return missing.length ? `real data missing: ${missing.join(', ')} (looked in ${REAL_DATA_DIR})` : null;
}

/**
 * Whether the tests of these real files can run. When one is missing, a test says so where it
 * is called (top level or inside a `describe`): under CI (`CI=true`) a failing test, since CI
 * provides the folder and a missing one means the tests silently stopped covering real data;
 * elsewhere a skipped test whose name carries the reason, so the skip shows in the report.
 */
export function requireRealData(files: string[]): boolean {
  const reason = missingRealData(files);
  if (reason === null) return true;
  if (process.env.CI === 'true')
    it(`${reason}: fails under CI=true`, () => {
      throw new Error(`${reason}; CI must provide ../shared/data/real beside the repository`);
    });
  else it.skip(`${reason}: skipped (fails under CI=true)`, () => {});
  return false;
}
