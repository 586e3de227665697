// One place for what BuildKit prints between a header's brackets, for the report and the knowledge enrichers alike.
import { describe, expect, it } from 'vitest';
import { printedStepNumber, stepHeader, stepPlace } from '../../src/model/step-header.js';
import { stepLabel as enricherStepLabel } from '../../src/knowledge/tool-bin-dir-enricher.js';
import { stepLabel as reportStepLabel } from '../../src/report/step-words.js';
import { makeStep } from '../support/builders.js';

describe('stepPlace', () => {
  const step = makeStep({ id: 14, stage: 'builder', index: 5, total: 5, platform: 'linux/arm64', target: 'web', instruction: 'RUN make' });

  it('is the platform, the stage and k/n, the bake target first when asked', () => {
    expect(stepPlace(step)).toBe('linux/arm64 builder 5/5');
    expect(stepPlace(step, true)).toBe('web linux/arm64 builder 5/5');
  });

  it('is what the evidence, the report and the enrichers put in brackets', () => {
    expect(stepHeader(step)).toBe('[linux/arm64 builder 5/5] RUN make');
    expect(reportStepLabel(step)).toBe('[web linux/arm64 builder 5/5] RUN make');
    expect(enricherStepLabel(step)).toBe('[linux/arm64 builder 5/5]');
  });
});

describe('a step named by an enricher', () => {
  it("is numbered only by a number the log printed", () => {
    expect(printedStepNumber(makeStep({ id: 12 }))).toBe('#12');
    expect(enricherStepLabel(makeStep({ id: 12, stage: 'builder', index: null, total: null, instruction: 'RUN curl -sSL https://install.python-poetry.org | python3 -' }))).toBe('[builder #12]');
    // a tty row or a pasted error box: the id is the tool's own
    const unnumbered = makeStep({ id: 3, stage: null, index: null, total: null, numbering: 'none', instruction: 'RUN curl -sSL https://install.python-poetry.org | python3 -' });
    expect(printedStepNumber(unnumbered)).toBeNull();
    expect(enricherStepLabel(unnumbered)).toBe('RUN curl -sSL https://install.python-poetry.org | python3 -');
  });
});
