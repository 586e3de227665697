// Property checks run with a fixed seed, so a failure reproduces, and a budget in runs, never in
// seconds. `npm test` runs each on its small budget; `npm run test:slow` (which sets the variable
// below) on its full one.
export const SLOW_SUITE_ENV = 'BUILDKIT_DOCTOR_SLOW_SUITE';

const SEED = 20_260_105;

/** fast-check's options for a property: `quick` runs in `npm test`, `full` in `npm run test:slow`. */
export function propertyBudget(quick: number, full: number): { seed: number; numRuns: number } {
  return { seed: SEED, numRuns: process.env[SLOW_SUITE_ENV] === '1' ? full : quick };
}

/** fast-check's options for a property cheap enough to run its whole budget in `npm test`. */
export function fixedSeed(numRuns: number): { seed: number; numRuns: number } {
  return { seed: SEED, numRuns };
}
