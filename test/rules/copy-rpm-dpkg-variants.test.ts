// Findings fitted to the builder and the facts of real logs: buildkit/copy-source-missing's podman wording and its
// `COPY --from` title, apt/rpm-package-unavailable's pinned-version advice, apt/dpkg-read-only-file-system's Jetson story.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyzeLog } from './support/analyze-log.js';

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
