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

describe('buildkit/copy-source-missing: context or stage, as far as the log tells', () => {
  test('no instruction in the log (va.gov-team#67371, .next/standalone): both readings, how to tell, the Next.js setting', async () => {
    const f = await finding('buildkit/copy-source-missing/match-from-stage-next-standalone-bare.log', 'buildkit/copy-source-missing');
    expect(f.title).toBe('COPY source not found (build context or earlier stage)');
    expect(f.message).toContain('`/app/.next/standalone` was not found, and the log does not show the instruction');
    expect(f.fix).toContain("grep -nF 'app/.next/standalone' Dockerfile");
    expect(f.fix).toContain('docker buildx build --load --target "$stage" -t check .');
    expect(f.fix).toContain('docker run --rm check sh -c \'ls -la "$(dirname /app/.next/standalone)"\'');
    expect(f.fix).toContain("output: 'standalone'");
    expect(f.fix).toContain('git ls-files --error-unmatch app/.next/standalone');
    expect(f.message).not.toContain('is not in the build context:');
  });

  test('COPY --from of .next/standalone shown: the stage reading and the Next.js setting, no context commands', async () => {
    const f = await finding('buildkit/copy-source-missing/match-from-stage-next-standalone.log', 'buildkit/copy-source-missing');
    expect(f.title).toBe('COPY --from source not found in the earlier stage');
    expect(f.message).toContain('`/app/.next/standalone` does not exist in stage `builder`');
    expect(f.fix).toContain('docker buildx build --load --target builder -t debug-stage .');
    expect(f.fix).toContain("output: 'standalone'");
    expect(f.fix).not.toContain('git ls-files');
  });

  test('a plain COPY of .next/standalone shown: the build-context reading, no stage check or Next.js setting', async () => {
    const f = await finding('buildkit/copy-source-missing/match-context-next-standalone.log', 'buildkit/copy-source-missing');
    expect(f.title).toBe('COPY source not found in the build context');
    expect(f.fix).toContain('git ls-files --error-unmatch .next/standalone');
    expect(f.fix).not.toContain("output: 'standalone'");
    expect(f.fix).not.toContain('--target');
  });

  test('the context file of a real engine keeps the context reading', async () => {
    const f = await finding('buildkit/copy-source-missing/match-context-file.log', 'buildkit/copy-source-missing');
    expect(f.message).toContain('`requirements.txt` is not in the build context');
    expect(f.fix).not.toContain('does not show the failing instruction');
  });

  test('.next/static beside .next/standalone (no step known): the Next.js setting is only for the standalone folder', async () => {
    // one-zero-eight/website#114 (description, 2024-02-12), the GitHub Actions output quoted there, unchanged.
    const log = [
      'out: #16 [web runner 6/6] COPY --from=builder --chown=nextjs:nodejs /app/.next/static ./.next/static',
      'out: #16 ERROR: failed to calculate checksum of ref 2BTL:GN4T:7O77:PZEX:5[73](https://github.com/one-zero-eight/InNoHassle-Website/actions/runs/7874978850/job/21485809515#step:3:74)T:RAPV:J43D:D4OC:OMIB:IXY6:XXJD:XP5L::zc451is8y5so05zu2utk3igga: "/app/.next/static": not found',
      'out: #17 [web runner 5/6] COPY --from=builder --chown=nextjs:nodejs /app/.next/standalone ./',
      'out: #17 ERROR: failed to calculate checksum of ref 2BTL:GN4T:7O[77](https://github.com/one-zero-eight/InNoHassle-Website/actions/runs/7874978850/job/21485809515#step:3:78):PZEX:573T:RAPV:J43D:D4OC:OMIB:IXY6:XXJD:XP5L::zc451is8y5so05zu2utk3igga: "/app/.next/standalone": not found',
      'out: #18 [web runner 3/6] RUN adduser --system --uid 1001 nextjs',
      'out: #18 CACHED',
      'out: ------',
      'out:  > [web runner 5/6] COPY --from=builder --chown=nextjs:nodejs /app/.next/standalone ./:',
      'out: ------',
    ].join('\n');
    const f = (await analyzeLog(log)).find((x) => x.ruleId === 'buildkit/copy-source-missing');
    expect(f).toBeDefined();
    expect(f!.message).toContain('`/app/.next/static`');
    expect(f!.fix).not.toContain("output: 'standalone'");
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
