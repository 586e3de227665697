// A paste cut after a step's header and before its ERROR line, ending in the error of a RUN: the one step still
// running whose header the log lost is the step that failed (src/model/build-model.ts, headlessFailedStep).
import { describe, expect, test } from 'vitest';
import { parseFile, parseText } from '../grammar/parse-helpers.js';

describe('the failed step of a paste that lost its header', () => {
  test('tecoholic/ner-annotator#24: #8 failed running the pip install the error names', async () => {
    const { model } = await parseFile('fixtures/rules/pip/wheel-build-failed/match-old-pip-no-gcc-slim-regex.log');
    expect(model.failedStep).toBe(8);
    const step = model.steps.find((s) => s.id === 8)!;
    expect(step.status).toBe('error');
    expect(step.instruction).toBe('RUN pip install --no-cache-dir -r requirements.txt');
  });

  // Near misses: two steps still running (which one failed is unknown), a running step whose header is known (the error
  // would have named it), an error that names no RUN.
  test('two headless steps still running: no step is chosen', async () => {
    const { model } = await parseText(
      ['#7 1.0 compiling a', '#8 1.0 compiling b', '------', 'executor failed running [/bin/sh -c make]: exit code: 2'].join('\n'),
    );
    expect(model.failedStep).toBeNull();
  });

  test('a running step with its header is not taken for another command', async () => {
    const { model } = await parseText(
      ['#7 [3/4] RUN make docs', '#7 1.0 building docs', '------', 'executor failed running [/bin/sh -c make]: exit code: 2'].join('\n'),
    );
    expect(model.failedStep).toBeNull();
  });
});
