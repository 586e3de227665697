// The CI's line stamps time the formats that print no times of their own (the classic builder,
// podman, a pasted tool log), and leave BuildKit's own clock alone.
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { analyzeStream } from '../../src/analyze.js';
import { ciTimestampOf } from '../../src/lines/clean-line.js';

async function modelOf(text: string) {
  return (await analyzeStream(Readable.from([Buffer.from(text)]))).model;
}

/** Prefixes every line with a GitHub Actions stamp, `seconds[i]` after 2026-03-01T10:00:00Z. */
function stamped(lines: string[], seconds: number[]): string {
  return lines
    .map((line, i) => `${new Date(Date.UTC(2026, 2, 1, 10, 0, 0) + seconds[i]! * 1000).toISOString().replace(/\.(\d{3})Z$/, '.$10000Z')} ${line}`)
    .join('\n');
}

describe('CI line stamps', () => {
  it('are read from the raw line: Actions (7 fractional digits, byte-order mark), bracketed ISO', () => {
    expect(ciTimestampOf('2026-01-02T03:04:05.1234567Z #1 DONE 0.0s')).toBe(Date.UTC(2026, 0, 2, 3, 4, 5, 123));
    expect(ciTimestampOf('\ufeff2026-01-02T03:04:05.5000000Z ##[group]Run docker build .')).toBe(Date.UTC(2026, 0, 2, 3, 4, 5, 500));
    expect(ciTimestampOf('[2026-01-02 03:04:05] Step 1/2 : FROM x')).toBe(Date.UTC(2026, 0, 2, 3, 4, 5));
    expect(ciTimestampOf('2026 was a good year')).toBeUndefined();
    expect(ciTimestampOf('#5 0.123 2026-01-02T03:04:05Z')).toBeUndefined();
    // `gh run view --log-failed`: the job's and the step's names first (a real line of wesen/wesen-os's run 23718753340)
    expect(ciTimestampOf('publish\tBuild and optionally push image\t2026-03-29T20:52:18.5832337Z ERROR: failed to build: Cache export is not supported for the docker driver.')).toBe(
      Date.UTC(2026, 2, 29, 20, 52, 18, 583),
    );
    // tabs that are not gh's: a table a tool printed
    expect(ciTimestampOf('torch\t2.3.1\tcu121')).toBeUndefined();
  });

  it('time the classic builder’s steps from its first line to the layer it wrote', async () => {
    const lines = [
      'Step 1/3 : FROM nvidia/cuda:12.4.1-devel-ubuntu22.04',
      ' ---> 2f4e1c7d9a8b',
      'Step 2/3 : RUN pip install -r requirements.txt',
      ' ---> Running in 0a1b2c3d4e5f',
      'Collecting torch==2.3.0',
      'Removing intermediate container 0a1b2c3d4e5f',
      ' ---> 9f8e7d6c5b4a',
      'Step 3/3 : RUN python -c "import torch"',
      ' ---> Running in 1b2c3d4e5f6a',
      "The command '/bin/sh -c python -c \"import torch\"' returned a non-zero code: 1",
    ];
    const model = await modelOf(stamped(lines, [0, 1, 1, 2, 30, 611, 612, 612, 613, 640]));
    expect(model.format).toBe('classic');
    expect(model.steps.map((s) => [s.index, s.seconds])).toEqual([
      [1, 1],
      [2, 611],
      [3, 28],
    ]);
    expect(model.seconds).toBe(640);
  });

  it('time a pasted tool log as its one implicit step: pip backtracking says how long it ran', async () => {
    const lines = [
      'INFO: pip is looking at multiple versions of lm-eval to determine which version is compatible with other requirements. This could take a while.',
      '  Downloading lm_eval-0.4.8-py3-none-any.whl.metadata (50 kB)',
      'INFO: This is taking longer than usual. You might need to provide the dependency resolver with stricter constraints to reduce runtime. See https://pip.pypa.io/warnings/backtracking for guidance. If you want to abort this run, press Ctrl + C.',
    ];
    const analysis = await analyzeStream(Readable.from([Buffer.from(stamped(lines, [0, 400, 1147]))]));
    expect(analysis.model.steps[0]?.seconds).toBe(1147);
    expect(analysis.findings[0]?.ruleId).toBe('pip/resolver-backtracking');
    expect(analysis.findings[0]?.message).toContain('The step ran 19m 07s.');
  });

  it('leave a BuildKit log’s own times alone, stamped preamble and all', async () => {
    const raw = readFileSync(new URL('../../fixtures/logs/actions-crlf-ansi.log', import.meta.url), 'utf8');
    const unstamped = raw.replace(/^\ufeff?\d{4}-\d\d-\d\dT[\d:.]+Z /gm, '');
    const [a, b] = await Promise.all([modelOf(raw), modelOf(unstamped)]);
    expect(a.format).toBe('buildkit-plain');
    expect(a.seconds).toBe(b.seconds);
    expect(a.steps.map((s) => [s.id, s.start, s.end, s.seconds])).toEqual(b.steps.map((s) => [s.id, s.start, s.end, s.seconds]));
  });

  it('without stamps, the classic builder stays untimed', async () => {
    const model = await modelOf(readFileSync(new URL('../../fixtures/logs/classic-cmake-failed.log', import.meta.url), 'utf8'));
    expect(model.steps.every((s) => s.seconds === null)).toBe(true);
    expect(model.seconds).toBeNull();
  });
});
