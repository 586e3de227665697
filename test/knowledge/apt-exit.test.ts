import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { aptExitEnrich, aptInstallPackages } from '../../src/knowledge/apt-exit.js';
import { bookwormComponentsLine, componentPackageOf } from '../../src/knowledge/debian-components.js';
import type { BuildModel } from '../../src/model/types.js';
import type { FactView } from '../../src/facts/fact-view.js';
import { exitCodeOf } from '../../src/grammar/exit-code.js';

// The build's final error of unclecode/crawl4ai#2020 (fixtures/real-world/apt), without its `failed to solve: ` prefix.
const crawl4ai = readFileSync(new URL('../../fixtures/real-world/apt/crawl4ai-nvidia-cuda-toolkit-exit100.log', import.meta.url), 'utf8').trim().replace(/^failed to solve: /, '');

function modelOf(message: string, outsideLines?: string[]): BuildModel {
  return {
    format: 'buildkit-plain',
    steps: [],
    solveError: { dockerfile: null, line: null, endLine: null, excerpt: [], message, exitCode: exitCodeOf(message), step: null },
    failedStep: null,
    seconds: null,
    cacheHitRatio: null,
    lintWarnings: [],
    lines: 1,
    ...(outsideLines === undefined ? {} : { outsideLines }),
  };
}

function factsWith(os: string | null): FactView {
  return { get: () => null, value: (name) => (name === 'os' ? os : null), conflicts: () => [], place: null, githubHosted: false };
}

describe('aptInstallPackages', () => {
  test('the packages after `install`, up to the next shell operator, without options or version pins', () => {
    expect(aptInstallPackages('RUN apt-get update && apt-get install -y --no-install-recommends     nvidia-cuda-toolkit     && apt-get clean')).toEqual(['nvidia-cuda-toolkit']);
    expect(aptInstallPackages('RUN apt-get -qq install -y libcudnn8=8.9.2.26-1+cuda12.1 \\ git')).toEqual(['libcudnn8', 'git']);
    expect(aptInstallPackages('RUN pip install torch')).toBeNull();
  });
});

describe('the apt-exit enricher', () => {
  test('exit 100 with no `E:` line: the packages, and the one Debian keeps out of main with the components it needs', () => {
    const v = aptExitEnrich({}, null, modelOf(crawl4ai), factsWith(null));
    expect(v).toMatchObject({ aptExit: 'yes', packages: 'nvidia-cuda-toolkit', componentPackage: 'nvidia-cuda-toolkit', components: 'contrib non-free', bookworm: '', otherOs: '' });
    expect(v.componentsLine).toBe("RUN sed -i 's/^Components: main$/Components: main contrib non-free/' /etc/apt/sources.list.d/debian.sources");
  });

  test('the release the log shows: Debian 12, or another one the Debian 12 line does not fit', () => {
    expect(aptExitEnrich({}, null, modelOf(crawl4ai), factsWith('Debian 12')).bookworm).toBe('yes');
    expect(aptExitEnrich({}, null, modelOf(crawl4ai), factsWith('Ubuntu 22.04')).otherOs).toBe('Ubuntu 22.04');
  });

  test('nothing when apt printed its `E:` line, when the code is not 100, or when no apt-get install ran', () => {
    expect(aptExitEnrich({}, null, modelOf(crawl4ai, ["E: Package 'nvidia-cuda-toolkit' has no installation candidate"]), factsWith(null))).toEqual({});
    expect(aptExitEnrich({}, null, modelOf(crawl4ai.replace('exit code: 100', 'exit code: 1')), factsWith(null))).toEqual({});
    expect(aptExitEnrich({}, null, modelOf('process "/bin/sh -c make" did not complete successfully: exit code: 100'), factsWith(null))).toEqual({});
  });
});

describe('debian-components', () => {
  test('a package of main needs nothing; the CUDA toolkit needs contrib and non-free', () => {
    expect(componentPackageOf(['git', 'cmake'])).toBeNull();
    expect(componentPackageOf(['git', 'nvidia-cuda-dev'])).toMatchObject({ name: 'nvidia-cuda-dev', components: ['contrib', 'non-free'] });
    expect(bookwormComponentsLine(['non-free'])).toContain("'s/^Components: main$/Components: main non-free/'");
  });
});
