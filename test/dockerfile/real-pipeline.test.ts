// The whole pipeline (grammar, model, rules, locator, static checks) on real BuildKit logs with
// their Dockerfiles: where the findings land and what reproduce says.
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { analyzeStream } from '../../src/analyze.js';
import { parseDockerfile } from '../../src/dockerfile/dockerfile.js';

async function analyze(name: string) {
  const dir = new URL('../../fixtures/real/buildkit-0.13-dockerd-26.1/', import.meta.url);
  const dockerfile = parseDockerfile(readFileSync(new URL(`${name}.Dockerfile`, dir), 'utf8'), 'Dockerfile');
  return analyzeStream(Readable.from([readFileSync(new URL(`${name}.log`, dir))]), { dockerfile });
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

  it('a build that passed still gets the static findings, after the log findings', async () => {
    const analysis = await analyze('multistage-pass');
    const statics = analysis.findings.filter((f) => f.ruleId.startsWith('dockerfile/'));
    expect(statics.map((f) => [f.ruleId, f.location?.line])).toEqual([
      ['dockerfile/unpinned-base-image', 1],
      ['dockerfile/unpinned-base-image', 12],
    ]);
    const firstStatic = analysis.findings.findIndex((f) => f.ruleId.startsWith('dockerfile/'));
    expect(analysis.findings.slice(firstStatic).every((f) => f.ruleId.startsWith('dockerfile/'))).toBe(true);
  });
});
