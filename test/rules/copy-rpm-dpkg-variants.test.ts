// Findings fitted to the builder and the facts of real logs: buildkit/copy-source-missing's podman wording and its
// `COPY --from` title, apt/rpm-package-unavailable's pinned-version advice, apt/dpkg-read-only-file-system's Jetson story.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyzeLog } from './support/analyze-log.js';
import { rpmPackageUnavailable } from '../../src/rules/catalog/apt/rpm-package-unavailable.js';

const read = (rel: string): string => readFileSync(new URL(`../../fixtures/rules/${rel}`, import.meta.url), 'utf8');

async function finding(rel: string, ruleId: string) {
  const f = (await analyzeLog(read(rel))).find((x) => x.ruleId === ruleId);
  expect(f).toBeDefined();
  return f!;
}

describe('buildkit/copy-source-missing: builder and --from', () => {
  test('podman context copy: podman\'s words, .containerignore, no --from title', async () => {
    const f = await finding('buildkit/copy-source-missing/match-podman-copier-stat-context.log', 'buildkit/copy-source-missing');
    expect(f.title).toBe('COPY source not found in the build context');
    expect(f.message).toContain('`containers/cuda/intel-oneapi.repo`');
    expect(f.message).toContain('`podman build`');
    expect(f.fix).toContain('.containerignore');
    expect(f.fix).not.toContain('docker build');
  });

  test('podman COPY --from: the --from title and podman commands', async () => {
    const f = await finding('buildkit/copy-source-missing/match-podman-from-stage-wastebin.log', 'buildkit/copy-source-missing');
    expect(f.title).toBe('COPY --from source not found in the earlier stage');
    expect(f.fix).toContain('podman build --target builder -t debug-stage .');
    expect(f.fix).not.toContain('docker buildx');
  });

  test('BuildKit COPY --from (tty box): the --from title, not "in the build context"', async () => {
    const f = await finding('buildkit/copy-source-missing/match-from-stage-cache-key-tty.log', 'buildkit/copy-source-missing');
    expect(f.title).toBe('COPY --from source not found in the earlier stage');
    expect(f.message).toContain('`/app/build/examples/edusense/edusense.bin` does not exist in stage `builder`');
    expect(f.fix).toContain('docker buildx build --load --target builder');
  });

  test('BuildKit context copy keeps the context title and docker commands', async () => {
    const f = await finding('buildkit/copy-source-missing/match-context-file.log', 'buildkit/copy-source-missing');
    expect(f.title).toBe('COPY source not found in the build context');
    expect(f.fix).toContain('.dockerignore');
    expect(f.fix).not.toContain('.containerignore');
  });
});

describe('apt/rpm-package-unavailable', () => {
  test('a pinned TensorRT rpm (yum, classic builder, no exit line): the versions are listed by name', async () => {
    const f = await finding('apt/rpm-package-unavailable/match-yum-pinned-tensorrt-classic.log', 'apt/rpm-package-unavailable');
    expect(f.title).toBe('Pinned package version not in the repositories (yum)');
    expect(f.message).toContain('`libnvinfer8`');
    expect(f.message).toContain('`8.2.0-1.cuda10`');
    expect(f.fix).toContain('yum --showduplicates list libnvinfer8');
    expect(f.fix).not.toContain('dnf list');
  });
});

describe('apt/dpkg-read-only-file-system', () => {
  test('CUDA unpacked into a Jetson\'s read-only CUDA mount: the CSV story, the host\'s CUDA release', async () => {
    const f = await finding('apt/dpkg-read-only-file-system/match-jetson-cuda-nvrtc.log', 'apt/dpkg-read-only-file-system');
    expect(f.title).toContain('Jetson');
    expect(f.message).toContain('`/usr/local/cuda-10.2` is read-only');
    expect(f.message).toContain('10.2');
    expect(f.fix).toContain('host-files-for-container.d');
    expect(f.fix).toContain('sudo mv cuda.csv cudnn.csv tensorrt.csv ../csv-disabled/');
  });
});

describe('apt/rpm-package-unavailable: what counts as a pinned version', () => {
  const pinned = (): RegExp => {
    const ctx = rpmPackageUnavailable.context?.find((c) => c.name === 'pinned');
    expect(ctx?.pattern).toBeDefined();
    return new RegExp(ctx!.pattern!);
  };
  const read = (line: string): Record<string, string> | null => {
    const m = pinned().exec(line);
    return m === null ? null : { ...m.groups };
  };

  test('a name with a version and an rpm release (which starts with a digit)', () => {
    expect(read('No package libnvinfer8-8.2.0-1.cuda10 available.')).toEqual({ name: 'libnvinfer8', version: '8.2.0-1.cuda10' });
    // oracle/docker-images#929: the OpenJDK package's own name holds a version-like part
    expect(read('No package java-1.8.0-openjdk-1.8.0.151-5.b12.el7_4 available.')).toEqual({ name: 'java-1.8.0-openjdk', version: '1.8.0.151-5.b12.el7_4' });
    // openshift/openshift-docs#2148: `yum install docker-1.9`
    expect(read('No package docker-1.9 available.')).toEqual({ name: 'docker', version: '1.9' });
  });

  test('a bare package name whose name has a dotted number is no pin', () => {
    // EL's OpenJDK 8 package is named `java-1.8.0-openjdk`: `-openjdk` is part of the name, not a release
    expect(read('No package java-1.8.0-openjdk available.')).toBeNull();
    expect(read('No match for argument: java-1.8.0-openjdk')).toBeNull();
    expect(read('No match for argument: cuda-toolkit-12-4')).toBeNull();
  });
});
