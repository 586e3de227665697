// A copied tty screen can join the whole error box onto the ERROR row (peixian/org-roam-force-graph#2): the parser
// splits it into the row, the box's `------`, its header and its output lines, so rules read the output line.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitGluedErrorBox } from '../../src/grammar/log-parser.js';
import { parseText } from './parse-helpers.js';

const FIXTURE = 'fixtures/rules/shell/bash-only-in-sh/match-tty-error-box-glued-source.log';
const glued = readFileSync(FIXTURE, 'utf8').split('\n')[1]!;

describe('splitGluedErrorBox', () => {
  it('splits the ERROR row of the real paste into row, box rule, header and output', () => {
    const pieces = splitGluedErrorBox(glued)!;
    expect(pieces).not.toBeNull();
    expect(pieces[0]).toMatch(/^ => ERROR \[4\/7\] RUN source .* 0\.2s$/);
    expect(pieces[1]).toBe('------');
    expect(pieces[2]).toMatch(/^ > \[4\/7\] RUN source .*openai:$/);
    expect(pieces.slice(3)).toEqual(['0.185 /bin/sh: 1: source: not found']);
  });

  it('gives the output line to the failed step', async () => {
    const { events } = await parseText(glued);
    const out = events.flatMap((e) => (e.type === 'step-output' ? [e.text] : []));
    expect(out.some((t) => t.includes('/bin/sh: 1: source: not found'))).toBe(true);
  });

  it('leaves other rows alone', () => {
    // an ERROR row with only the box's opening rule glued (buildkit-tty.ts handles that one itself)
    expect(splitGluedErrorBox(' => ERROR [2/3] RUN make                                  1.2s   ------')).toBeNull();
    // a done row
    expect(splitGluedErrorBox(' => [4/7] RUN pip install x                          0.2s')).toBeNull();
    // output that merely mentions a box rule, without a step header after it
    expect(splitGluedErrorBox(' => ERROR [4/7] RUN echo ----  0.2s ------   0.185 text')).toBeNull();
  });
});
