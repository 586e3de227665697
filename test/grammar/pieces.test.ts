import { describe, expect, test } from 'vitest';
import { parseVertexName } from '../../src/grammar/vertex-name.js';
import { buildPushActionLead, exitCodeOf, parseErrorLineOf, parseFinalError } from '../../src/grammar/final-error.js';
import { decimal, readTimestamp, unwrapSeconds } from '../../src/grammar/buildkit-plain.js';
import { parseLintWarning } from '../../src/grammar/lint-and-clip.js';
import { parseFile, parseText } from './parse-helpers.js';

describe('parseVertexName', () => {
  test.each([
    ['[builder 7/10] RUN python setup.py build', { stage: 'builder', index: 7, total: 10, instruction: 'RUN python setup.py build', platform: null, target: null, internal: false }],
    ['[ 3/10] RUN make', { stage: null, index: 3, total: 10, instruction: 'RUN make', internal: false }],
    ['[builder  3/10] RUN make', { stage: 'builder', index: 3, total: 10 }],
    ['[linux/arm64 builder 3/7] RUN make', { stage: 'builder', platform: 'linux/arm64', index: 3, total: 7 }],
    ['[linux/amd64->arm64 builder 3/7] RUN make', { stage: 'builder', platform: 'linux/amd64->arm64' }],
    ['[web builder 2/5] COPY . .', { stage: 'builder', target: 'web', index: 2 }],
    ['[web linux/arm/v7 builder 2/5] COPY . .', { stage: 'builder', target: 'web', platform: 'linux/arm/v7' }],
    ['[internal] load build definition from Dockerfile', { stage: null, index: null, internal: true, instruction: 'load build definition from Dockerfile' }],
    ['[web internal] load .dockerignore', { target: 'web', internal: true }],
    ['[auth] library/ubuntu:pull token for registry-1.docker.io', { internal: true, target: null }],
    // a named build context (fixtures/real/buildkit-0.25-dockerd-28.5/quickstart.log)
    ['[context cuda] load from client', { internal: true, target: null, stage: null, instruction: 'load from client', namedContext: 'cuda' }],
    ['exporting to image', { stage: null, internal: true, instruction: 'exporting to image' }],
    ['[unclosed RUN make', { internal: true, instruction: '[unclosed RUN make' }],
  ])('%s', (name, fields) => {
    expect(parseVertexName(4, name)).toMatchObject({ id: 4, ...fields });
  });
});

describe('parseFinalError', () => {
  test.each([
    ['ERROR: failed to solve: process "/bin/sh -c make" did not complete successfully: exit code: 2', 'process "/bin/sh -c make" did not complete successfully: exit code: 2'],
    ['ERROR: failed to build: failed to solve: boom', 'boom'],
    // quoted in an issue, as openxrlab/xrnerf#30 shows it
    [
      '"ERROR: failed to solve: process "/bin/sh -c cd tiny-cuda-nn/bindings/torch && python setup.py install" did not complete successfully: exit code: 1"',
      'process "/bin/sh -c cd tiny-cuda-nn/bindings/torch && python setup.py install" did not complete successfully: exit code: 1',
    ],
    ['ERROR: target web: failed to solve: boom', 'boom'],
    ['target web: failed to solve: boom', 'boom'],
    ['error: failed to solve: boom', 'boom'],
    ['failed to solve: boom', 'boom'],
    ['Error: buildx failed with: ERROR: failed to solve: boom', 'boom'],
    ['failed to solve with frontend dockerfile.v0: failed to create LLB definition: boom', 'failed to create LLB definition: boom'],
    ['executor failed running [/bin/sh -c exit 3]: exit code: 3', 'executor failed running [/bin/sh -c exit 3]: exit code: 3'],
    ['ERROR: Multi-platform build is not supported for the docker driver.', 'Multi-platform build is not supported for the docker driver.'],
    [
      'ERROR: failed to build: Multi-platform build is not supported for the docker driver.',
      'Multi-platform build is not supported for the docker driver.',
    ],
    ['ERROR: failed to build: docker exporter does not currently support exporting manifest lists', 'docker exporter does not currently support exporting manifest lists'],
    // the message alone, as pasted in prefix-dev/pixi-docker#172 (a step run under BuildKit's QEMU)
    [
      'process "/dev/.buildkit_qemu_emulator /bin/sh -c apt-get update && apt-get install -y curl" did not complete successfully: exit code: 100',
      'process "/dev/.buildkit_qemu_emulator /bin/sh -c apt-get update && apt-get install -y curl" did not complete successfully: exit code: 100',
    ],
  ])('%s', (line, message) => {
    expect(parseFinalError(line)).toBe(message);
  });

  test('a line that only starts like the message is no final error', () => {
    // NVIDIA/gpu-driver-container#142's log line, and a `process "` line without BuildKit's closing words
    expect(parseFinalError('#11 0.057 Generating kernel_version.txt')).toBeNull();
    expect(parseFinalError('process "/dev/.buildkit_qemu_emulator /bin/sh -c apt-get update && apt-get install -y curl"')).toBeNull();
  });

  // docker/build-push-action's failure line, in each wording it has had and as the job log and the web view show it.
  test.each([
    // the job log's `##[error]buildx failed with: …`, its marker dropped by the line stage (actions/runner-images#10237)
    [
      'buildx failed with: ERROR: failed to solve: failed to register layer: write /opt/conda/lib/libnppial.so.11.8.0.86: no space left on device',
      'failed to register layer: write /opt/conda/lib/libnppial.so.11.8.0.86: no space left on device',
    ],
    // the web view, with buildx's newer `failed to build: ` (Lind-Project/lind-wasm#410)
    [
      'Error: buildx failed with: ERROR: failed to build: failed to solve: rpc error: code = Unknown desc = write /clang+llvm-18.1.8-x86_64-linux-gnu-ubuntu-18.04/lib/libLLVMAMDGPUDesc.a: no space left on device',
      'rpc error: code = Unknown desc = write /clang+llvm-18.1.8-x86_64-linux-gnu-ubuntu-18.04/lib/libLLVMAMDGPUDesc.a: no space left on device',
    ],
    // the action before v2.6.1, over BuildKit before 0.11 (fixtures/real-world/uv-conda/paseos-mamba-libarchive-missing.log)
    [
      'Error: buildx call failed with: ERROR: failed to solve: executor failed running [/bin/sh -c mamba env update --file environment.yml --name base]: exit code: 1',
      'executor failed running [/bin/sh -c mamba env update --file environment.yml --name base]: exit code: 1',
    ],
  ])('build-push-action: %s', (line, message) => {
    expect(parseFinalError(line)).toBe(message);
    expect(buildPushActionLead(line)).toBe(line.indexOf('ERROR: '));
  });

  test('the lead alone makes no final line, and other lines have no lead', () => {
    // buildx refusing a tag before any solve (openpharma/rbmi#531): the action's line, but not BuildKit's final error
    const tag = 'Error: buildx failed with: ERROR: failed to build: invalid tag "ghcr.io/insightsengineering:rbmi:refs/tags/v1.5.1": invalid reference format';
    expect(parseFinalError(tag)).toBeNull();
    expect(buildPushActionLead(tag)).toBe('Error: buildx failed with: '.length);
    expect(buildPushActionLead('ERROR: failed to build: failed to solve: process "/bin/sh -c make" did not complete successfully: exit code: 2')).toBe(0);
    expect(buildPushActionLead('Error: Cannot find module "x"')).toBe(0);
  });

  test.each([
    'ERROR: Could not find a version that satisfies the requirement torch==9.9',
    'Error: Cannot find module "x"',
    'target web: the build failed',
    'note: failed to solve: this is prose',
    // the refusal's words without buildx's `ERROR: ` lead: quoted in prose, not a build's last line
    'Multi-platform build is not supported for the docker driver.',
  ])('not a final line: %s', (line) => {
    expect(parseFinalError(line)).toBeNull();
  });

  test('exit codes', () => {
    expect(exitCodeOf('process "/bin/sh -c x" did not complete successfully: exit code: 137')).toBe(137);
    expect(exitCodeOf("The command '/bin/sh -c make' returned a non-zero code: 2")).toBe(2);
    expect(exitCodeOf('failed to compute cache key: not found')).toBeNull();
  });
});

describe('parseErrorLineOf: the line a parse error names when no excerpt does', () => {
  test.each([
    ['failed to create LLB definition: dockerfile parse error line 3: unknown instruction: COPPY', 3],
    ['failed to create LLB definition: Dockerfile parse error line 15: Unknown flag: mount', 15],
    ['dockerfile parse error on line 3: unknown instruction: COPPY (did you mean COPY?)', 3],
  ])('%s', (message, line) => {
    expect(parseErrorLineOf(message)).toBe(line);
  });

  test.each([
    'failed to create LLB definition: failed to do request: Head "https://registry-1.docker.io/v2/x/manifests/1": EOF',
    'dockerfile parse error line : nothing',
    'dockerfile parse error line 0: nothing',
    'dockerfile parse error line 12345678901: too long',
    'dockerfile parse error line 3 unknown instruction',
    'process "/bin/sh -c echo dockerfile parse error line 3" did not complete successfully: exit code: 1',
  ])('no line: %s', (message) => {
    expect(parseErrorLineOf(message)).toBeNull();
  });

  test('BuildKit 0.8: the solve error carries the line, and no file name it did not print', async () => {
    const { model } = await parseFile('fixtures/real/buildkit-0.8-dockerd-20.10/parse-error.log');
    expect(model.solveError).toMatchObject({ dockerfile: null, line: 3, endLine: 3, excerpt: [] });
  });

  test('an excerpt wins over the message', async () => {
    const { model } = await parseFile('fixtures/real/buildkit-0.13-dockerd-26.1/parse-error.log');
    expect(model.solveError).toMatchObject({ dockerfile: 'Dockerfile', line: 3, endLine: 3, excerpt: ['COPPY requirements.txt .'] });
  });
});

describe('BuildKit timestamps', () => {
  test.each([
    ['0.061 text', 0.061],
    ['12.34 text', 12.34],
    ['123.4 text', 123.4],
    ['1234. text', 1234],
    ['0.000', 0],
  ])('%s', (text, seconds) => {
    expect(readTimestamp(text, 0)?.seconds).toBe(seconds);
  });

  test.each(['1.2MB / 3.4MB', 'abc', '12 text', '.5 text', '1.2.3 text'])('no timestamp: %s', (text) => {
    expect(readTimestamp(text, 0)).toBeNull();
  });

  // The hand-read number is Number's, bit for bit: the times a step prints, and what only looks like one.
  test.each(['0.061', '12.34', '1234.', '0.1', '0.3', '123456789012345', '1234567890123.45', '1234567890123456', '9007199254740993.5', '', '.5', '5.', '1.2.3', '-1', '1e3', ' 7', '007.250'])(
    'decimal reads %j as Number does',
    (digits) => {
      expect(Object.is(decimal(`#${digits}s`, 1, digits.length + 1), Number(digits))).toBe(true);
    },
  );

  test('the %#.4g wrap past 9999 s is undone from the previous timestamp', () => {
    expect(unwrapSeconds(1.002, 9999)).toBe(10020);
    expect(unwrapSeconds(1.5, 1234)).toBe(1.5);
    expect(unwrapSeconds(12.34, 0)).toBe(12.34);
  });
});

describe("QEMU's own lines where a vertex header would be", () => {
  // raaymax/quack#312 quotes the line without its timestamp: the step's output, not a vertex named so.
  test('`#35 qemu: uncaught target signal 4 …` is output of step 35', async () => {
    const { events, model } = await parseText('#35 qemu: uncaught target signal 4 (Illegal instruction) - core dumped\n');
    expect(events).toContainEqual(expect.objectContaining({ type: 'step-output', id: 35, text: 'qemu: uncaught target signal 4 (Illegal instruction) - core dumped' }));
    expect(model.steps.find((s) => s.id === 35)).toMatchObject({ instruction: '', outputLines: 1 });
  });

  test('a vertex whose name only mentions qemu is still a header', async () => {
    const { model } = await parseText('#7 [linux/arm64 2/3] RUN qemu-aarch64 --version\n#7 0.100 qemu-aarch64 version 8.1.5\n#7 DONE 0.2s\n');
    expect(model.steps.find((s) => s.id === 7)?.instruction).toBe('RUN qemu-aarch64 --version');
  });
});

describe('parseLintWarning', () => {
  test('rule, message and line', () => {
    expect(parseLintWarning('JSONArgsRecommended: JSON arguments recommended for CMD (line 22)')).toEqual({ rule: 'JSONArgsRecommended', message: 'JSON arguments recommended for CMD', dockerfileLine: 22 });
  });
  test('no rule name, no line', () => {
    expect(parseLintWarning('something odd happened')).toEqual({ rule: '', message: 'something odd happened', dockerfileLine: null });
  });
});

describe('closing blocks that turn out not to be', () => {
  test('a `------` not followed by ` > name:` is output, and so is a `name:12` not followed by dashes', async () => {
    const { model, events } = await parseText('cmake output\n------\nnot a box\nlocalhost:5000\nnext\n');
    expect(model.format).toBe('plain-text');
    expect(model.steps[0]!.tail).toEqual(['cmake output', '------', 'not a box', 'localhost:5000', 'next']);
    expect(events.some((e) => e.type === 'solve-error')).toBe(false);
  });

  test('a box pasted alone creates its step; the excerpt without a final line still gives a solve error', async () => {
    const { model } = await parseText(' > [builder 3/7] RUN make:\n------\n------\n > [builder 3/7] RUN make:\n12.34 make: *** [all] Error 2\n------\nDockerfile:9\n--------------------\n   9 | >>> RUN make\n--------------------\n');
    const step = model.steps.find((s) => s.instruction === 'RUN make')!;
    expect(step).toMatchObject({ stage: 'builder', index: 3, total: 7, status: 'error', seconds: 12.34 });
    expect(step.tail).toEqual(['make: *** [all] Error 2']);
    expect(model.failedStep).toBe(step.id);
    expect(model.solveError).toMatchObject({ dockerfile: 'Dockerfile', line: 9, endLine: 9, message: '', step: step.id });
  });

  test('a log cut mid-step: output before any header makes a step, named when its header comes', async () => {
    const { model } = await parseText('#7 12.30 compiling\n#7 ...\n\n#8 [b 2/2] RUN x\n#8 DONE 0.1s\n\n#7 [b 1/2] RUN make\n#7 14.00 done\n#7 DONE 14.1s\n');
    expect(model.steps.map((s) => [s.id, s.instruction, s.status])).toEqual([
      [7, 'RUN make', 'done'],
      [8, 'RUN x', 'done'],
    ]);
    expect(model.steps[0]!.outputLines).toBe(2);
  });

  test('output for step 0 in a BuildKit log, and the builder line, are not steps of the build', async () => {
    const { model } = await parseText('#0 building with "default" instance using docker driver\n\n#1 [1/1] FROM x\n#1 DONE 0.1s\n#0 135.0 [output clipped, log limit 1MiB reached]\n');
    expect(model.steps.map((s) => s.id)).toEqual([1]);
  });
});

describe('hostile input', () => {
  // Work that grew with the steps seen would take minutes here and trip the hang guard; no clock is read.
  test('endless distinct headers stop at the step limit', async () => {
    const lines: string[] = [];
    for (let i = 1; i <= 6000; i++) lines.push(`#${i} [s ${i}/6000] RUN step ${i}`, `#${i} 0.1 out`, ` => [tty ${i}/6000] RUN x ${i}   0.1s`);
    const { model } = await parseText(lines.join('\n'));
    expect(model.steps).toHaveLength(5000);
  });

  test('a box that never closes ends at the final line', async () => {
    const { model } = await parseText('#1 [a 1/1] RUN x\n#1 0.1 out\n#1 ERROR: boom\n------\n > [a 1/1] RUN x:\n0.1 out\nERROR: failed to solve: boom\n');
    expect(model.solveError).toMatchObject({ message: 'boom', step: 1 });
  });
});

// astral-sh/uv#10661: a tty screen pasted with the terminal's trailing blanks after the time.
describe('a pasted tty row', () => {
  test('keeps its time apart from its name when blanks follow it', async () => {
    const { model } = await parseText(' => ERROR [fastapi stage-0 3/5] RUN --mount=type=cache,target=/root/.cache/uv     --mount=type=bind,source=uv.lock,target=uv.lock     --m  0.5s \n');
    expect(model.steps).toHaveLength(1);
    expect(model.steps[0]!.status).toBe('error');
    expect(model.steps[0]!.seconds).toBe(0.5);
    expect(model.steps[0]!.instruction).not.toMatch(/0\.5s/);
  });
});

// abgulati/LARS#7: the tty row and the error box print the RUN's line continuation with different runs of blanks.
describe("a tty screen's failed row and its error box", () => {
  test('are one step, whatever runs of blanks each prints', async () => {
    const { model } = await parseText(
      [
        ' => ERROR [ 7/13] RUN cmake -B build -DLLAMA_CUDA=ON  && cmake --build build --config Release                                             3.0s',
        '------',
        ' > [ 7/13] RUN cmake -B build -DLLAMA_CUDA=ON   && cmake --build build --config Release:',
        '0.589 CMake Error at CMakeLists.txt:145 (include):',
        '------',
        '',
      ].join('\n'),
    );
    expect(model.steps).toHaveLength(1);
    expect(model.steps[0]!.status).toBe('error');
    expect(model.steps[0]!.tail.some((l) => l.includes('CMake Error at CMakeLists.txt:145'))).toBe(true);
  });
});

// whipper-team/whipper#603: a podman STEP line pasted from a 100-column terminal, wrapped mid-word.
describe('a podman STEP line a terminal wrapped', () => {
  test('is joined while its pieces keep the first one\'s width, and the last shorter piece ends it', async () => {
    const piece = (text: string, width: number) => text.padEnd(width, ' ');
    const wide = piece('STEP 4/22: RUN apt-get update && apt-get install -y autoconf automak', 80);
    const { model } = await parseText([wide, piece('e cdrdao && pip3 --no-cache-dir inst', 80), 'all pycdio==2.1.0 discid', 'Reading package lists...', ''].join('\n'));
    expect(model.steps).toHaveLength(1);
    expect(model.steps[0]!.instruction).toBe(`${wide.slice('STEP 4/22: '.length)}${piece('e cdrdao && pip3 --no-cache-dir inst', 80)}all pycdio==2.1.0 discid`);
    expect(model.steps[0]!.tail).toEqual(['Reading package lists...']);
  });

  test('a long STEP line printed whole, then a shorter output line, stays two lines', async () => {
    const header = 'STEP 2/3: RUN pip install --no-cache-dir torch==2.3.0 torchvision==0.18.0 torchaudio==2.3.0';
    const { model } = await parseText([header, 'Collecting torch==2.3.0', ''].join('\n'));
    expect(model.steps[0]!.instruction).toBe(header.slice('STEP 2/3: '.length));
    expect(model.steps[0]!.tail).toEqual(['Collecting torch==2.3.0']);
  });
});
