// BuildKit's tty display prints a running step's last lines under its row, and every redraw of the
// screen prints that window again, scrolled by the lines that came since. The redraw is not new
// output; a line the step really printed twice is.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFile, parseText } from './parse-helpers.js';
import type { BuildEvent } from '../../src/grammar/events.js';

const REAL = 'fixtures/real/buildkit-0.13-dockerd-26.1';

function outputOf(events: BuildEvent[], lastLine = Infinity): string[] {
  return events.flatMap((e) => (e.type === 'step-output' && e.status !== true && e.line <= lastLine ? [e.text] : []));
}

// The row and the window lines as the display prints them (pip-resolution-impossible.tty, line 373),
// holding pip's own lines in the order pip printed them (pip-resolution-impossible.log, lines 56-59:
// pip names `vision 0.15.0 depends on torchlike==2.0.0` once per conflicting metrics release).
const row = ' => [stage-1 3/3] RUN pip install trainer vision==0.15.0                                                           2.3s';
const live = (text: string): string => ` => => # ${text}`;
const pip = [
  '    vision 0.15.0 depends on torchlike==2.0.0',
  '    metrics 1.5.0 depends on torchlike>=2.1',
  '    vision 0.15.0 depends on torchlike==2.0.0',
  '    metrics 1.4.0 depends on torchlike>=2.1',
];

describe("the tty display's redraws", () => {
  it('keep a line the step printed twice within one window', async () => {
    const { events } = await parseText(['[+] Building 2.4s (9/10)', row, ...pip.map(live)].join('\n'));
    expect(outputOf(events)).toEqual(pip);
  });

  it('drop the window printed again, and keep what it scrolled in, repeats included', async () => {
    const first = ['[+] Building 2.3s (9/10)', row, ...pip.slice(0, 2).map(live)];
    const second = ['[+] Building 2.4s (9/10)', row, ...pip.map(live)];
    const { events } = await parseText([...first, ...second].join('\n'));
    expect(outputOf(events)).toEqual(pip);
  });

  it('read a real capture: each line of pip once, in order, though the screen was drawn 36 times', async () => {
    const path = `${REAL}/pip-resolution-impossible.tty`;
    const { events } = await parseFile(path);
    // The screens only: the error box below them prints the step's whole output again.
    const screens = readFileSync(path, 'utf8').split('\n').findLastIndex((l) => l.includes('=> => #')) + 1;
    const live = outputOf(events, screens).filter((t) => t.startsWith('Processing /wheels/'));
    // The windows of lines 321-322, 336 and 339-341, 355-360 of the capture, each line once.
    expect(live).toEqual([
      'Processing /wheels/trainer-1.7.0-py3-none-any.whl',
      'Processing /wheels/vision-0.15.0-py3-none-any.whl',
      'Processing /wheels/metrics-1.1.0-py3-none-any.whl',
      'Processing /wheels/trainer-1.6.0-py3-none-any.whl',
      'Processing /wheels/metrics-1.0.0-py3-none-any.whl',
      'Processing /wheels/trainer-1.5.0-py3-none-any.whl',
      'Processing /wheels/trainer-1.4.0-py3-none-any.whl',
      'Processing /wheels/trainer-1.3.0-py3-none-any.whl',
      'Processing /wheels/trainer-1.2.0-py3-none-any.whl',
    ]);
  });
});

describe('plain progress', () => {
  it('keeps every line, repeats included: it has no redraws', async () => {
    const path = `${REAL}/pip-resolution-impossible.log`;
    const lines = readFileSync(path, 'utf8').split('\n');
    const printed = lines.filter((l) => /^#9 [\d.]+ {5}vision 0\.15\.0 depends on torchlike==2\.0\.0$/.test(l)).length;
    // Step #9's own lines, not the error box that repeats their end.
    const lastOfStep = lines.findLastIndex((l) => l.startsWith('#9 ')) + 1;
    const { events } = await parseFile(path);
    expect(printed).toBeGreaterThan(1);
    expect(outputOf(events, lastOfStep).filter((t) => t === '    vision 0.15.0 depends on torchlike==2.0.0')).toHaveLength(printed);
  });
});

// A screen copied from a terminal (pass-culture/pass-culture-main#10482): the ERROR row, padded to
// the terminal's width, has the error box's opening `------` joined onto it.
describe('a pasted ERROR row', () => {
  const glued = ` => ERROR [backoffice builder 7/9] RUN poetry check --lock${' '.repeat(127)}------${' '.repeat(184)}`;
  const box = ' > [backoffice builder 7/9] RUN poetry check --lock:';
  const error = 'Error: poetry.lock is not consistent with pyproject.toml. Run `poetry lock [--no-update]` to fix it.';

  it('names the step without the box line joined onto it', async () => {
    const { model } = await parseText([glued, box, error].join('\n'));
    expect(model.steps.map((s) => [s.instruction, s.status])).toEqual([['RUN poetry check --lock', 'error']]);
  });

  it('keeps dashes the instruction itself ends with', async () => {
    const { model } = await parseText(' => ERROR [2/3] RUN echo ------');
    expect(model.steps.map((s) => s.instruction)).toEqual(['RUN echo ------']);
  });
});
