// A static check and a log rule that tell the same problem on the same line give one finding:
// the log's, which says what happened to this build.
import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeStream } from '../../src/analyze.js';
import { parseDockerfile } from '../../src/dockerfile/dockerfile.js';
import { runStaticChecks, withoutRepeats } from '../../src/dockerfile/checks/index.js';

const samples = join(import.meta.dirname, '..', '..', 'fixtures', 'samples');
const dockerfile = parseDockerfile(readFileSync(join(samples, 'Dockerfile'), 'utf8'), 'Dockerfile');

describe('static findings the log already tells', () => {
  it('the sample build: nvcc rejected sm_50 on line 12, said once (by the log rule)', async () => {
    const statics = runStaticChecks(dockerfile);
    expect(statics.some((f) => f.ruleId === 'dockerfile/cuda-arch-unsupported' && f.location?.line === 12)).toBe(true);
    const { findings } = await analyzeStream(createReadStream(join(samples, 'cuda-multistage-failed.log')), { dockerfile });
    const onLine12 = findings.filter((f) => f.location?.line === 12).map((f) => f.ruleId);
    expect(onLine12).toEqual(['cuda/unsupported-arch']);
  });

  it('keeps a static finding on another line, and every one when the log has nothing alike', () => {
    const statics = runStaticChecks(dockerfile).filter((f) => f.ruleId === 'dockerfile/cuda-arch-unsupported');
    const log = { ...statics[0]!, ruleId: 'cuda/unsupported-arch', location: { file: 'Dockerfile', line: 99, endLine: 99 } };
    expect(withoutRepeats(statics, [log])).toEqual(statics);
    expect(withoutRepeats(statics, [])).toEqual(statics);
    expect(withoutRepeats(statics, [{ ...log, location: statics[0]!.location }])).toEqual(statics.slice(1));
  });
});
