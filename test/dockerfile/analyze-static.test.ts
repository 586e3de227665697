import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { analyzeStream } from '../../src/analyze.js';
import { parseDockerfile } from '../../src/dockerfile/dockerfile.js';
import { reportOf } from '../../src/report/json.js';

describe('the analyzer runs the static checks when a Dockerfile is known', () => {
  const dockerfile = parseDockerfile(readFileSync(new URL('../../fixtures/dockerfiles/pipefail-missing/match.Dockerfile', import.meta.url), 'utf8'), 'Dockerfile');

  it('even for a build that passed', async () => {
    const log = ['#1 [internal] load build definition from Dockerfile', '#1 DONE 0.0s', '', '#2 [2/4] RUN apt-get update && apt-get install -y curl', '#2 DONE 3.1s', ''].join('\n');
    const analysis = await analyzeStream(Readable.from([log]), { dockerfile });
    const ids = analysis.findings.map((f) => [f.ruleId, f.location?.line]);
    expect(ids).toContainEqual(['dockerfile/pipefail-missing', 3]);
    expect(ids).toContainEqual(['dockerfile/pipefail-missing', 4]);
    expect(reportOf(analysis).findings).toEqual(analysis.findings);
  });

  it('and not without one', async () => {
    const analysis = await analyzeStream(Readable.from(['#1 [1/1] FROM docker.io/library/alpine:3.20\n#1 DONE 0.1s\n']));
    expect(analysis.findings.filter((f) => f.ruleId.startsWith('dockerfile/'))).toEqual([]);
  });
});
