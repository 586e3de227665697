import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { PASTED_INDENT_PATTERNS, PastedIndent } from '../../src/lines/pasted-indent.js';
import { checkRegexSafety } from '../../src/security/regex-safety.js';

function strip(lines: string[]): string[] {
  const indent = new PastedIndent();
  return lines.map((l) => indent.strip(l));
}

describe('PastedIndent', () => {
  test('a BuildKit error block a wrapper CLI indented two spaces loses the indent (agentregistry-dev/agentregistry#588)', () => {
    const raw = readFileSync('fixtures/rules/buildkit/step-failed/match-indented-by-wrapper-cli-uv-sync.log', 'utf8').split('\n');
    const out = strip(raw);
    expect(out[0]).toBe('Dockerfile:15');
    expect(out[1]).toBe('--------------------');
    expect(out[4]).toBe('  15 | >>> RUN uv sync');
    expect(out[8]).toBe('ERROR: failed to build: failed to solve: process "/bin/sh -c uv sync" did not complete successfully: exit code: 1');
  });

  test('the error box header one space deeper than the indent, and a frame, open a block', () => {
    expect(strip(['   > [builder 3/4] RUN make:', '  #9 12.3 make: *** [all] Error 2'])).toEqual([' > [builder 3/4] RUN make:', '#9 12.3 make: *** [all] Error 2']);
    expect(strip(['  #9 [builder 3/4] RUN make', '  #9 0.2 cc -c a.c', '', '  #9 DONE 0.5s'])).toEqual(['#9 [builder 3/4] RUN make', '#9 0.2 cc -c a.c', '', '#9 DONE 0.5s']);
    expect(strip(['  Step 3/7 : RUN make', '   ---> Running in 0a1b2c3d4e5f'])).toEqual(['Step 3/7 : RUN make', ' ---> Running in 0a1b2c3d4e5f']);
  });

  test('a line without the indent ends the block; what follows keeps its own spaces', () => {
    expect(strip(['  Dockerfile:15', '  ------', 'Error: framework build: exit status 1', '  Building wheel for x'])).toEqual([
      'Dockerfile:15',
      '------',
      'Error: framework build: exit status 1',
      '  Building wheel for x',
    ]);
  });

  // Near misses: BuildKit's own box (` > [` one space in, `  13 |` excerpt lines), a tool's own indented `ERROR:` lines
  // (pip's subprocess output), an indented `#` that is no frame, are left as they are.
  test.each([
    [' > [builder 3/4] RUN make:'],
    ['  13 |     COPY .python-version .python-version'],
    ['      ERROR: Failed building wheel for greenlet'],
    ['  ERROR: Could not find a version that satisfies the requirement torch==2.6.0'],
    ['  #1 priority is the fix'],
    ['  Dockerfile parse error line 3'],
  ])('does not open a block on %j', (line) => {
    expect(strip([line, '  next line'])).toEqual([line, '  next line']);
  });

  test.each(PASTED_INDENT_PATTERNS.map((p) => [p.source, p.flags]))('%s is linear-time', (source, flags) => {
    expect(checkRegexSafety(source, flags)).toBeNull();
  });
});
