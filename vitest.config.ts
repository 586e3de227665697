import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { hangGuard } from './test/support/hang-guard.js';

// `npm test`: every behaviour, fast and the same however busy the machine is. What is too heavy
// for it runs in `npm run test:slow` (vitest.slow.config.ts).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/engine/**', 'test/slow/**', 'node_modules/**'],
    globalSetup: ['test/support/fresh-bundle.ts'],
    // The test files share their workers' module cache: src/ is imported and transformed once per
    // worker, not once per file (with about a hundred files that was most of the run). No test
    // mocks a module or changes a module's state for the next file to see.
    isolate: false,
    // One worker per core: vitest's default keeps a core for its own process, which has little to do here (on a
    // 2-core machine that ran the files one at a time: 139 s, against 99 s with two workers).
    maxWorkers: availableParallelism(),
    ...hangGuard,
  },
});
