// Runs the engine suite's expectations on the logs it recorded under fixtures/real/ (no engine):
// the same checks as `node test/engine/run.mjs --fixtures`, with the CLI run in this process
// (src/cli/main.ts, the code the bundle runs) rather than started once per log. The bundled CLI
// itself is run end to end by test/io/e2e.test.ts, and on every recorded log by the engine suite.
import { expect } from 'vitest';
import { cli } from '../cli/harness.js';
import { recordedRuns, reportOf } from '../engine/run.mjs';

/** Checks the recorded logs of some engines; at least `minimum` must be there (a suite that silently checks nothing fails). */
export async function checkRecorded(engines: string[], minimum: number): Promise<void> {
  const runs = recordedRuns(engines);
  const failures: string[] = [];
  for (const run of runs) {
    if (!run.recorded) {
      failures.push(`${run.label}: not recorded (run the engine suite with --record)`);
      continue;
    }
    const { code, stdout, stderr } = await cli(run.args);
    const problems = run.problems(reportOf(code, stdout, stderr));
    if (problems.length > 0) failures.push(`${run.label}: ${problems.join('; ')}`);
  }
  expect(failures).toEqual([]);
  expect(runs.length).toBeGreaterThanOrEqual(minimum);
}
