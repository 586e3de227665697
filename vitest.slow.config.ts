import { defineConfig } from 'vitest/config';
import { hangGuard } from './test/support/hang-guard.js';
import { SLOW_SUITE_ENV } from './test/support/property-budget.js';

// `npm run test:slow`: checks too heavy for `npm test`, which CI runs after it: recheck's analysis
// of every pattern, the 200 MB memory check, and the property checks at their full budget (the
// same files `npm test` runs on a small one; see test/support/property-budget.ts).
export default defineConfig({
  test: {
    include: ['test/slow/**/*.test.ts', 'test/**/*.property.test.ts'],
    env: { [SLOW_SUITE_ENV]: '1' },
    globalSetup: ['test/support/fresh-bundle.ts'],
    ...hangGuard,
  },
});
