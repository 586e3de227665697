// Every real BuildKit plain log recorded under fixtures/real/buildkit-*/ (podman's are tested on their own), whatever it is: the model must agree
// with what the log itself says, line by line (the logs are re-recorded, so nothing is pinned).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseFile } from './parse-helpers.js';

const root = 'fixtures/real';
const logs = existsSync(root)
  ? readdirSync(root)
      .filter((engine) => engine.startsWith('buildkit-') && statSync(join(root, engine)).isDirectory())
      .flatMap((engine) => readdirSync(join(root, engine)).filter((f) => f.endsWith('.log')).map((f) => join(root, engine, f)))
  : [];

describe.each(logs)('%s', (file) => {
  test('steps, statuses and the failure agree with the log', async () => {
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n');
    const ids = new Set<number>();
    const ends = new Map<number, string>();
    for (const line of lines) {
      const m = /^#(\d+) (\S+)/.exec(line);
      if (m === null || m[1] === '0') continue;
      const id = Number(m[1]);
      ids.add(id);
      if (m[2] === 'DONE' || m[2] === 'CACHED' || m[2] === 'CANCELED' || m[2] === 'ERROR:') ends.set(id, m[2]);
    }
    const { model } = await parseFile(file);
    if (lines.every((l) => !l.startsWith('#'))) {
      // buildx refused the build before BuildKit started (several platforms on the docker driver, with
      // or without `--load`): its `ERROR: …` line is the build's last line, and there are no steps.
      expect(lines.some((l) => l.startsWith('ERROR: '))).toBe(true);
      expect(model.steps).toEqual([]);
      expect(model.solveError).not.toBeNull();
      return;
    }
    expect(model.format).toBe('buildkit-plain');
    expect(model.steps.map((s) => s.id).sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
    const status = { DONE: 'done', CACHED: 'cached', CANCELED: 'canceled', 'ERROR:': 'error' } as const;
    for (const step of model.steps) {
      expect(step.instruction.length, `#${step.id} has a name`).toBeGreaterThan(0);
      const end = ends.get(step.id) as keyof typeof status | undefined;
      expect(step.status, `#${step.id}`).toBe(end === undefined ? 'running' : status[end]);
    }
    // The last line of a failed build, in the generations recorded: `ERROR: failed to solve: …`,
    // buildx 0.29's `ERROR: failed to build: failed to solve: …` (its bake and compose name the
    // target: `ERROR: target trainer: failed to solve: …`, `target worker: failed to solve: …`), and
    // docker 20.10's bare `failed to solve with frontend …`, `failed to compute cache key: …`,
    // `executor failed running […]`.
    const failed = lines.some((l) => /^(?:ERROR: )?(?:target [\w.-]+: )?(?:failed to build: )?failed to (?:solve|compute cache key)|^executor failed running \[/.test(l));
    expect(model.solveError !== null).toBe(failed);
    const stepFailed = [...ends.values()].includes('ERROR:');
    expect(model.failedStep !== null).toBe(stepFailed);
    if (stepFailed) expect(model.steps.find((s) => s.id === model.failedStep)!.status).toBe('error');
  });
});
