// Advice read by an independent reviewer on real logs (round 22): the architecture a no-wheel failure was for, the
// requirement quoted in a shell command, psycopg2's pg_config, and a foreign library in a pulled image. Each case is
// a rule fixture (provenance in the fixture folders' READMEs); the near misses are real logs of the same rules.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyzeLog } from './support/analyze-log.js';

const fixture = (path: string): string => readFileSync(new URL(`../../fixtures/rules/${path}`, import.meta.url), 'utf8');

describe('no file for this platform', () => {
  test('from versions: none, platform not shown: names the platform among the causes and quotes the specifier', async () => {
    const [f] = await analyzeLog(fixture('pip/no-matching-distribution/match-none-arch-unknown-cadquery-ocp.log'));
    expect(f?.ruleId).toBe('pip/no-matching-distribution');
    expect(f?.message).toContain('other platforms or Pythons only');
    expect(f?.fix).toContain('`uname -m`');
    expect(f?.fix).toContain("pip download --no-deps 'cadquery-ocp<7.9,>=7.8'");
    expect(f?.fix).not.toContain('--no-deps cadquery-ocp<');
  });

  test('from versions: none on an Apple-Silicon Mac: the ARM64 advice', async () => {
    const [f] = await analyzeLog(fixture('pip/no-matching-distribution/match-none-m1-docker-run-simplification.log'));
    expect(f?.title).toBe('No release has a file for this platform (ARM64)?');
    expect(f?.fix).toContain('https://pypi.org/project/simplification/#files');
  });

  test('no gcc on aarch64 (setuptools build directory): compiler first, no advice to drop to an older Python', async () => {
    const [f] = await analyzeLog(fixture('pip/wheel-build-failed/match-no-gcc-aarch64-zoneinfo.log'));
    expect(f?.title).toBe('No wheel for ARM64 (aarch64), and no compiler to build one');
    expect(f?.fix).toContain('build-essential');
    expect(f?.fix).not.toContain('python:3.7');
  });

  test('near miss: no gcc on x86_64 keeps the no-wheel-for-this-Python advice', async () => {
    const [f] = await analyzeLog(fixture('pip/wheel-build-failed/match-no-cp312-wheel-no-gcc-aiohttp.log'));
    expect(f?.title).toBe('No wheel for this Python, and no compiler to build one');
  });

  test("uv's hint wrapped before `the following platforms:` on aarch64: no Linux aarch64 wheel", async () => {
    const [f] = await analyzeLog(fixture('pip/wheel-not-supported/match-uv-hint-aarch64-no-linux-wheel.log'));
    expect(f?.title).toBe('No wheel for ARM64 Linux (aarch64)');
    expect(f?.message).toContain('manylinux_2_28_x86_64');
    expect(f?.fix).toContain("platform_machine == 'aarch64'");
  });
});

describe('psycopg2 without pg_config', () => {
  test('psycopg2 sdist: libpq-dev and gcc, or psycopg2-binary; no CUDA advice', async () => {
    const [f] = await analyzeLog(fixture('pip/pg-config-missing/match-psycopg2-sdist-buildkit.log'));
    expect(f?.ruleId).toBe('pip/pg-config-missing');
    expect(f?.fix).toContain('libpq-dev gcc');
    expect(f?.fix).toContain('psycopg2-binary');
    expect(`${f?.message} ${f?.fix}`).not.toMatch(/CUDA|TORCH_CUDA_ARCH_LIST/);
  });

  test('psycopg2-binary taken as source: a release with a wheel for this Python, not psycopg2\'s circular hint', async () => {
    const [f] = await analyzeLog(fixture('pip/pg-config-missing/match-psycopg2-binary-sdist-no-wheel.log'));
    expect(f?.title).toBe('psycopg2-binary release has no wheel for this Python: pip built it from source');
    expect(f?.fix).toContain('`psycopg2-binary>=2.9.9` for Python 3.12');
    expect(f?.fix).toContain('`psycopg2-binary==2.9.6` in requirements.txt');
  });

  test('near miss: a wheel build without gcc is not this rule', async () => {
    const findings = await analyzeLog(fixture('pip/pg-config-missing/nomatch-wheel-build-no-gcc.log'));
    expect(findings.map((f) => f.ruleId)).not.toContain('pip/pg-config-missing');
  });
});

describe('glibc too old, with a library of another distro', () => {
  test('Debian-path library against a lib64 libc in a pulled image: which layer brought it, no build-stage advice', async () => {
    const [f] = await analyzeLog(fixture('runtime/glibc-too-old/match-pulled-image-foreign-libgldispatch.log'));
    expect(f?.title).toBe('A library from another distro in the container needs a newer glibc');
    expect(f?.fix).toContain('NVIDIA_DRIVER_CAPABILITIES=compute,utility');
    expect(f?.fix).not.toContain('build stage');
  });

  test('near miss: one distro layout keeps the build-stage advice', async () => {
    const [f] = await analyzeLog(fixture('runtime/glibc-too-old/match-docker-run-glibc-239.log'));
    expect(f?.title).toBe('Program needs a newer glibc than the image has');
  });
});
