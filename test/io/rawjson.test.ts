import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RawJsonGrammar, formatBytes, looksLikeRawJson, printedSeconds } from '../../src/grammar/rawjson.js';
import type { BuildEvent } from '../../src/grammar/events.js';
import type { LogLine } from '../../src/lines/types.js';
import { reportOf } from '../../src/report/json.js';

const REAL = 'fixtures/rawjson/buildkit-0.13-dockerd-26.1';

/** Feeds lines to the grammar; returns its events and the lines it left to the plain grammar. */
function parse(text: string) {
  const events: BuildEvent[] = [];
  const grammar = new RawJsonGrammar((e) => events.push(e));
  const rest: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (!grammar.push({ text: line, line: i + 1 })) rest.push(line);
  });
  grammar.end();
  return { events, rest };
}

function ofType<T extends BuildEvent['type']>(events: BuildEvent[], type: T) {
  return events.filter((e): e is Extract<BuildEvent, { type: T }> => e.type === type);
}

const b64 = (s: string) => Buffer.from(s).toString('base64');
const D = (n: number) => `sha256:${String(n).repeat(64)}`;
const record = (value: object) => JSON.stringify(value);

describe('rawjson: one record a line, as buildx 0.29 writes it (real engine output: nvcc fails)', () => {
  const { events, rest } = parse(readFileSync('fixtures/real/buildkit-0.25-dockerd-28.5/nvcc-unsupported-arch.rawjson', 'utf8'));

  it('numbers vertexes in the order they start, not the order they are listed', () => {
    // record 18 lists the four steps of the stage before any starts; the RUN starts last, as #10
    const started = ofType(events, 'step-started').map((e) => [e.header.id, e.header.stage, e.header.index, e.header.total, e.header.instruction.slice(0, 12)]);
    expect(started).toEqual([
      [1, null, null, null, 'load build d'],
      [2, null, null, null, 'load metadat'],
      [3, null, null, null, 'load .docker'],
      [4, null, null, null, 'load .docker'],
      [5, 'stage-0', 1, 4, 'FROM docker.'],
      [6, null, null, null, 'load from cl'],
      [7, 'stage-0', 2, 4, 'WORKDIR /src'],
      [8, null, null, null, 'load build c'],
      [9, 'stage-0', 3, 4, 'COPY saxpy.c'],
      [10, 'stage-0', 4, 4, 'RUN --mount='],
    ]);
    expect(ofType(events, 'step-started')[0]!.header.internal).toBe(true);
    // the named context's vertexes, `[context cuda] …` (3 and 6): BuildKit's own work, of no bake target
    const contextVertexes = ofType(events, 'step-started').filter((e) => e.header.id === 3 || e.header.id === 6);
    expect(contextVertexes.map((e) => [e.header.internal, e.header.target])).toEqual([
      [true, null],
      [true, null],
    ]);
    expect(ofType(events, 'step-started').some((e) => e.header.target !== null)).toBe(false);
  });

  it("splits a record's data into lines, keeps their stream and counts seconds from the step start", () => {
    const out = ofType(events, 'step-output').filter((e) => e.id === 10);
    expect(out.map((e) => [e.stream, e.text])).toEqual([
      ['stdout', 'nvcc: NVIDIA (R) Cuda compiler driver'],
      ['stdout', 'Copyright (c) 2005-2025 NVIDIA Corporation'],
      ['stdout', 'Built on Wed_Aug_20_01:58:59_PM_PDT_2025'],
      ['stdout', 'Cuda compilation tools, release 13.0, V13.0.88'],
      ['stdout', 'Build cuda_13.0.r13.0/compiler.36424714_0'],
      ['stderr', "nvcc fatal   : Unsupported gpu architecture 'compute_50'"],
    ]);
    expect(out.map((e) => e.seconds)).toEqual([0.393, 0.393, 0.393, 0.393, 0.393, 0.409]);
    expect(out.every((e) => e.decoded === true)).toBe(true);
  });

  it('ends the failed step as the plain printer does: ERROR with the message', () => {
    const [error] = ofType(events, 'step-error');
    expect(error).toMatchObject({ id: 10, seconds: 0.5 });
    expect(error!.message).toMatch(/^process "\/bin\/sh -c nvcc --version .*" did not complete successfully: exit code: 1$/);
    expect(ofType(events, 'step-error')).toHaveLength(1);
  });

  it('turns a finished sub-status into the line plain progress prints for it', () => {
    expect(ofType(events, 'step-output').filter((e) => e.id === 1).map((e) => e.text)).toEqual(['transferring dockerfile: 405B done']);
    expect(ofType(events, 'step-output').filter((e) => e.id === 6).map((e) => e.text)).toEqual(['transferring cuda: 309.94MB 6.8s done']);
  });

  it('leaves the closing excerpt and ERROR line to the plain grammar', () => {
    expect(rest.filter((l) => l !== '')).toEqual([
      'Dockerfile:6',
      '--------------------',
      '   5 |     # the host\'s CUDA 13.0 toolkit, bind-mounted from the named build context "cuda"',
      '   6 | >>> RUN --mount=type=bind,from=cuda,target=/usr/local/cuda-13.0 \\',
      '   7 | >>>     nvcc --version \\',
      '   8 | >>>     && nvcc -gencode arch=compute_50,code=sm_50 -gencode arch=compute_80,code=sm_80 -c saxpy.cu -o saxpy.o',
      '   9 |     ',
      '--------------------',
      'ERROR: failed to build: failed to solve: process "/bin/sh -c nvcc --version     && nvcc -gencode arch=compute_50,code=sm_50 -gencode arch=compute_80,code=sm_80 -c saxpy.cu -o saxpy.o" did not complete successfully: exit code: 1',
    ]);
    expect(events[0]).toEqual({ type: 'format', format: 'buildkit-rawjson' });
  });
});

describe('rawjson: indented records as buildx 0.13 writes them (real engine output)', () => {
  it('reads the failing build: the steps of the plain log of the same build, the error, the output', () => {
    const { events } = parse(readFileSync(`${REAL}/run-fails.rawjson`, 'utf8'));
    const labels = ofType(events, 'step-started').map((e) => `#${e.header.id} ${e.header.instruction.slice(0, 30)}`);
    expect(labels).toEqual([
      '#1 load build definition from Doc',
      '#2 load metadata for docker.io/lo',
      '#3 load .dockerignore',
      '#4 FROM docker.io/local/busybox:l',
      '#5 WORKDIR /workspace',
      '#6 RUN echo "configuring" && touc',
      '#7 RUN for i in $(seq 1 14); do e',
    ]);
    const out = ofType(events, 'step-output').filter((e) => e.id === 7);
    expect(out).toHaveLength(15);
    expect(out.find((e) => e.stream === 'stderr')?.text).toBe('kernel_14.cu: error: identifier "__nv_bfloat16" is undefined');
    expect(ofType(events, 'step-error').map((e) => e.id)).toEqual([7]);
    // As in the plain log of the same --no-cache build: `#5 [2/5] WORKDIR /workspace` / `#5 CACHED`.
    expect(ofType(events, 'step-cached').map((e) => e.id)).toEqual([5]);
  });

  it('reports the sibling stage cancelled by the failure as canceled, not as an error', () => {
    const { events } = parse(readFileSync(`${REAL}/parallel-stages-fail.rawjson`, 'utf8'));
    const byId = new Map(ofType(events, 'step-started').map((e) => [e.header.id, e.header] as const));
    const [canceled] = ofType(events, 'step-canceled');
    const [failed] = ofType(events, 'step-error');
    expect(byId.get(canceled!.id)?.stage).toBe('docs');
    expect(byId.get(failed!.id)?.stage).toBe('wheels');
  });
});

describe('rawjson: edge cases', () => {
  it('is not fooled by other lines, and gives back a lone "{" that is no record', () => {
    const { events, rest } = parse(['#1 [internal] load build definition from Dockerfile', '{', '  "name": "not a status"', '}', '{"foo": 1}'].join('\n'));
    expect(events).toEqual([]);
    expect(rest).toEqual(['#1 [internal] load build definition from Dockerfile', '  "name": "not a status"', '}', '{"foo": 1}']);
    expect(looksLikeRawJson('{"vertexes":[]}')).toBe(true);
    expect(looksLikeRawJson('#5 0.1 {"vertexes":[]}')).toBe(false);
  });

  it('keeps UTF-8 split between two records whole, strips colours and keeps the last state of a redrawn line', () => {
    const euro = Buffer.from('price: 5 €\n');
    const cut = euro.length - 2; // inside the three bytes of €
    const lines = [
      record({ vertexes: [{ digest: D(1), name: '[2/2] RUN pip install torch', started: '2026-01-01T00:00:00Z' }] }),
      record({ logs: [{ vertex: D(1), stream: 1, data: euro.subarray(0, cut).toString('base64'), timestamp: '2026-01-01T00:00:01Z' }] }),
      record({ logs: [{ vertex: D(1), stream: 1, data: euro.subarray(cut).toString('base64'), timestamp: '2026-01-01T00:00:01Z' }] }),
      record({ logs: [{ vertex: D(1), stream: 2, data: b64('\u001b[31mERROR\u001b[0m: no\n 10%\r 50%\r100%\n'), timestamp: '2026-01-01T00:02:00Z' }] }),
    ];
    const out = ofType(parse(lines.join('\n')).events, 'step-output').map((e) => [e.seconds, e.text]);
    expect(out).toEqual([
      [1, 'price: 5 €'],
      [120, 'ERROR: no'],
      [120, '100%'],
    ]);
  });

  it('reads warnings as lint warnings with their rule, message and Dockerfile line', () => {
    const short = 'FromAsCasing: \'as\' and \'FROM\' keywords\' casing do not match (line 1)';
    const lines = [
      record({ vertexes: [{ digest: D(1), name: '[internal] load build definition from Dockerfile', started: '2026-01-01T00:00:00Z', completed: '2026-01-01T00:00:00.1Z' }] }),
      record({ warnings: [{ vertex: D(1), level: 1, short: b64(short), detail: [b64('The casing of the as keyword should match the casing of the FROM keyword.')], url: 'https://docs.docker.com/go/dockerfile/rule/from-as-casing/', sourceInfo: { filename: 'Dockerfile', data: b64('FROM x as builder\n') }, range: [{ start: { line: 1 }, end: { line: 1 } }] }] }),
    ];
    expect(ofType(parse(lines.join('\n')).events, 'lint-warning')).toEqual([
      { type: 'lint-warning', line: 2, rule: 'FromAsCasing', message: "'as' and 'FROM' keywords' casing do not match", dockerfileLine: 1, decoded: true },
    ]);
  });

  it('says so instead of guessing when a record was cut by the line limit', () => {
    const line: LogLine = { text: '{"logs":[{"vertex":"sha256:1","stream":1,"data":"QUFB', line: 9, truncated: true };
    const events: BuildEvent[] = [];
    expect(new RawJsonGrammar((e) => events.push(e)).push(line)).toBe(true);
    expect(events).toEqual([{ type: 'log-clipped', line: 9, id: null, text: 'a rawjson record longer than the line limit was skipped' }]);
  });

  it('gives a partial last line at the end of input, and ignores logs of vertexes it never saw start', () => {
    const lines = [
      record({ logs: [{ vertex: D(2), stream: 1, data: b64('orphan\n'), timestamp: '2026-01-01T00:00:01Z' }] }),
      record({ vertexes: [{ digest: D(1), name: 'exporting to image', started: '2026-01-01T00:00:00Z' }] }),
      record({ logs: [{ vertex: D(1), stream: 1, data: b64('no newline at the end'), timestamp: '2026-01-01T00:00:02Z' }] }),
    ];
    const out = ofType(parse(lines.join('\n')).events, 'step-output');
    expect(out.map((e) => [e.id, e.seconds, e.text])).toEqual([[1, 2, 'no newline at the end']]);
  });

  it('survives records of the wrong shape', () => {
    const lines = ['{"vertexes": 3}', '{"vertexes":[null, 1, {"digest": 5}]}', '{"logs":[{"vertex":"x","data":12}]}', '{"statuses":"no"}'];
    expect(() => parse(lines.join('\n'))).not.toThrow();
  });

  it('formats seconds and bytes as BuildKit prints them', () => {
    expect([printedSeconds(1234), printedSeconds(12345), printedSeconds(123456)]).toEqual([1.234, 12.35, 123.5]);
    expect([formatBytes(2), formatBytes(1536), formatBytes(5 * 1024 * 1024)]).toEqual(['2B', '1.50kB', '5.00MB']);
  });
});

describe('rawjson through the analyzer', () => {
  it('redacts a secret the build printed, though it arrived base64-encoded', async () => {
    const { analyzeStream } = await import('../../src/analyze.js');
    const { Readable } = await import('node:stream');
    const token = 'ghp_' + 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8';
    const log = [
      record({ vertexes: [{ digest: D(1), name: '[1/2] RUN pip download private-wheel', started: '2026-01-01T00:00:00Z' }] }),
      record({ logs: [{ vertex: D(1), stream: 2, data: b64(`fatal: could not read from https://x-access-token:${token}@github.com/org/wheels.git\n`), timestamp: '2026-01-01T00:00:01Z' }] }),
      record({ vertexes: [{ digest: D(1), name: '[1/2] RUN pip download private-wheel', started: '2026-01-01T00:00:00Z', completed: '2026-01-01T00:00:02Z', error: 'process "/bin/sh -c pip download private-wheel" did not complete successfully: exit code: 128' }] }),
    ].join('\n');
    const analysis = await analyzeStream(Readable.from([log]));
    const { model } = analysis;
    const report = reportOf(analysis);
    expect(model.format).toBe('buildkit-rawjson');
    expect(model.failedStep).toBe(1);
    expect(JSON.stringify(report)).not.toContain(token.slice(4));
    expect(JSON.stringify(model.steps)).not.toContain(token.slice(4));
    expect(report.findings.some((f) => f.ruleId === 'security/secret-in-log')).toBe(true);
  });
});
