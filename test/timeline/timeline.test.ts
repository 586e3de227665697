import { describe, expect, it } from 'vitest';
import type { BuildModel, Step } from '../../src/model/types.js';
import { buildTimeline, criticalPath, timeLostInAll } from '../../src/timeline/timeline.js';
import { mermaidLabel, renderGantt } from '../../src/timeline/mermaid.js';
import { bar, barRows } from '../../src/timeline/bars.js';
import { makeFinding, makeModel, makeStep } from '../support/builders.js';
import { checkGantt } from './gantt-grammar.js';

/** A step of a five-step stage (no stage: an internal vertex) that ran from `start` to `end`. */
function step(id: number, stage: string | null, index: number, instruction: string, start: number, end: number, extra: Partial<Step> = {}): Step {
  return makeStep({ id, stage, index, total: 5, instruction, internal: stage === null, seconds: end - start, start, end, ...extra });
}

const model = (steps: Step[]): BuildModel => makeModel({ steps });

/** A step BuildKit answered from its cache: `#4 CACHED`. */
const CACHED: Partial<Step> = { cached: true, status: 'cached', seconds: 0 };

// Two stages in parallel: `deps` (pip, 300 s) and `builder` (compile, 600 s), joined by `runtime`.
const parallel = model([
  step(1, null, 0, '[internal] load build definition from Dockerfile', 0, 0.1),
  step(2, 'deps', 1, 'FROM docker.io/nvidia/cuda:12.4.1-devel-ubuntu22.04', 0.1, 5),
  step(3, 'builder', 1, 'FROM docker.io/nvidia/cuda:12.4.1-devel-ubuntu22.04', 0.1, 5),
  step(4, 'deps', 2, 'RUN pip install -r requirements.txt', 5, 305),
  step(5, 'builder', 2, 'RUN cmake -S . -B build', 5, 65),
  step(6, 'builder', 3, 'RUN cmake --build build -j8', 65, 665),
  step(7, 'runtime', 1, 'COPY --from=builder /opt/build /opt/build', 665, 667),
  step(8, 'runtime', 2, 'COPY --from=deps /usr/local/lib/python3.10 /usr/local/lib/python3.10', 667, 670),
]);

describe('critical path', () => {
  it('follows the chain that decided the total time, not the parallel sibling', () => {
    const timeline = buildTimeline(parallel);
    expect(timeline.criticalPath).toEqual([3, 5, 6, 7, 8]);
    expect(timeline.steps.find((s) => s.id === 4)?.critical).toBe(false);
  });

  it('is empty for an empty build', () => {
    expect(criticalPath([])).toEqual([]);
  });

  it('places steps without times after the latest end, in print order', () => {
    const untimed = model([
      step(1, 'a', 1, 'RUN one', 0, 0, { start: null, end: null, seconds: 10 }),
      step(2, 'a', 2, 'RUN two', 0, 0, { start: null, end: null, seconds: 20 }),
    ]);
    const timeline = buildTimeline(untimed);
    expect(timeline.steps.map((s) => [s.start, s.end])).toEqual([[0, 10], [10, 30]]);
    expect(timeline.criticalPath).toEqual([1, 2]);
  });
});

describe('time lost', () => {
  it('names emulated steps, pip backtracking and cache invalidation', () => {
    const m = model([
      step(1, 'app', 1, 'FROM docker.io/library/python:3.11', 0, 1, CACHED),
      step(2, 'app', 2, 'RUN apt-get update', 1, 1, CACHED),
      step(3, 'app', 3, 'COPY . /src', 1, 2),
      step(4, 'app', 4, 'RUN pip install -r requirements.txt', 2, 1202),
      step(5, 'app', 5, 'RUN python -m compileall /src', 1202, 1302, { platform: 'linux/arm64' }),
      step(6, 'other', 1, 'RUN true', 0, 1, { platform: 'linux/amd64' }),
      step(7, 'other', 2, 'RUN true', 0, 1, { platform: 'linux/amd64' }),
    ]);
    const findings = [makeFinding({ ruleId: 'pip/resolver-backtracking', severity: 'warning', step: 4, location: null })];
    const losses = buildTimeline(m, findings).losses;
    expect(losses.map((l) => [l.cause, l.step])).toEqual([
      ['pip-backtracking', 4],
      ['cache-invalidated', 4],
      ['cache-invalidated', 5],
      ['emulation', 5],
    ]);
    expect(losses.find((l) => l.cause === 'emulation')?.seconds).toBeCloseTo(90);
  });

  it('counts the whole step of a toolkit copied into the runtime image and of a --force-reinstall', () => {
    const m = model([
      step(1, 'builder', 2, 'RUN pip install -r requirements.txt', 0, 300),
      step(2, 'builder', 3, 'RUN pip install --force-reinstall torch==2.3.1', 300, 1320),
      step(3, 'runtime', 2, 'COPY --from=builder /usr/local /usr/local', 1320, 1559),
      step(4, 'runtime', 3, 'COPY --from=builder /usr/local /usr/local', 0, 0, CACHED),
    ]);
    const findings = [
      makeFinding({ ruleId: 'pip/force-reinstall', severity: 'notice', step: 2 }),
      makeFinding({ ruleId: 'cuda/devel-toolkit-copied', severity: 'notice', step: 3 }),
      makeFinding({ ruleId: 'cuda/devel-toolkit-copied', severity: 'notice', step: 4 }),
      makeFinding({ ruleId: 'pip/wheel-downloaded-twice', severity: 'notice', step: 1 }),
    ];
    const timeline = buildTimeline(m, findings);
    expect(timeline.losses.map((l) => [l.cause, l.step, l.seconds])).toEqual([
      ['reinstall', 2, 1020],
      ['toolkit-copy', 3, 239],
    ]);
    expect(timeLostInAll(timeline.losses)).toBe(1259);
  });

  it('counts each download of a wheel after its first when the build fetched one twice', () => {
    const m = makeModel({
      steps: [step(9, 'server', 1, 'RUN pip install heavylib', 0, 13.3), step(10, 'trainer', 1, 'RUN pip install heavylib', 0, 13.8)],
      downloads: [
        { step: 9, file: 'heavylib-1.0.0-py3-none-any.whl', size: '67.1 MB', seconds: 2.1 },
        { step: 10, file: 'heavylib-1.0.0-py3-none-any.whl', size: '67.1 MB', seconds: 2.6 },
        { step: 10, file: 'other-1.0-py3-none-any.whl', size: '80.0 MB', seconds: 3 },
      ],
    });
    const twice = [makeFinding({ ruleId: 'pip/wheel-downloaded-twice', severity: 'notice', step: 9 })];
    expect(buildTimeline(m, twice).losses.map((l) => [l.cause, l.step, l.seconds, l.detail])).toEqual([
      ['download-again', 10, 2.6, 'downloading heavylib-1.0.0-py3-none-any.whl (67.1 MB) again in step 10'],
    ]);
    // without the finding, downloads are not a loss
    expect(buildTimeline(m).losses).toEqual([]);
  });

  it('sums the time lost counting each step once, at its largest loss', () => {
    const losses = [
      { cause: 'pip-backtracking' as const, step: 4, seconds: 1200, detail: '' },
      { cause: 'cache-invalidated' as const, step: 4, seconds: 1200, detail: '' },
      { cause: 'emulation' as const, step: 5, seconds: 90, detail: '' },
      { cause: 'cache-invalidated' as const, step: 5, seconds: 100, detail: '' },
    ];
    expect(timeLostInAll(losses)).toBe(1300);
    expect(timeLostInAll([])).toBe(0);
  });

  it('does not blame a COPY of one file for the steps that depend on it', () => {
    const m = model([
      step(1, 'app', 1, 'FROM docker.io/library/python:3.11', 0, 0, CACHED),
      step(2, 'app', 2, 'RUN apt-get update', 0, 0, CACHED),
      step(3, 'app', 3, 'COPY requirements.txt /src/', 0, 1),
      step(4, 'app', 4, 'RUN pip install -r /src/requirements.txt', 1, 601),
    ]);
    expect(buildTimeline(m).losses).toEqual([]);
  });
});

describe('mermaid gantt', () => {
  it('is valid gantt syntax with the critical path marked', () => {
    const gantt = renderGantt(buildTimeline(parallel));
    expect(checkGantt(gantt)).toEqual([]);
    expect(gantt).toMatch(/section builder/);
    expect(gantt).toMatch(/6 RUN cmake --build build -j8 10m00s :active, t\d+, 00:01:05, 600s/);
  });

  it('folds the steps beyond the cap into one bar per stage', () => {
    const many = model(Array.from({ length: 30 }, (_, i) => step(i + 1, 'builder', i + 1, `RUN step ${i}`, i * 10, i * 10 + 10 + i)));
    const gantt = renderGantt(buildTimeline(many), { maxSteps: 5 });
    expect(checkGantt(gantt)).toEqual([]);
    expect(gantt.split('\n').filter((l) => / :/.test(l))).toHaveLength(6);
    expect(gantt).toMatch(/25 other steps/);
  });

  it.each([
    ['colon and semicolon', 'RUN echo a:b; echo c'],
    ['newline and directive', 'RUN x\n%%{init: {"theme":"dark"}}%%'],
    ['fence', 'RUN echo ```\nclick t1 call alert(1)'],
    ['entity and comment', 'RUN echo #35; %% hidden'],
    ['keyword start', 'click t1 href "javascript:alert(1)"'],
    ['html', '<img src=x onerror=alert(1)>'],
  ])('a hostile step name (%s) cannot break or inject into the chart', (_name, instruction) => {
    const hostile = model([step(1, 'x:y;z', 1, instruction, 0, 30), step(2, '```', 2, instruction, 30, 60)]);
    const gantt = renderGantt(buildTimeline(hostile));
    expect(checkGantt(gantt)).toEqual([]);
    expect(gantt).not.toContain('```');
    expect(gantt).not.toContain('%%');
    expect(gantt.split('\n').every((l) => !/^\s*click\b/.test(l))).toBe(true);
  });

  it('keeps &&, quotes and colons, as the entity codes Mermaid documents', () => {
    const label = mermaidLabel('RUN apt-get update && echo "a: b"; echo 50% #1', 80);
    expect(label).toBe('RUN apt-get update #amp;#amp; echo #quot;a#58; b#quot;#59; echo 50#37; #35;1');
    // Mermaid's encodeEntities turns each `#…;` into a placeholder before parsing: what is left is plain text.
    expect(label.replace(/#\w+;/g, '')).not.toMatch(/[:;#%"&`<>{}]/);
    const gantt = renderGantt(buildTimeline(model([step(1, 'app', 1, 'RUN make && make install', 0, 30), step(2, 'app', 2, 'RUN echo "x: y"', 30, 60)])));
    expect(checkGantt(gantt)).toEqual([]);
    expect(gantt).toContain('1 RUN make #amp;#amp; make install 30s :');
  });

  it('never cuts an entity code in half', () => {
    const label = mermaidLabel(`RUN ${'a'.repeat(14)}&&b`, 20);
    expect(label).toBe(`RUN ${'a'.repeat(14)}#amp;…`);
  });

  it('keeps labels short', () => {
    expect(mermaidLabel('x'.repeat(500), 20)).toHaveLength(20);
    expect(mermaidLabel(':::')).toBe('step');
  });
});

describe('bars', () => {
  it('scale in eighths of a cell', () => {
    expect(bar(10, 10, 4)).toBe('████');
    expect(bar(5, 10, 4)).toBe('██');
    expect(bar(1, 16, 2)).toBe('▏');
    expect(bar(0, 10, 4)).toBe('');
    expect(bar(10, 10, 4, 2)).toBe('██');
  });

  it('are drawn slowest first, each where it ran on the build clock: parallel steps overlap', () => {
    const rows = barRows(buildTimeline(parallel), 8, 10);
    expect(rows.slice(0, 3).map((r) => r.step.id)).toEqual([6, 4, 5]);
    const at = (id: number) => rows.find((r) => r.step.id === id)!;
    // deps' pip (5 s to 305 s) ran beside builder's cmake steps (5 s to 665 s): both start in cell 0.
    expect([at(4).lead, at(5).lead]).toEqual([0, 0]);
    expect(at(4).bar).toBe('████▌');
    // runtime waited for both: its steps start at the end.
    expect(at(8).lead).toBe(9);
    expect(at(6).lead + [...at(6).bar].length).toBeLessThanOrEqual(10);
  });
});

describe('markdown timeline section', () => {
  it('says each cause of time lost and, with several, the time lost in all', async () => {
    const { renderTimelineMarkdown } = await import('../../src/report/markdown-timeline.js');
    const m = model([
      step(1, 'builder', 2, 'RUN pip install --force-reinstall torch==2.3.1', 0, 1020),
      step(2, 'runtime', 2, 'COPY --from=builder /usr/local /usr/local', 1020, 1259),
    ]);
    const findings = [
      makeFinding({ ruleId: 'pip/force-reinstall', severity: 'notice', step: 1 }),
      makeFinding({ ruleId: 'cuda/devel-toolkit-copied', severity: 'notice', step: 2 }),
    ];
    const md = renderTimelineMarkdown(m, { surface: 'markdown', findings });
    expect(md).toContain('About 17m 00s lost to reinstalling packages already installed');
    expect(md).toContain('About 3m 59s lost to copying the devel toolkit into the runtime image in step 2');
    expect(md).toContain('About 20m 59s lost in all to the causes named');
  });

  it('has bars, the critical path and a collapsed gantt that parses', async () => {
    const { renderTimelineMarkdown } = await import('../../src/report/markdown-timeline.js');
    const md = renderTimelineMarkdown(parallel, { surface: 'comment' });
    expect(md).toMatch(/\| 10m\u00a000s \| ░█{14}▍ \| `#6` \|/);
    expect(md).toContain('| 5m\u00a000s | ███████▏ | `#4` |');
    expect(md).toContain('Critical path: `#3` → `#5` → `#6` → `#7` → `#8`');
    const chart = /```mermaid\n([\s\S]*?)\n```/.exec(md);
    expect(chart).not.toBeNull();
    expect(checkGantt(chart![1]!)).toEqual([]);
    expect(md.indexOf('<details><summary>Timeline chart</summary>')).toBeLessThan(md.indexOf('```mermaid'));
  });
});

describe('time lost to emulation names the same platform as the rules', () => {
  const build = (amd64Seconds: number, arm64Seconds: number) =>
    makeModel({
      failedStep: null,
      steps: [
        makeStep({ id: 1, stage: 'builder', index: 2, total: 2, instruction: 'RUN make -j8', platform: 'linux/amd64', seconds: amd64Seconds, start: 0, end: amd64Seconds }),
        makeStep({ id: 2, stage: 'builder', index: 2, total: 2, instruction: 'RUN make -j8', platform: 'linux/arm64', seconds: arm64Seconds, start: 0, end: arm64Seconds }),
      ],
    });

  it('on an amd64 runner the slow arm64 copy is the emulated one', () => {
    const losses = buildTimeline(build(60, 600)).losses.filter((l) => l.cause === 'emulation');
    expect(losses.map((l) => l.step)).toEqual([2]);
  });

  it('on an arm64 runner (its copy ran fast) the amd64 copy is, even with as many steps of each', () => {
    const losses = buildTimeline(build(600, 60)).losses.filter((l) => l.cause === 'emulation');
    expect(losses.map((l) => l.step)).toEqual([1]);
  });

  // piiq/allocator-bot#2: the arm64 copy of `apt-get update` was canceled after 14.7 s, when the amd64
  // copy had finished in 15.1 s; the arm64 one was the slow, emulated one.
  it('a copy canceled part-way is not the fast one: only finished copies compare', () => {
    const model = build(15.1, 14.66);
    model.steps[1]!.status = 'canceled';
    expect(buildTimeline(model).losses.filter((l) => l.cause === 'emulation').map((l) => l.step)).toEqual([2]);
    model.steps[1]!.status = 'done';
    expect(buildTimeline(model).losses.filter((l) => l.cause === 'emulation').map((l) => l.step)).toEqual([1]);
  });
});
