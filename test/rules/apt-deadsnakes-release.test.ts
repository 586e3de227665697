// apt/unable-to-locate-package on a Python of the deadsnakes PPA: the PPA deletes an Ubuntu release's packages once the
// release reaches its end of life (deadsnakes/issues#251), and since October 2025 it has none for Ubuntu 20.04. The finding
// says so only when the facts put the release at 20.04 or older; without a release it says how to read it; on 22.04 / 24.04
// (which the PPA still builds for) and on another distribution it claims nothing of the kind.
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { analyzeStream } from '../../src/analyze.js';
import { parseDockerfile } from '../../src/dockerfile/dockerfile.js';
import { unableToLocatePackage } from '../../src/rules/catalog/apt/unable-to-locate-package.js';
import type { BuildFacts } from '../../src/facts/types.js';
import { makeModel } from '../support/builders.js';
import { findingOf } from './support/analyze-log.js';
import { runEngine, text } from './support/events.js';

const read = (name: string): string =>
  readFileSync(new URL(`../../fixtures/rules/apt/unable-to-locate-package/${name}`, import.meta.url), 'utf8');
const GONE = 'apt package not found: the deadsnakes PPA has no packages for this release';
const UNKNOWN = 'apt package not found: a Python from the deadsnakes PPA';

describe('apt/unable-to-locate-package: the deadsnakes PPA and the base release', () => {
  test('deadsnakes/issues#328 with its Dockerfile (nvidia/cuda 11.4.3 on 20.04): the PPA dropped focal; the newest patch of the first CUDA minor tagged for 22.04', async () => {
    const dockerfile = parseDockerfile(read('match-deadsnakes-focal-cuda114-deadsnakes-328.Dockerfile'), 'Dockerfile');
    const { findings } = await analyzeStream(Readable.from([Buffer.from(read('match-deadsnakes-focal-cuda114-deadsnakes-328.log'))]), { dockerfile });
    const f = findings.find((x) => x.ruleId === 'apt/unable-to-locate-package')!;
    expect(f.title).toBe(GONE);
    expect(f.message).toContain('since October 2025 it has none for Ubuntu 20.04 (focal) or older: this build\'s release is Ubuntu 20.04');
    // NVIDIA tags no 11.4 image for 22.04 (cuda-image-tags.ts): the runtime flavour of the first CUDA that has one
    expect(f.fix).toContain('`FROM nvidia/cuda:11.7.1-runtime-ubuntu22.04` in place of `nvidia/cuda:11.4.3-runtime-ubuntu20.04`');
    expect(f.fix).toContain('NVIDIA tags no CUDA 11.4 image for Ubuntu 22.04');
    // 11.7.1 is 11.7's newest patch, not the first 22.04 tag (`nvidia/cuda:11.7.0-devel-ubuntu22.04` was pulled too,
    // e.g. in 2023 text-generation-webui Dockerfiles)
    expect(f.fix).toContain('the first CUDA minor it tags for 22.04 is 11.7, and 11.7.1 its newest patch');
    expect(f.fix).not.toContain('11.7.1 is the first CUDA');
    expect(f.fix).toContain('`uv python install 3.10`');
  });

  test.each([['match-deadsnakes-focal-cuda114-deadsnakes-328.log'], ['match-deadsnakes-focal-jetson-arm64-deadsnakes-325.log']])(
    '%s alone shows no release: how to read it, and what focal and jammy / noble each mean',
    async (name) => {
      const f = await findingOf('apt/unable-to-locate-package', read(name));
      expect(f.title).toBe(UNKNOWN);
      expect(f.message).toContain('the log does not show this build\'s release');
      expect(f.fix).toContain('. /etc/os-release; echo "$ID $VERSION_ID $VERSION_CODENAME"');
      expect(f.fix).toContain('`jammy` or `noble`: the PPA builds for them');
    },
  );

  // The apt lines of deadsnakes/issues#328 as posted, with the release given as a fact (not as text): the release decides.
  const lines = [
    'E: Unable to locate package python3.10-dev',
    "E: Couldn't find any package by glob 'python3.10-dev'",
    "E: Couldn't find any package by regex 'python3.10-dev'",
    'E: Unable to locate package python3.10-distutils',
  ];
  const withOs = (os: string) => {
    const facts: BuildFacts = { os: [{ value: os, source: 'image-tag', evidence: os, line: 1, stage: null, step: null }] };
    return runEngine([unableToLocatePackage], lines.map((l) => text(l)), makeModel({ format: 'plain-text', steps: [], failedStep: null }), facts)[0]!;
  };

  test.each([['Ubuntu 20.04'], ['Ubuntu 18.04']])('%s: the PPA has none for it', (os) => {
    const f = withOs(os);
    expect(f.title).toBe(GONE);
    expect(f.fix).toContain(`The PPA will not serve ${os} again`);
  });

  test.each([['Ubuntu 22.04'], ['Ubuntu 24.04'], ['Debian 12']])('%s: no claim that the PPA dropped the release', (os) => {
    const f = withOs(os);
    expect(f.title).not.toBe(GONE);
    expect(f.title).not.toBe(UNKNOWN);
    expect(f.message).not.toContain('October 2025');
  });

  test('python3.12-distutils on jammy (the-blue-alliance): the distutils finding, not the PPA', async () => {
    const f = await findingOf('apt/unable-to-locate-package', read('match-python312-distutils-gone.log'));
    expect(f.title).toBe('No distutils package for Python 3.12 or later');
  });

  test('python3.9-dev (deadsnakes/issues#249, the maintainer\'s example of a non-LTS release): no Python 3.10+ of the PPA', async () => {
    // deadsnakes/issues#249 (comment by asottile, 2023-06-05), as posted
    const log = [
      '$ sudo apt install python3.9-dev',
      'Reading package lists... Done',
      'Building dependency tree... Done',
      'Reading state information... Done',
      'E: Unable to locate package python3.9-dev',
      "E: Couldn't find any package by glob 'python3.9-dev'",
    ].join('\n');
    const f = await findingOf('apt/unable-to-locate-package', log);
    expect(f.title).not.toBe(UNKNOWN);
    expect(f.message).not.toContain('deadsnakes');
  });
});
