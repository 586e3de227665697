// `npm run test:heavy`: checks that take minutes or time code on this machine (recheck's analysis
// of every pattern, fuzzed patterns and attack timings). CI runs them after `npm test`.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/heavy/**/*.test.ts'],
    testTimeout: 900_000,
  },
});
