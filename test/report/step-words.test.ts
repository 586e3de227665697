// How a step is named when the room is short: the command first, a RUN's flags left out.
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { analyzeStream } from '../../src/analyze.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { commandFirst, numberedStepLabel, shortStepLabel } from '../../src/report/step-words.js';
import { renderText } from '../../src/report/text.js';
import { makeStep } from '../support/builders.js';

// The instructions as BuildKit printed them in real logs (fixtures/samples/cuda-multistage-failed.log;
// fixtures/rules/runtime/illegal-instruction/match-qemu-arm64-exit-132.log).
const nvcc = 'RUN --mount=type=bind,from=cuda,target=/usr/local/cuda-13.0     nvcc -O3 -std=c++17         -gencode arch=compute_50,code=sm_50';
const npm = 'RUN --mount=type=cache,target=/root/.npm npm install && npm run build';

describe('commandFirst', () => {
  it('leaves out the flags of a RUN that must be cut', () => {
    expect(commandFirst(nvcc, 40)).toBe('RUN nvcc -O3 -std=c++17 -gencode arch=compute_50,code=sm_50');
    expect(commandFirst(npm, 40)).toBe('RUN npm install && npm run build');
  });

  it('keeps an instruction that fits, and one with no flags, as printed (white space folded)', () => {
    expect(commandFirst(npm, 200)).toBe(npm);
    expect(commandFirst('RUN   make -j8', 5)).toBe('RUN make -j8');
    expect(commandFirst('COPY --from=builder /src/build/ /opt/probe/', 10)).toBe('COPY --from=builder /src/build/ /opt/probe/');
  });
});

describe('shortStepLabel', () => {
  it('names a RUN with mounts by its command', () => {
    const step = makeStep({ id: 13, stage: 'builder', index: 7, total: 7, instruction: nvcc });
    expect(shortStepLabel(step, 32)).toBe('[builder 7/7] RUN nvcc -O3 …');
  });
});

describe('a step whose header the log never showed (a cut log)', () => {
  it('is named by its number and says so, in the text report and the Markdown', async () => {
    // fixtures/real-world/cuda/buildkit-compute80-nccl-cresset-13.log: only `#24 …` output lines, no `#24 [stage k/n] …` header
    const analysis = await analyzeStream(Readable.from([readFileSync('fixtures/real-world/cuda/buildkit-compute80-nccl-cresset-13.log')]));
    const text = renderText(analysis, { color: false, width: 80 });
    expect(text).toContain('        at #24 (its header is not in the log)\n');
    expect(text).toMatch(/█ #24 \(its header is not in the log\)\n/);
    expect(renderMarkdown(analysis)).toContain('Step `#24 (its header is not in the log)`');
  });

  it('a named step is not', () => {
    expect(numberedStepLabel(makeStep({ id: 13, stage: 'builder', index: 7, total: 7, instruction: nvcc }), 40)).toBe('#13 [builder 7/7] RUN nvcc -O3 -std=c++17 …');
  });
});

describe('a step is numbered the way the log numbers it', () => {
  const analyse = (path: string) => analyzeStream(Readable.from([readFileSync(path)]));

  it("the classic builder's `Step 5/7 :`, not BuildKit's `#5 [5/7]`", async () => {
    // fixtures/logs/classic-cmake-failed.log: a real DOCKER_BUILDKIT=0 build, `Step 5/7 : RUN cmake -S . -B build && …`
    const analysis = await analyse('fixtures/logs/classic-cmake-failed.log');
    const text = renderText(analysis, { color: false, width: 100 });
    expect(text).toContain('        at Step 5/7 : RUN cmake -S . -B build');
    expect(text).not.toMatch(/#5\b/);
    const markdown = renderMarkdown(analysis);
    expect(markdown).toContain('`Step 5/7 : RUN cmake -S . -B build');
    expect(markdown).not.toContain('Step `Step');
    expect(markdown).not.toMatch(/`#\d/);
    // The JSON keeps the step's id (the contract's field and value).
    expect(analysis.model.failedStep).toBe(5);
  });

  it('a pasted error box with no `#N` lines: the step by its BuildKit name, no number the log never printed', async () => {
    // fixtures/rules/apt/fetch-failed/match-debian-buster-eol.log: only ` > [ 6/16] RUN apt-get update && …` and its output
    const analysis = await analyse('fixtures/rules/apt/fetch-failed/match-debian-buster-eol.log');
    const text = renderText(analysis, { color: false, width: 100 });
    expect(text).toContain('        at Dockerfile:22  [6/16] RUN apt-get update');
    expect(text).not.toMatch(/#1\b/);
    const markdown = renderMarkdown(analysis);
    expect(markdown).toContain('Step `[6/16] RUN apt-get update');
    expect(markdown).not.toMatch(/`#\d/);
  });

  it("BuildKit's own `#N` stays", () => {
    expect(numberedStepLabel(makeStep({ id: 6, stage: null, index: 6, total: 16, instruction: 'RUN apt-get update' }), 40)).toBe('#6 [6/16] RUN apt-get update');
    expect(numberedStepLabel(makeStep({ id: 6, stage: null, index: 6, total: 16, instruction: 'RUN apt-get update', numbering: 'none' }), 40)).toBe('[6/16] RUN apt-get update');
  });
});
