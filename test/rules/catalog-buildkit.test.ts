// The buildkit family on what each BuildKit generation prints: the message and fix must fit the
// form seen (size or speed limit, a parse error with or without a suggestion, a registry that
// did not answer).
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyzeLog } from './support/analyze-log.js';

const real = (engine: string, name: string) => readFileSync(new URL(`../../fixtures/real/${engine}/${name}.log`, import.meta.url), 'utf8');
const CURRENT = 'buildkit-0.13-dockerd-26.1';
const OLD = 'buildkit-0.8-dockerd-20.10';

async function only(ruleId: string, log: string) {
  const findings = (await analyzeLog(log)).filter((f) => f.ruleId === ruleId);
  expect(findings).toHaveLength(1);
  return findings[0]!;
}

describe('buildkit/log-clipped', () => {
  test.each([CURRENT, OLD])('the speed limit (%s): BUILDKIT_STEP_LOG_MAX_SPEED, on the noisy step', async (engine) => {
    const f = await only('buildkit/log-clipped', real(engine, 'log-clipped'));
    expect(f.message).toContain('faster than 200KiB/s');
    expect(f.message).toContain('`BUILDKIT_STEP_LOG_MAX_SPEED`');
    expect(f.evidence).toEqual(['[output clipped, log limit 200KiB/s reached]']);
    expect(f.step).toBe(5);
  });

  test('the size limit: BUILDKIT_STEP_LOG_MAX_SIZE', async () => {
    const f = await only('buildkit/log-clipped', real(CURRENT, 'log-clipped-size'));
    expect(f.message).toContain('once it reached 2MiB');
    expect(f.message).toContain('`BUILDKIT_STEP_LOG_MAX_SIZE`');
    expect(f.message).not.toContain('MAX_SPEED');
  });

  test('the fix raises both limits, whichever was hit', async () => {
    const f = await only('buildkit/log-clipped', real(OLD, 'log-clipped'));
    expect(f.fix).toContain('env.BUILDKIT_STEP_LOG_MAX_SIZE=-1');
    expect(f.fix).toContain('env.BUILDKIT_STEP_LOG_MAX_SPEED=-1');
  });
});

describe('buildkit/dockerfile-parse-error', () => {
  test('BuildKit 0.8: the line from the message, no suggestion it did not make', async () => {
    const f = await only('buildkit/dockerfile-parse-error', real(OLD, 'parse-error'));
    expect(f.message).toBe('Line 3 of the Dockerfile starts with `COPPY`, which is not a Dockerfile instruction.');
    expect(f.fix).not.toContain('as BuildKit suggests');
    expect(f.fix).toContain('Spell the instruction correctly');
  });

  test("current BuildKit: repeats its `did you mean`", async () => {
    const f = await only('buildkit/dockerfile-parse-error', real(CURRENT, 'parse-error'));
    expect(f.message).toBe('Line 3 of the Dockerfile starts with `COPPY`, which is not a Dockerfile instruction.');
    expect(f.fix).toContain('Write the instruction as BuildKit suggests (`COPY`).');
  });
});

describe('buildkit/base-image-not-found', () => {
  test('BuildKit 0.8, registry unreachable: the registry and the image from the manifest request', async () => {
    const f = await only('buildkit/base-image-not-found', real(OLD, 'registry-from'));
    expect(f.title).toBe('Registry unreachable while resolving the base image');
    expect(f.message).toContain('`registry-1.docker.io`');
    expect(f.message).toContain('`nvidia/cuda` (tag or digest `12.4.1-cudnn-devel-ubuntu22.04`)');
    expect(f.fix).toContain('nslookup registry-1.docker.io');
  });

  test('current BuildKit, registry unreachable: the network variant names the image', async () => {
    const f = await only('buildkit/base-image-not-found', real(CURRENT, 'registry-from'));
    expect(f.title).toBe('Registry unreachable while resolving the base image');
    expect(f.message).toContain('`docker.io/nvidia/cuda:12.4.1-cudnn-devel-ubuntu22.04`');
  });

  test.each([CURRENT, OLD])('a RUN step that cannot resolve its own hosts is not about the base image (%s)', async (engine) => {
    const findings = await analyzeLog(real(engine, 'network-error-in-run'));
    expect(findings.map((f) => f.ruleId)).not.toContain('buildkit/base-image-not-found');
    expect(findings[0]!.ruleId).toBe('pip/no-matching-distribution');
  });
});

describe('wordings seen in public projects’ build logs (buildkit, shell, resources)', () => {
  const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/rules/${name}.log`, import.meta.url), 'utf8');

  test('buildkit/log-clipped: a limit of -1B is the "-1 means no limit" mistake, with byte counts as the fix', async () => {
    const f = await only('buildkit/log-clipped', fixture('buildkit/log-clipped/match-minus-one-limit-old-buildkit'));
    expect(f.message).toContain('at a limit of -1B');
    expect(f.message).toContain('reads `-1` as a number');
    expect(f.fix).toContain('BUILDKIT_STEP_LOG_MAX_SIZE=1073741824');
  });

  test('shell/unbound-variable: a positional parameter is a missing argument, not an ARG to declare', async () => {
    const f = await only('shell/unbound-variable', fixture('shell/unbound-variable/match-positional-parameter'));
    expect(f.message).toContain('read its argument `$1`');
    expect(f.fix).not.toContain('ARG $1');
    expect(f.fix).toContain('${1:-default}');
  });

  test('shell/unbound-variable: an empty array (bash before 4.4 reads it as unset)', async () => {
    const f = await only('shell/unbound-variable', fixture('shell/unbound-variable/match-empty-array-paste'));
    expect(f.message).toContain('`DOCKER_OPTS[@]` expands an array');
    expect(f.fix).not.toContain('ARG DOCKER_OPTS');
  });

  test('resources/job-timeout: GitLab’s wording, with its own limit', async () => {
    const f = await only('resources/job-timeout', fixture('resources/job-timeout/match-gitlab-job-timeout'));
    expect(f.message).toContain('(1h0m0s)');
    expect(f.message).toContain('cmake -S . -B build');
  });

  test('resources/job-timeout: a pasted line alone says the step is unknown instead of naming none', async () => {
    const f = await only('resources/job-timeout', 'The job has exceeded the maximum execution time of 6h0m0s\n');
    expect(f.severity).toBe('error');
    expect(f.message).toContain('(6h0m0s)');
    expect(f.message).toContain('does not show which build step was running');
  });

  test('apt/unable-to-locate-package: guarded in a step that finished, in a build that passed, it is a notice', async () => {
    const log = readFileSync(new URL('../../fixtures/real-world/clean/xcq-voce-unable-to-locate-but-ok.log', import.meta.url), 'utf8');
    const f = await only('apt/unable-to-locate-package', log);
    expect(f.severity).toBe('notice');
    // The RUN calls a script: no advice about apt-get update in "this RUN".
    expect(f.message).not.toContain('This `RUN` installs');
  });

  test('apt: the DNS failure leads, the package apt then could not find follows', async () => {
    const ids = (await analyzeLog(fixture('apt/fetch-failed/match-dns'))).map((f) => f.ruleId);
    expect(ids.slice(0, 2)).toEqual(['apt/fetch-failed', 'apt/unable-to-locate-package']);
  });

  test('apt/fetch-failed: a 404 on NVIDIA\'s own index is the server, retryable, not stale lists', async () => {
    const f = await only('apt/fetch-failed', fixture('apt/fetch-failed/match-nvidia-index-404'));
    expect(f.retryable).toBe(true);
    expect(f.message).toContain('ubuntu1604/x86_64/Packages');
    expect(f.message).not.toContain('stale (');
    expect(f.fix).toContain('rm -f /etc/apt/sources.list.d/cuda.list /etc/apt/sources.list.d/nvidia-ml.list && apt-get update');
    expect(f.fix).not.toContain('same `RUN` as `apt-get install`');
  });

  test('runtime/gpu-runtime-missing: a log showing Docker Desktop gets Docker Desktop\'s GPU setup, not apt and systemctl', async () => {
    const f = await only('runtime/gpu-runtime-missing', fixture('runtime/gpu-runtime-missing/match-docker-desktop-wsl2'));
    expect(f.fix).toContain('3.1.0');
    expect(f.fix).toContain('wsl --update');
    expect(f.fix).not.toContain('systemctl');
    expect(f.fix).not.toContain('apt-get install');
  });

  test.each(['match-actions-runner-shutdown-then-canceled', 'match-wazuh-self-hosted-lost-communication'])(
    'a lost runner is ci/runner-lost alone, not also a time limit (%s)',
    async (name) => {
      const ids = (await analyzeLog(fixture(`ci/runner-lost/${name}`))).map((f) => f.ruleId);
      expect(ids).toContain('ci/runner-lost');
      expect(ids).not.toContain('resources/job-timeout');
    },
  );
});

describe('buildkit/step-failed with no step holding the failure', () => {
  const realWorld = (name: string) => readFileSync(new URL(`../../fixtures/real-world/cmake/${name}.log`, import.meta.url), 'utf8');

  test.each(['cmake-build-exit1-outside-step-vllm-6916', 'cmake-build-exit1-outside-step-vllm-8099'])(
    'a traceback above the error box (%s): the command that failed, quoted with its exception',
    async (name) => {
      const f = await only('buildkit/step-failed', realWorld(name));
      expect(f.message).toMatch(/names the command that failed: `cmake --build \. -j=1 --target=\S+( --target=\S+)*` exited with status 1\./);
      expect(f.message).not.toContain('none printed');
      expect(f.evidence.some((e) => e.startsWith("subprocess.CalledProcessError: Command '['cmake', '--build'"))).toBe(true);
      expect(f.fix).toContain('--progress=plain');
    },
  );
});
