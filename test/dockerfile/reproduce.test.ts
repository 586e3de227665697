import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { analyzeStream } from '../../src/analyze.js';
import { parseDockerfile } from '../../src/dockerfile/dockerfile.js';
import { locateFindings } from '../../src/dockerfile/locate.js';
import { bakeAndShellCommand, reproduceCommand, stageReproduceCommand } from '../../src/dockerfile/reproduce.js';
import { makeFinding, makeModel, makeStep } from '../support/builders.js';
import { modelFromLog } from './log-model.js';

const cuda = parseDockerfile(
  [
    'FROM nvidia/cuda:12.4.0-devel-ubuntu22.04 AS builder',
    'RUN apt-get update && apt-get install -y cmake',
    'RUN cmake -S /src -B /build && cmake --build /build',
    '',
    'FROM nvidia/cuda:12.4.0-base-ubuntu22.04',
    'COPY --from=builder /build/app /usr/local/bin/app',
  ].join('\n'),
  'docker/Dockerfile.cuda',
);

describe('reproduceCommand', () => {
  it('a step that passed: build its stage and open a shell', () => {
    const s = makeStep({ id: 9, stage: 'builder', index: 3, total: 3, instruction: 'RUN cmake -S /src -B /build && cmake --build /build' });
    expect(reproduceCommand(s, cuda, makeModel({ steps: [s] }))).toBe(
      'docker buildx build --target builder -t bkd-debug:builder --load -f docker/Dockerfile.cuda . && docker run --rm -it bkd-debug:builder bash',
    );
  });

  it('an unnamed stage: says to name it, then targets that name', () => {
    const s = makeStep({ id: 11, stage: 'stage-1', index: 2, total: 2, instruction: 'COPY --from=builder /build/app /usr/local/bin/app' });
    expect(reproduceCommand(s, cuda, makeModel({ steps: [s] }))!.split('\n')).toEqual([
      "# --target needs a stage name: add `AS stage1` to the stage's FROM on line 5 first.",
      'docker buildx build --target stage1 -t bkd-debug:stage1 --load -f docker/Dockerfile.cuda . && docker run --rm -it bkd-debug:stage1 bash',
    ]);
  });

  it('a failed RUN: explains the stage boundary and offers the buildx debugger', () => {
    const { model: m } = { model: modelFromLog(readFileSync(new URL('../../fixtures/real/buildkit-0.13-dockerd-26.1/parallel-stages-fail.log', import.meta.url), 'utf8')) };
    const dockerfile = parseDockerfile(readFileSync(new URL('../../fixtures/real/buildkit-0.13-dockerd-26.1/parallel-stages-fail.Dockerfile', import.meta.url), 'utf8'), 'Dockerfile');
    const failed = m.steps.find((s) => s.status === 'error')!;
    expect(reproduceCommand(failed, dockerfile, m)!.split('\n')).toEqual([
      '# --target stops at a stage boundary, and stage "wheels" fails at Dockerfile:5:',
      '# comment that instruction out (with the rest of the stage after it), then build and open a shell',
      '# in the state just before it, and run the failing command by hand:',
      'docker buildx build --target wheels -t bkd-debug:wheels --load -f Dockerfile . && docker run --rm -it bkd-debug:wheels sh',
      '# Or let buildx 0.12.0+ (experimental) open a shell where the step failed:',
      'BUILDX_EXPERIMENTAL=1 docker buildx debug --on=error --invoke sh build --target wheels -f Dockerfile .',
    ]);
  });

  it('no Dockerfile, and the log shows one unnamed stage (BuildKit\'s stage-0): no --target, nothing to name', () => {
    const m = modelFromLog(readFileSync(new URL('../../fixtures/rules/cmake/package-not-found/match-torch-config.log', import.meta.url), 'utf8'));
    const failed = m.steps.find((s) => s.status === 'error')!;
    expect(failed.stage).toBe('stage-0');
    const lines = reproduceCommand(failed, null, m)!.split('\n');
    expect(lines.join('\n')).not.toMatch(/--target|AS stage0/);
    expect(lines.slice(0, 2)).toEqual(['# The build fails at Dockerfile:5:', '# comment that instruction out (with the rest of the Dockerfile after it), then build and open a shell']);
    expect(lines).toContain('docker buildx build -t bkd-debug:latest --load -f Dockerfile . && docker run --rm -it bkd-debug:latest bash');
  });

  it('no Dockerfile, and the log shows other stages too: the unnamed stage must be named to be a target', () => {
    const failed = makeStep({ id: 9, stage: 'stage-0', index: 2, total: 2, instruction: 'RUN make', status: 'error' });
    const other = makeStep({ id: 11, stage: 'stage-1', index: 2, total: 2, instruction: 'COPY --from=0 /app /app' });
    const lines = reproduceCommand(failed, null, makeModel({ steps: [failed, other], failedStep: 9 }))!.split('\n');
    expect(lines[0]).toBe("# --target needs a stage name: add `AS stage0` to the stage's FROM first.");
  });

  it('alpine and busybox images get sh', () => {
    const df = parseDockerfile('FROM alpine:3.20 AS tools\nRUN apk add curl\nFROM tools AS more\nRUN true', 'Dockerfile');
    const s = makeStep({ id: 3, stage: 'tools', index: 2, total: 2, instruction: 'RUN apk add curl' });
    expect(reproduceCommand(s, df, makeModel({ steps: [s] }))).toContain('docker run --rm -it bkd-debug:tools sh');
  });

  it('a single unnamed stage needs no --target; a platform is passed on', () => {
    const df = parseDockerfile('FROM python:3.11\nRUN pip install numpy==1.26.4', 'Dockerfile');
    const s = makeStep({ id: 5, index: 2, total: 2, instruction: 'RUN pip install numpy==1.26.4', platform: 'linux/arm64' });
    expect(reproduceCommand(s, df, makeModel({ steps: [s] }))).toBe(
      'docker buildx build --platform linux/arm64 -t bkd-debug:latest --load -f Dockerfile . && docker run --rm -it bkd-debug:latest bash',
    );
  });

  it('no Dockerfile: the error block names it; internal steps get nothing', () => {
    const s = makeStep({ id: 8, stage: 'builder', index: 5, total: 6, instruction: 'RUN make', status: 'error' });
    const m = makeModel({ steps: [s], solveError: { dockerfile: 'Dockerfile.repro', line: 60, endLine: 61, excerpt: [], message: '', exitCode: 2, step: 8 } });
    const command = reproduceCommand(s, null, m)!;
    expect(command).toContain('stage "builder" fails at Dockerfile.repro:60:');
    expect(command).toContain('docker buildx debug --on=error --invoke bash build --target builder -f Dockerfile.repro .');
    expect(reproduceCommand(makeStep({ id: 1, internal: true, instruction: 'load build definition from Dockerfile' }), null, m)).toBeNull();
  });

  it('quotes a path with spaces', () => {
    const df = parseDockerfile('FROM python:3.11 AS app\nRUN true', 'my app/Dockerfile');
    expect(stageReproduceCommand(df.stages[0]!, df)).toContain("-f 'my app/Dockerfile' .");
  });
});

describe('locateFindings adds reproduce', () => {
  it('to step findings and to static findings on a stage line', () => {
    const s = makeStep({ id: 9, stage: 'builder', index: 2, total: 3, instruction: 'RUN apt-get update && apt-get install -y cmake' });
    const [onStep, onLine, nowhere] = locateFindings(
      [
        makeFinding({ severity: 'warning', step: 9, location: null }),
        makeFinding({ severity: 'warning', step: null, location: { file: 'docker/Dockerfile.cuda', line: 6, endLine: 6 } }),
        makeFinding({ severity: 'warning', step: null, location: null }),
      ],
      makeModel({ steps: [s] }),
      cuda,
    );
    expect(onStep!.reproduce).toContain('--target builder');
    expect(onStep!.location).toEqual({ file: 'docker/Dockerfile.cuda', line: 2, endLine: 2 });
    expect(onLine!.reproduce).toContain('--target stage1');
    expect(nowhere!.reproduce).toBeUndefined();
  });
});

describe('bakeAndShellCommand', () => {
  it('names the stage and platform through --set, quoting what the shell would split', () => {
    expect(bakeAndShellCommand('trainer', { name: 'builder', unnamedLine: null, from: 'nvidia/cuda:12.4.1-devel-ubuntu22.04' }, 'linux/arm64')).toBe(
      'docker buildx bake trainer --set trainer.target=builder --set trainer.platform=linux/arm64 --set trainer.tags=bkd-debug:builder --load && docker run --rm -it bkd-debug:builder bash',
    );
    expect(bakeAndShellCommand('my app', { name: null, unnamedLine: null, from: 'alpine:3.20' }, null)).toBe(
      "docker buildx bake 'my app' --set 'my app.tags=bkd-debug:latest' --load && docker run --rm -it bkd-debug:latest sh",
    );
  });
});

describe('a failure at FROM', () => {
  it('is reproduced by asking the registry for the image, not by commenting out an instruction', () => {
    const s = makeStep({ id: 2, instruction: 'load metadata for docker.io/nvidia/cuda:12.4-devel-ubuntu22.04', internal: true, status: 'error' });
    expect(reproduceCommand(s, null, makeModel({ steps: [s], failedStep: 2 }))!.split('\n')).toEqual([
      '# The build stops at its base image: ask the registry for it by hand (its platforms, or the error):',
      'docker buildx imagetools inspect docker.io/nvidia/cuda:12.4-devel-ubuntu22.04',
      'docker pull docker.io/nvidia/cuda:12.4-devel-ubuntu22.04',
    ]);
  });

  it('a FROM step with a platform pulls that platform', () => {
    const s = makeStep({ id: 5, stage: 'base', instruction: 'FROM --platform=linux/arm64 nvidia/cuda:11.3.0-cudnn8-devel-ubuntu20.04 AS base', platform: 'linux/arm64', status: 'error' });
    const command = reproduceCommand(s, null, makeModel({ steps: [s] }))!;
    expect(command).toContain('docker pull --platform linux/arm64 nvidia/cuda:11.3.0-cudnn8-devel-ubuntu20.04');
    expect(command).not.toContain('comment');
  });

  it('a FROM that passed, or an ARG-built image, keeps the stage command', () => {
    const s = makeStep({ id: 5, stage: 'base', instruction: 'FROM nvidia/cuda:12.4.1-devel-ubuntu22.04 AS base' });
    expect(reproduceCommand(s, null, makeModel({ steps: [s] }))).toContain('docker buildx build --target base');
  });
});

describe('a build given named contexts (--build-context)', () => {
  // fixtures/samples/cuda-multistage-failed.log: `#3 [context cuda] load .dockerignore`, `#8 [context cuda] load from client`
  const modelOf = async (path: string) => (await analyzeStream(Readable.from([readFileSync(path)]))).model;
  const dockerfile = parseDockerfile(readFileSync('fixtures/samples/Dockerfile', 'utf8'), 'Dockerfile');

  it('the failed step’s commands say which contexts to give again, once, without guessing their values', async () => {
    const model = await modelOf('fixtures/samples/cuda-multistage-failed.log');
    const failed = model.steps.find((s) => s.id === model.failedStep)!;
    const command = reproduceCommand(failed, dockerfile, model)!;
    expect(command.split('\n')[0]).toBe('# The build was given named contexts: add --build-context cuda=… to both commands, with the values the build used.');
    expect(command.match(/--build-context/g)).toHaveLength(1);
  });

  it('a build with no named context gets no such line', async () => {
    const model = await modelOf('fixtures/real/buildkit-0.25-dockerd-28.5/run-fails.log');
    const failed = model.steps.find((s) => s.id === model.failedStep)!;
    expect(reproduceCommand(failed, null, model)).toMatch(/^# The build fails at /);
  });
});

describe('reproduceCommand on a podman / buildah log', () => {
  const dir = 'fixtures/real/podman-4.3/';
  const modelOf = async (path: string) => (await analyzeStream(Readable.from([readFileSync(path)]))).model;

  it('prints podman build and podman run, and no buildx command', async () => {
    const model = await modelOf(`${dir}apt-unable-to-locate.log`);
    const dockerfile = parseDockerfile(readFileSync(`${dir}apt-unable-to-locate.Containerfile`, 'utf8'), 'Containerfile');
    expect(model.format).toBe('buildah');
    const failed = model.steps.find((s) => s.id === model.failedStep)!;
    const lines = reproduceCommand(failed, dockerfile, model)!.split('\n');
    expect(lines.join('\n')).not.toMatch(/buildx|docker /);
    expect(lines.filter((l) => l.startsWith('podman '))).toEqual([
      'podman build --target stage1 -t bkd-debug:stage1 -f Containerfile . && podman run --rm -it bkd-debug:stage1 bash',
    ]);
  });
});

describe('reproduceCommand on a legacy-builder log', () => {
  // Recorded on Docker 28.5 with DOCKER_BUILDKIT=0 (fixtures/logs/README.md).
  const log = readFileSync('fixtures/logs/classic-cmake-failed.log', 'utf8');
  const dockerfile = parseDockerfile(readFileSync('fixtures/logs/classic-cmake-failed/Dockerfile', 'utf8'), 'Dockerfile');

  const modelOf = async (text: string) => (await analyzeStream(Readable.from([text]))).model;

  it('prints docker build without buildx or --load, and a shell in the image the step before the failure left', async () => {
    const model = await modelOf(log);
    expect(model.format).toBe('classic');
    const failed = model.steps.find((s) => s.id === model.failedStep)!;
    const lines = reproduceCommand(failed, dockerfile, model)!.split('\n');
    expect(lines.join('\n')).not.toMatch(/buildx|--load/);
    expect(lines).toContain('docker build --target builder -t bkd-debug:builder -f Dockerfile . && docker run --rm -it bkd-debug:builder bash');
    // Step 4/7 (`COPY . .`) printed ` ---> e298981e9b09`; step 5 failed.
    expect(lines.at(-1)).toBe('docker run --rm -it e298981e9b09 bash');
  });

  it('says how to find the image when the step before printed none', async () => {
    const cut = log.replace(' ---> e298981e9b09\n', '');
    expect(cut).not.toBe(log);
    const model = await modelOf(cut);
    const failed = model.steps.find((s) => s.id === model.failedStep)!;
    const text = reproduceCommand(failed, dockerfile, model)!;
    expect(text).not.toMatch(/docker run --rm -it [0-9a-f]{12}/);
    expect(text).toContain('`docker run --rm -it` that id of the step above the failed one, with bash, opens the state just before it.');
  });
});
