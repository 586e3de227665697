// Real `docker buildx bake` and `docker compose build` logs of two targets from two Dockerfiles
// (test/engine/cases/bake-two-targets, compose-two-services): the targets parsed, each finding on
// its own target's Dockerfile line, and the reports grouped per target.
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { analyzeStream } from '../../src/analyze.js';
import type { Analysis } from '../../src/report/analysis.js';
import { parseDockerfile, type Dockerfile } from '../../src/dockerfile/dockerfile.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderText } from '../../src/report/text.js';
import { reportOf } from '../../src/report/json.js';

const DIR = new URL('../../fixtures/real/buildkit-0.13-dockerd-26.1/', import.meta.url);

function dockerfile(file: string, shownAs: string): Dockerfile {
  return parseDockerfile(readFileSync(new URL(file, DIR), 'utf8'), shownAs);
}

/** A recorded case with each target's own Dockerfile, named as a user names it (`web.Dockerfile`). */
function analyze(name: string, targets: string[], options: { withTargets?: boolean; dockerfile?: Dockerfile } = {}): Promise<Analysis> {
  const map = new Map(targets.map((t) => [t, dockerfile(`${name}.${t}.Dockerfile`, `${t}.Dockerfile`)] as const));
  return analyzeStream(Readable.from([readFileSync(new URL(`${name}.log`, DIR))]), {
    targets: options.withTargets === false ? new Map() : map,
    dockerfile: options.dockerfile ?? null,
  });
}

const bake = () => analyze('bake-two-targets', ['api', 'trainer']);
const compose = () => analyze('compose-two-services', ['web', 'worker']);

function summary(analysis: Analysis) {
  const steps = new Map(analysis.model.steps.map((s) => [s.id, s] as const));
  return analysis.findings.map((f) => ({
    ruleId: f.ruleId,
    target: f.step === null ? null : (steps.get(f.step)?.target ?? null),
    at: f.location ? `${f.location.file}:${f.location.line}` : null,
  }));
}

describe('bake: two targets, two Dockerfiles', () => {
  it('every instruction step has its target; stages and k/n are the Dockerfile\'s', async () => {
    const { model } = await bake();
    const instructions = model.steps.filter((s) => !s.internal).map((s) => `${s.target}|${s.stage}|${s.index}/${s.total}|${s.instruction.slice(0, 30)}`);
    expect(instructions).toEqual([
      'api|builder|1/3|FROM docker.io/local/busybox:1',
      'trainer|builder|1/4|FROM docker.io/local/tools:boo',
      'api|builder|2/3|WORKDIR /src',
      'trainer|builder|2/4|WORKDIR /opt/trainer',
      'api|builder|3/3|RUN --network=none i=0; while ',
      'trainer|builder|3/4|RUN --network=none python3 -m ',
      'api|stage-1|2/2|COPY --from=builder /src/serve',
      'trainer|builder|4/4|RUN --network=none apt-get upd',
    ]);
    // `[api] exporting to image`, `[trainer internal] load …`: BuildKit's own work, of a target
    expect(model.steps.find((s) => s.instruction === 'exporting to image')?.target).toBe('api');
    expect(model.steps.filter((s) => s.internal && s.target === null).map((s) => s.instruction)).toEqual(['load local bake definitions']);
  });

  it('each finding on its own target\'s Dockerfile line', async () => {
    expect(summary(await bake())).toEqual([
      { ruleId: 'apt/unable-to-locate-package', target: 'trainer', at: 'trainer.Dockerfile:6' },
      { ruleId: 'buildkit/log-clipped', target: 'api', at: 'api.Dockerfile:4' },
    ]);
  });

  it('the same `builder 3/n` of the other target is not a match: with one shared Dockerfile, api\'s step stays unplaced', async () => {
    // trainer's Dockerfile alone: its builder 3/4 (line 5) must not take api's builder 3/3.
    const analysis = await analyze('bake-two-targets', [], { dockerfile: dockerfile('bake-two-targets.trainer.Dockerfile', 'trainer.Dockerfile') });
    expect(summary(analysis)).toEqual([
      { ruleId: 'apt/unable-to-locate-package', target: 'trainer', at: 'trainer.Dockerfile:6' },
      { ruleId: 'buildkit/log-clipped', target: 'api', at: null },
    ]);
    // nor is api's step reproduced with trainer's Dockerfile
    expect(analysis.findings[1]!.reproduce).toBeUndefined();
    expect(analysis.findings[0]!.reproduce).toContain('-f trainer.Dockerfile');
  });

  it('the reproduce command rebuilds the target with bake (its own context, Dockerfile and args), the debugger its Dockerfile', async () => {
    const [failed, clipped] = (await bake()).findings;
    expect(failed!.reproduce).toContain('docker buildx bake trainer --set trainer.target=builder --set trainer.tags=bkd-debug:builder --load && docker run --rm -it bkd-debug:builder bash');
    expect(failed!.reproduce).toContain('--target builder -f trainer.Dockerfile .');
    expect(clipped!.reproduce).toBe('docker buildx bake api --set api.target=builder --set api.tags=bkd-debug:builder --load && docker run --rm -it bkd-debug:builder sh');
  });

  it('JSON steps carry target and platform', async () => {
    const report = reportOf(await bake());
    const failed = report.steps.find((s) => s.id === report.build.failedStep)!;
    expect(failed).toMatchObject({ stage: 'builder', index: 4, total: 4, target: 'trainer', platform: null, status: 'error' });
    expect(report.steps.find((s) => s.instruction === 'load local bake definitions')).toMatchObject({ target: null, platform: null });
    expect(Object.keys(failed)).toEqual(['id', 'stage', 'index', 'total', 'instruction', 'status', 'seconds', 'cached', 'target', 'platform']);
  });

  it('text: the verdict names the failed target, each target\'s findings under its heading', async () => {
    // Wide enough for the verdict on one line (at 80 columns it wraps after the step).
    const text = renderText(await bake(), { color: false, width: 200 });
    const lines = text.split('\n');
    expect(lines[0]).toBe('✖ Build failed in target trainer at [trainer builder 4/4] RUN apt-get update && apt-get install -y --no-install-recommends … (trainer.Dockerfile:6)');
    const trainer = lines.indexOf('target trainer');
    const api = lines.indexOf('target api');
    expect(trainer).toBeGreaterThan(0);
    expect(api).toBeGreaterThan(trainer);
    expect(lines[trainer + 2]).toMatch(/^error {3}apt package not found {2}apt\/unable-to-locate-package$/);
    expect(lines[api + 2]).toMatch(/^notice {2}Step output clipped by BuildKit {2}buildkit\/log-clipped$/);
    expect(lines[api + 3]).toBe('        at api.Dockerfile:4  #12 [api builder 3/3] RUN i=0; while [ $i -lt 40000 ]; do echo "[$i/40000] Building CXX object …');
    // the timeline tells the two targets' `builder` stages apart
    expect(text).toMatch(/#13 \[trainer builder\] RUN --network=none python3 -m compileall/);
  });

  it('Markdown: a Target column, the verdict names the failed target', async () => {
    const md = renderMarkdown(await bake());
    expect(md.split('\n')[0]).toBe(
      '### ❌ Build failed in target `trainer` at `[trainer builder 4/4] RUN apt-get update && …` (trainer.Dockerfile&#58;6): apt package not found',
    );
    const table = md.split('\n').filter((l) => l.startsWith('|'));
    expect(table[0]).toBe('| Target | Severity | Problem | Where | Fix |');
    expect(table[2]).toMatch(/^\| `trainer` \| ❌\u00a0error \| \*\*apt package not found\*\*/);
    expect(table[3]).toMatch(/^\| `api` \| ℹ️\u00a0notice \| \*\*Step output clipped by BuildKit\*\*/);
  });
});

describe('compose: two services, two Dockerfiles', () => {
  it('`[worker 4/4]` after `[worker internal] …` is target worker (an unnamed stage), not a stage "worker"', async () => {
    const { model } = await compose();
    const failed = model.steps.find((s) => s.id === model.failedStep)!;
    expect(failed).toMatchObject({ target: 'worker', stage: null, index: 4, total: 4, instruction: 'RUN pip3 install --no-index torch==2.3.1' });
    expect(model.steps.filter((s) => !s.internal).map((s) => `${s.target}|${s.stage}`)).toEqual([
      'worker|null',
      'worker|null',
      'web|assets',
      'web|assets',
      'web|assets',
      'worker|null',
      'web|stage-1',
      'worker|null',
    ]);
  });

  it('no error excerpt in compose: the failure is placed by matching the worker\'s own Dockerfile', async () => {
    const analysis = await compose();
    expect(analysis.model.solveError).toMatchObject({ dockerfile: null, line: null, exitCode: 1 });
    expect(summary(analysis)).toEqual([{ ruleId: 'pip/externally-managed', target: 'worker', at: 'worker.Dockerfile:4' }]);
  });

  it('without the targets\' Dockerfiles the finding has no line, and still its target', async () => {
    const analysis = await analyze('compose-two-services', ['web', 'worker'], { withTargets: false });
    expect(summary(analysis)).toEqual([{ ruleId: 'pip/externally-managed', target: 'worker', at: null }]);
  });

  it('text: one group (the passing web has no finding), the verdict names worker', async () => {
    const text = renderText(await compose(), { color: false, width: 200 });
    expect(text.split('\n')[0]).toBe('✖ Build failed in target worker at [worker 4/4] RUN pip3 install --no-index torch==2.3.1 (worker.Dockerfile:4)');
    expect(text).toContain('\ntarget worker\n');
    expect(text).not.toContain('\ntarget web\n');
  });
});

describe('a plain build (no targets) reads as before', () => {
  async function plain(name: string): Promise<Analysis> {
    const file = dockerfile(`${name}.Dockerfile`, 'Dockerfile');
    return analyzeStream(Readable.from([readFileSync(new URL(`${name}.log`, DIR))]), { dockerfile: file });
  }

  it('no target heading, no Target column, no "in target" in the verdict; JSON target null', async () => {
    const analysis = await plain('parallel-stages-fail');
    const text = renderText(analysis, { color: false });
    expect(text.split('\n')[0]).toMatch(/^✖ Build failed at \[wheels 2\/2\] RUN /);
    expect(text).not.toMatch(/^target |^other findings$/m);
    const md = renderMarkdown(analysis);
    expect(md).not.toContain('in target');
    expect(md).toContain('| Severity | Problem | Where | Fix |');
    expect(reportOf(analysis).steps.every((s) => s.target === null && s.platform === null)).toBe(true);
  });
});
