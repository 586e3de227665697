// The fix column of the findings table: one line of prose from the fix, and when the fix announces
// a block ("…, any of these is fine:"), the block's first line rather than a sentence that ends on
// a colon and says nothing.
import { describe, expect, it } from 'vitest';
import { firstSentence } from '../../src/report/markdown-words.js';

describe('the fix in a table cell', () => {
  it('a plain fix: its first sentence', () => {
    expect(firstSentence('Update and install in the same `RUN`. A cached list goes stale.')).toBe('Update and install in the same `RUN`.');
  });

  it('a lead-in to a code block: the block’s first line as code, a mark when more follows', () => {
    expect(firstSentence('In a container, any of these is fine:\n\n```dockerfile\nENV PIP_BREAK_SYSTEM_PACKAGES=1\n```\n(or a venv)')).toBe(
      'In a container, any of these is fine: `ENV PIP_BREAK_SYSTEM_PACKAGES=1`',
    );
    expect(firstSentence('Compile in a devel stage:\n```dockerfile\nFROM nvidia/cuda:12.4.1-devel-ubuntu22.04 AS builder\nRUN make\n```')).toBe(
      'Compile in a devel stage: `FROM nvidia/cuda:12.4.1-devel-ubuntu22.04 AS builder` …',
    );
  });

  it('a lead-in to a list: the first item', () => {
    expect(firstSentence('Give the resolver the versions:\n\n- pin the package: `pip install "x==1.2"`;\n- or use constraints')).toBe(
      'Give the resolver the versions: pin the package: `pip install "x==1.2"`;',
    );
  });

  it('a block line that cannot sit in a cell (a backtick, or too long) leaves the lead-in as a sentence', () => {
    expect(firstSentence('Run:\n```sh\necho `date`\n```')).toBe('Run.');
    expect(firstSentence(`Run:\n\`\`\`sh\n${'x'.repeat(120)}\n\`\`\``)).toBe('Run.');
  });

  it('stays within the length, never cutting a code span in half', () => {
    const cell = firstSentence(`Install it first, then build without isolation:\n\`\`\`dockerfile\nRUN pip install ${'torch '.repeat(15).trim()}\n\`\`\``, 60);
    expect(cell.length).toBeLessThanOrEqual(60);
    expect((cell.match(/`/g) ?? []).length % 2).toBe(0);
  });
});

describe('a fix whose first sentence is too long for a cell', () => {
  // The fix of cuda/unsupported-arch on the demo build: 190 characters before its first full stop.
  const fix =
    'Fix the arch list: remove sm_35 from the arch list (the oldest this toolkit builds is sm_50), or, if that GPU must be supported, build on CUDA 11.8 (nvidia/cuda:11.8.0-devel-ubuntu22.04).\n\nIn the notation of each setting:';

  it('shows its first step, cut where a clause ends, never in the middle of one', () => {
    expect(firstSentence(fix)).toBe('Fix the arch list: remove sm_35 from the arch list (the oldest this toolkit builds is sm_50) …');
  });

  it('cuts at no boundary inside parentheses or a code span', () => {
    const cell = firstSentence(`Set \`A=1; B=2\` in the stage (${'x '.repeat(20)}; y), then ${'rebuild the image '.repeat(8)}.`, 120);
    expect(cell).toBe(`Set \`A=1; B=2\` in the stage (${'x '.repeat(20)}; y) …`);
  });

  it('with no clause boundary, at a comma outside brackets, still not in the middle of a clause', () => {
    const cell = firstSentence(`Install the wheel built for this CUDA (cu121, cu124), ${'checking every import of the package '.repeat(4)}.`, 100);
    expect(cell).toBe('Install the wheel built for this CUDA (cu121, cu124) …');
  });
});
