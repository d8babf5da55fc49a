import { defineConfig } from 'vitest/config';

// End-to-end tests drive the built dist/ in headless Chromium; they run one file at a time
// because each starts a browser and a server.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
