// The whole pipeline (grammar, model, rules, locator, static checks) on real BuildKit logs with
// their Dockerfiles: where the findings land and what reproduce says.
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { analyzeStream } from '../../src/analyze.js';
import { parseDockerfile } from '../../src/dockerfile/dockerfile.js';

const REAL = { dir: '../../fixtures/real/buildkit-0.13-dockerd-26.1/', log: 'log' };
/** Plain logs recorded beside the rawjson ones, from the same cases' earlier Dockerfiles. */
const RAWJSON_PAIRS = { dir: '../../fixtures/rawjson/buildkit-0.13-dockerd-26.1/', log: 'plain.log' };

async function analyze(name: string, from = REAL) {
  const dir = new URL(from.dir, import.meta.url);
  const dockerfile = parseDockerfile(readFileSync(new URL(`${name}.Dockerfile`, dir), 'utf8'), 'Dockerfile');
  return analyzeStream(Readable.from([readFileSync(new URL(`${name}.${from.log}`, dir))]), { dockerfile });
}

describe('findings of real builds on their Dockerfile lines', () => {
  it('parallel stages: the failed RUN on its two lines, with a reproduce for stage "wheels"', async () => {
    const analysis = await analyze('parallel-stages-fail');
    const failed = analysis.findings.find((f) => f.step === analysis.model.failedStep)!;
    expect(failed.location).toEqual({ file: 'Dockerfile', line: 5, endLine: 6 });
    expect(failed.reproduce).toContain('BUILDX_EXPERIMENTAL=1 docker buildx debug --on=error --invoke sh build --target wheels -f Dockerfile .');
    expect(failed.reproduce).toContain('run the failing command by hand');
  });

  it('a missing COPY source: line 3, and reproduce says what to look for', async () => {
    const analysis = await analyze('copy-missing');
    const failed = analysis.findings.find((f) => f.step === analysis.model.failedStep)!;
    expect(failed.location).toEqual({ file: 'Dockerfile', line: 3, endLine: 3 });
    expect(failed.reproduce).toContain('look for what the instruction expects');
  });

  it('a build that passed still gets the static findings', async () => {
    // Recorded while the cases still built FROM local/busybox:latest (see fixtures/rawjson/README.md).
    const analysis = await analyze('multistage-pass', RAWJSON_PAIRS);
    expect(analysis.model.failedStep).toBeNull();
    expect(analysis.model.solveError).toBeNull();
    expect(analysis.findings.map((f) => [f.ruleId, f.location?.line])).toEqual([
      ['dockerfile/unpinned-base-image', 1],
      ['dockerfile/unpinned-base-image', 12],
    ]);
  });

  it('the static findings come after the log findings, which say what the build died of', async () => {
    const analysis = await analyze('command-not-found', RAWJSON_PAIRS);
    expect(analysis.findings.map((f) => [f.ruleId, f.location?.line])).toEqual([
      ['cuda/toolkit-not-found', 3],
      ['dockerfile/unpinned-base-image', 1],
    ]);
  });

  it('a Dockerfile with every base image tagged: no static finding', async () => {
    const analysis = await analyze('multistage-pass');
    expect(readFileSync(new URL('../../fixtures/real/buildkit-0.13-dockerd-26.1/multistage-pass.Dockerfile', import.meta.url), 'utf8')).toMatch(
      /^FROM local\/busybox:1\.35 AS base$/m,
    );
    expect(analysis.findings).toEqual([]);
  });
});
