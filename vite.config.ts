import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

/**
 * write-excel-file zips with fflate's asynchronous `zip`, which starts `blob:` workers that the
 * page's CSP forbids (the export would never finish): its zip step is replaced by
 * src/export/xlsx-zip.ts (same contract, synchronous, fixed timestamps). The library is kept out
 * of dependency pre-bundling below so that the dev server resolves it through this plugin too.
 */
function xlsxSyncZip(): Plugin {
  const target = fileURLToPath(new URL('./src/export/xlsx-zip.ts', import.meta.url));
  return {
    name: 'xlsx-sync-zip',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === '../zip/zipToArrayBuffer.js' && importer && /[\\/]write-excel-file[\\/]/.test(importer))
        return target;
      return null;
    },
  };
}

// base './' makes every asset URL relative, so the built dist/ works under any
// sub-path of any static server (intranet hosting, see README).
export default defineConfig({
  base: './',
  plugins: [xlsxSyncZip(), svelte()],
  build: {
    target: 'es2022',
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 4096,
  },
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm', 'write-excel-file'] },
  test: {
    include: [
      'src/**/*.test.ts',
      'test/unit/**/*.test.ts',
      'test/reference/**/*.test.ts',
      'sample-data/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Through Vite's pipeline, so the tests run the zip step the browser runs (xlsxSyncZip).
    server: { deps: { inline: ['write-excel-file'] } },
  },
});
