// Test runner settings: node tests by default; browser tests drive Chromium themselves through playwright-core.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One build of the bundled corpus for the tests that need one (inject('corpusBuild')).
    globalSetup: ['test/support/corpus-build.global.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: run files in two forks, not more.
    pool: 'forks',
    maxWorkers: 2,
  },
});
