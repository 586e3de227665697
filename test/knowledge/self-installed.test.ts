// A missing conda points back at the step that runs its installer: its curl without -L, its prefix.
import { describe, expect, test } from 'vitest';
import { curlWithoutLocation, selfInstalledEnrich } from '../../src/knowledge/self-installed-enricher.js';
import { selfInstalledTool } from '../../src/knowledge/self-installed-tools.js';
import type { BuildModel, Step } from '../../src/model/types.js';
import type { FactView } from '../../src/facts/fact-view.js';

// The Miniconda download of many Dockerfiles (pytorch's old Dockerfile and its copies, found with the code search):
// `curl -o ~/miniconda.sh -O` has no -L, so a URL that redirects saves the redirect response.
const noLocation = 'RUN curl -o ~/miniconda.sh -O  https://repo.continuum.io/miniconda/Miniconda3-latest-Linux-x86_64.sh  && chmod +x ~/miniconda.sh && ~/miniconda.sh -b -p /opt/conda && rm ~/miniconda.sh';

function step(id: number, instruction: string): Step {
  return {
    id, stage: null, index: id, total: 3, instruction, platform: null, target: null, internal: false, dockerfile: null,
    status: 'done', seconds: null, start: null, end: null, cached: false, error: null, exitCode: null,
    firstLine: id, lastLine: id, tail: [], outputLines: 0, clipped: false,
  } as unknown as Step;
}

function model(steps: Step[]): BuildModel {
  return { format: 'classic', steps, solveError: null, failedStep: steps.at(-1)!.id, seconds: null, cacheHitRatio: null, lintWarnings: [], lines: 1 };
}

const facts: FactView = { get: () => null, value: () => null, conflicts: () => [], place: 'image-build', githubHosted: false };

describe('curlWithoutLocation', () => {
  test('a curl with no -L, alone or in a flag group', () => {
    expect(curlWithoutLocation(noLocation)).toBe(true);
    expect(curlWithoutLocation('RUN curl -fsSL -o /tmp/m.sh https://repo.anaconda.com/miniconda/Miniconda3-latest-Linux-x86_64.sh')).toBe(false);
    expect(curlWithoutLocation('RUN curl --location -o /tmp/m.sh URL && bash /tmp/m.sh -b')).toBe(false);
    expect(curlWithoutLocation('RUN wget -O /tmp/m.sh URL')).toBe(false);
  });
});

describe('selfInstalledTool', () => {
  test('conda has no distribution package; git and pipx do', () => {
    expect(selfInstalledTool('conda')?.installerUrl).toMatch(/^https:\/\/repo\.anaconda\.com\/miniconda\/Miniconda3-/);
    expect(selfInstalledTool('git')).toBeNull();
    expect(selfInstalledTool('pipx')).toBeNull();
    expect(selfInstalledTool('constructor')).toBeNull();
  });
});

describe('selfInstalledEnrich', () => {
  test('the installer step of the log, its curl without -L and its prefix', () => {
    const failed = step(3, 'RUN conda env update -n=root --file=environment.yml');
    const out = selfInstalledEnrich({ command: 'conda' }, failed, model([step(1, 'FROM ubuntu:18.04'), step(2, noLocation), failed]), facts);
    expect(out).toMatchObject({ selfInstallStep: '[2/3]', selfCurlNoLocation: 'yes', selfInstallPrefix: '/opt/conda' });
  });

  test("the installer's own -p, not another command's", () => {
    const failed = step(3, 'RUN conda env update -n=root --file=environment.yml');
    const install = step(2, 'RUN mkdir -p /tmp/dl && curl -fsSL -o /tmp/dl/m.sh https://repo.anaconda.com/miniconda/Miniconda3-latest-Linux-x86_64.sh && bash /tmp/dl/m.sh -b -p /opt/miniconda3');
    const out = selfInstalledEnrich({ command: 'conda' }, failed, model([step(1, 'FROM ubuntu:22.04'), install, failed]), facts);
    expect(out.selfInstallPrefix).toBe('/opt/miniconda3');
  });

  test('without the installer step in the log: no step, no curl claim, the default prefix', () => {
    const failed = step(7, 'RUN conda env update -n=root --file=environment.yml');
    const out = selfInstalledEnrich({ command: 'conda' }, failed, model([failed]), facts);
    expect(out.selfInstallStep).toBeUndefined();
    expect(out.selfCurlNoLocation).toBeUndefined();
    expect(out.selfInstallPrefix).toBe('/opt/conda');
  });

  test('a command a package provides gets nothing', () => {
    const failed = step(2, 'RUN cmake ..');
    expect(selfInstalledEnrich({ command: 'cmake' }, failed, model([failed]), facts)).toEqual({});
  });
});

describe('selfInstalledEnrich: the installer an ADD downloads, by the build platform', () => {
  const withPlatform = (platform: string | null): FactView => ({ ...facts, value: (name: string) => (name === 'platform' ? platform : null) }) as FactView;
  const add = (platform: string | null): Record<string, string> => {
    const failed = step(2, 'RUN conda clean --all');
    return selfInstalledEnrich({ command: 'conda' }, failed, model([step(1, 'FROM ubuntu:22.04'), failed]), withPlatform(platform));
  };

  test('each machine Miniconda publishes gets its own installer', () => {
    expect(add('linux/amd64').selfInstallerAddUrl).toBe('https://repo.anaconda.com/miniconda/Miniconda3-latest-Linux-x86_64.sh');
    expect(add('linux/arm64').selfInstallerAddUrl).toBe('https://repo.anaconda.com/miniconda/Miniconda3-latest-Linux-aarch64.sh');
    expect(add('linux/ppc64le').selfInstallerAddUrl).toBe('https://repo.anaconda.com/miniconda/Miniconda3-latest-Linux-ppc64le.sh');
    expect(add('linux/s390x')).toMatchObject({ selfInstallerAddUrl: 'https://repo.anaconda.com/miniconda/Miniconda3-latest-Linux-s390x.sh', selfInstallerArchNote: '' });
  });

  test('no machine in the log: x86_64, and the arm64 one named; another machine: says the x86_64 one does not fit', () => {
    expect(add(null).selfInstallerArchNote).toContain('Miniconda3-latest-Linux-aarch64.sh');
    const arm32 = add('linux/arm/v7');
    expect(arm32.selfInstallerArchNote).toContain('linux/arm/v7');
    expect(arm32.selfInstallerArchNote).toContain('https://repo.anaconda.com/miniconda/');
  });
});
