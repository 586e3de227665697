import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fixedSeed } from '../support/property-budget.js';
import { parseDockerfile, stageLabel, type Dockerfile, type DockerfileInstruction } from '../../src/dockerfile/dockerfile.js';

const fixture = (name: string): Dockerfile =>
  parseDockerfile(readFileSync(new URL(`../../fixtures/dockerfiles/parser/${name}`, import.meta.url), 'utf8'), name);

const brief = (i: DockerfileInstruction) => ({ keyword: i.keyword, line: i.line, endLine: i.endLine, step: i.step });

describe('parseDockerfile: a multi-stage CUDA Dockerfile', () => {
  const df = fixture('multistage-cuda.Dockerfile');

  it('reads the syntax directive and the ARGs before the first FROM', () => {
    expect(df.directives).toEqual({ syntax: 'docker/dockerfile:1.7' });
    expect(df.preamble.map((i) => i.line)).toEqual([2, 3, 4]);
    expect(Object.fromEntries(df.globalArgs)).toEqual({
      CUDA_VERSION: '12.4.0',
      UBUNTU: 'ubuntu22.04',
      BASE_IMAGE: 'nvidia/cuda:12.4.0-devel-ubuntu22.04',
    });
  });

  it('finds both stages, substitutes global ARGs into FROM and lower-cases the stage name', () => {
    expect(df.stages.map((s) => ({ name: s.name, from: s.from, platform: s.platform, line: s.line, endLine: s.endLine, steps: s.steps }))).toEqual([
      { name: 'builder', from: 'nvidia/cuda:12.4.0-devel-ubuntu22.04', platform: '$BUILDPLATFORM', line: 6, endLine: 19, steps: 6 },
      { name: null, from: 'nvidia/cuda:12.4.0-base-ubuntu22.04', platform: null, line: 21, endLine: 23, steps: 2 },
    ]);
    expect(df.stages.map(stageLabel)).toEqual(['builder', 'stage-1']);
    expect(df.stages[0]!.fromRaw).toBe('${BASE_IMAGE}');
  });

  it('gives every instruction its line range and BuildKit step number', () => {
    expect(df.stages[0]!.instructions.map(brief)).toEqual([
      { keyword: 'FROM', line: 6, endLine: 6, step: 1 },
      { keyword: 'ARG', line: 7, endLine: 7, step: null },
      { keyword: 'ENV', line: 8, endLine: 9, step: null },
      { keyword: 'RUN', line: 10, endLine: 14, step: 2 },
      { keyword: 'WORKDIR', line: 15, endLine: 15, step: 3 },
      { keyword: 'RUN', line: 16, endLine: 17, step: 4 },
      { keyword: 'COPY', line: 18, endLine: 18, step: 5 },
      { keyword: 'RUN', line: 19, endLine: 19, step: 6 },
    ]);
  });

  it('joins continuations the way BuildKit prints them: comment lines dropped, indentation kept', () => {
    expect(df.stages[0]!.instructions[3]!.text).toBe(
      'RUN apt-get update && apt-get install -y --no-install-recommends         build-essential         git     && rm -rf /var/lib/apt/lists/*',
    );
  });

  it('separates RUN --mount flags from the command and tracks ARG/ENV values', () => {
    const run = df.stages[0]!.instructions[5]!;
    expect(run.flags).toEqual([{ name: 'mount', value: 'type=cache,target=/root/.cache/pip' }]);
    expect(run.args).toBe('pip install torch==${TORCH_VERSION} numpy');
    expect(run.variables.get('TORCH_VERSION')).toBe('2.4.0');
    expect(run.variables.get('TORCH_CUDA_ARCH_LIST')).toBe('8.0;8.6;9.0');
    // Global ARGs are not visible inside a stage unless re-declared.
    expect(run.variables.has('CUDA_VERSION')).toBe(false);
  });

  it('reads COPY --from and the exec form', () => {
    const [, copy, cmd] = df.stages[1]!.instructions;
    expect(copy!.flags).toEqual([{ name: 'from', value: 'builder' }]);
    expect(cmd!.json).toEqual(['python3', '-c', 'import torch.profiler']);
    expect(cmd!.step).toBeNull();
  });
});

describe('parseDockerfile: heredocs', () => {
  const df = fixture('heredocs.Dockerfile');
  const [, plain, chomped, copy, python] = df.stages[0]!.instructions;

  it.each([
    ['RUN <<EOF', plain, 2, 5, 'EOF', false, true, 'set -eu\napt-get update'],
    ['RUN <<-"EOT" bash', chomped, 6, 9, 'EOT', true, false, '\tset -o pipefail\n\tcurl -fsSL https://example.com | sh'],
    ["COPY <<'CONF'", copy, 10, 12, 'CONF', false, false, 'threads=${THREADS}'],
    ['RUN python3 <<PY > /tmp/out', python, 13, 15, 'PY', false, true, 'print("hi")'],
  ])('%s', (_title, instruction, line, endLine, name, chomp, expand, content) => {
    expect(instruction).toBeDefined();
    expect({ line: instruction!.line, endLine: instruction!.endLine }).toEqual({ line, endLine });
    expect(instruction!.heredocs).toHaveLength(1);
    expect(instruction!.heredocs[0]).toMatchObject({ name, chomp, expand, content, terminated: true });
  });

  it('keeps the heredoc body out of the printed text', () => {
    expect(plain!.text).toBe('RUN <<EOF');
  });

  it('survives an unterminated heredoc', () => {
    const d = parseDockerfile('FROM alpine\nRUN <<EOF\necho never closed\n', 'Dockerfile');
    const run = d.stages[0]!.instructions[1]!;
    expect(run.heredocs[0]).toMatchObject({ terminated: false, content: 'echo never closed\n' });
    expect(run.endLine).toBe(4);
  });

  it('does not read heredocs in the exec form', () => {
    const d = parseDockerfile('FROM alpine\nRUN ["sh", "-c", "cat <<EOF"]\nRUN echo next\n', 'Dockerfile');
    expect(d.stages[0]!.instructions.map(brief)).toEqual([
      { keyword: 'FROM', line: 1, endLine: 1, step: 1 },
      { keyword: 'RUN', line: 2, endLine: 2, step: 2 },
      { keyword: 'RUN', line: 3, endLine: 3, step: 3 },
    ]);
  });
});

describe('parseDockerfile: directives and escapes', () => {
  it('switches the continuation character with # escape=`', () => {
    const df = fixture('escape-backtick.Dockerfile');
    expect(df.directives).toEqual({ escape: '`' });
    const [, run, copy] = df.stages[0]!.instructions;
    expect({ line: run!.line, endLine: run!.endLine }).toEqual({ line: 3, endLine: 4 });
    expect(run!.text).toBe('RUN powershell -Command     Write-Host C:\\path\\to\\dir');
    expect(copy!.line).toBe(5);
  });

  it('ignores a directive after a comment', () => {
    const df = fixture('directives-late.Dockerfile');
    expect(df.directives).toEqual({});
    const run = df.stages[0]!.instructions[1]!;
    expect({ line: run.line, endLine: run.endLine, text: run.text }).toEqual({ line: 4, endLine: 5, text: 'RUN echo a     b' });
  });

  it('handles CRLF line ends and a blank line inside a continuation', () => {
    const df = fixture('crlf-continuation.Dockerfile');
    const run = df.stages[0]!.instructions[1]!;
    expect({ line: run.line, endLine: run.endLine, text: run.text }).toEqual({
      line: 2,
      endLine: 5,
      text: 'RUN apk add --no-cache       bash       curl',
    });
  });
});

describe('parseDockerfile: stages', () => {
  it.each([
    ['FROM scratch', { from: 'scratch', steps: 0, baseStage: null }],
    ['FROM alpine AS base\nRUN true\nFROM base AS final\nRUN true', { from: 'base', steps: 1, baseStage: 0 }],
    ['ARG IMAGE\nFROM ${IMAGE}', { from: '', steps: 0, baseStage: null, fromUnresolved: ['IMAGE'] }],
    ['ARG TAG=3.20\nFROM --platform=linux/arm64 alpine:${TAG}', { from: 'alpine:3.20', platform: 'linux/arm64', steps: 1 }],
    ['from alpine as Web\nrun echo', { from: 'alpine', name: 'web', steps: 2 }],
  ])('%j', (text, expected) => {
    const df = parseDockerfile(text, 'Dockerfile');
    expect(df.stages.at(-1)).toMatchObject(expected);
  });

  it('upper-cases the keyword in the printed text', () => {
    const df = parseDockerfile('from alpine\nrun   echo hi', 'Dockerfile');
    expect(df.stages[0]!.instructions[1]!.text).toBe('RUN echo hi');
  });

  it('expands ENV from ARG in stage variables, and ARG NAME inherits the global default', () => {
    const df = parseDockerfile('ARG PY=3.11\nFROM python:${PY}\nARG PY\nENV PYTHON_VERSION=${PY} LEGACY_FORM=1\nENV OLD value with spaces\nRUN true', 'Dockerfile');
    const run = df.stages[0]!.instructions.at(-1)!;
    expect(Object.fromEntries(run.variables)).toEqual({ PY: '3.11', PYTHON_VERSION: '3.11', LEGACY_FORM: '1', OLD: 'value with spaces' });
  });
});

describe('parseDockerfile: never throws, always in bounds', () => {
  it('on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('F', 'R', 'O', 'M', ' ', '\\', '`', '\n', '\r', '<', '-', '"', "'", '#', '$', '{', '}', '[', ']', 'E', 'x', '=', '\t') }), (text) => {
        const df = parseDockerfile(text, 'Dockerfile');
        const lines = text.split('\n').length;
        for (const stage of df.stages)
          for (const i of stage.instructions) {
            expect(i.line).toBeGreaterThanOrEqual(1);
            expect(i.endLine).toBeGreaterThanOrEqual(i.line);
            expect(i.endLine).toBeLessThanOrEqual(lines);
          }
      }),
      fixedSeed(500),
    );
  });

  // A scan that backtracks would take minutes here and trip the hang guard; no clock is read.
  it('reads a pathological line to its end', () => {
    const df = parseDockerfile('FROM alpine\nRUN ' + ' '.repeat(200_000) + 'x' + '${A'.repeat(50_000) + ' \\\n' + '\t'.repeat(100_000), 'Dockerfile');
    expect(df.stages[0]!.instructions.map((i) => [i.keyword, i.line, i.endLine])).toEqual([
      ['FROM', 1, 1],
      ['RUN', 2, 3],
    ]);
  });
});
