// End-to-end tests: the built app (`vite build` runs first, see `npm run test:e2e`) served by the
// real server, driven in Debian's Chromium with playwright-core. One file at a time.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 90_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
