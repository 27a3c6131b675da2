import { defineConfig } from 'vitest/config';

// Unit tests sit beside the code; cross-process tests live in tests/integration.
// End-to-end browser tests are Playwright's (playwright.config.ts), not vitest's.
export default defineConfig({
  test: {
    include: [
      'shared/**/*.test.ts',
      'server/**/*.test.ts',
      'electron/**/*.test.ts',
      'renderer/src/**/*.test.{ts,tsx}',
      'build/**/*.test.ts',
      'tests/integration/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
