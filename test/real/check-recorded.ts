// Runs the engine suite's expectations on the logs recorded under fixtures/real/ (no engine):
// test/engine/run.mjs --fixtures, through the bundled CLI as users run it.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const repo = fileURLToPath(new URL('../..', import.meta.url));

/** Checks the recorded logs of some engines; at least `minimum` must pass (a suite that silently checks nothing fails). */
export function checkRecorded(engines: string[], minimum: number): void {
  const run = spawnSync(process.execPath, ['test/engine/run.mjs', '--fixtures', '--cli', 'dist/cli.cjs', ...engines.flatMap((e) => ['--engine', e])], {
    cwd: repo,
    encoding: 'utf8',
    timeout: 170_000,
  });
  const out = `${run.stdout}${run.stderr}`;
  const failures = out.split('\n').filter((line) => line.startsWith('FAIL'));
  expect(failures, out).toEqual([]);
  expect(run.status, out).toBe(0);
  const passed = Number(/(\d+) passed/.exec(out)?.[1] ?? 0);
  expect(passed).toBeGreaterThanOrEqual(minimum);
}
