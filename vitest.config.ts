// Test runner settings: node tests by default; browser tests drive Chromium themselves through playwright-core.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One build of the bundled corpus for the tests that need one (inject('corpusBuild')); the CLI and the fault test's
    // child as plain JS for the tests that start them as processes (inject('cliBundle'), inject('faultChild')).
    globalSetup: ['test/support/corpus-build.global.ts', 'test/support/bundles.global.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: run files in two forks, not more.
    pool: 'forks',
    maxWorkers: 2,
    // NOTE: test files of a worker share its loaded modules (src/ is imported and transformed once per worker, not once
    // per file): the suite's CPU time went from ~80 s to ~44 s without the browser tests. Tests must therefore leave no
    // global state behind (the CLI's run() restores the working directory; env is passed, never set on process.env).
    isolate: false,
  },
});
