// A report too big for GitHub's limit even without its optional blocks is cut between blocks: never
// inside a code fence (the Mermaid chart, a log excerpt) nor inside an open <details>, so that the
// cut comment and summary still render, with the note outside every block.
import { createReadStream, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyzeStream } from '../../src/analyze.js';
import { composeReport } from '../../src/github/compose.js';
import { COMMENT_LIMITS } from '../../src/github/comment.js';
import { CUT_NOTE, characters, fitBlocks, utf8Bytes } from '../../src/github/fit.js';
import { renderJobSummary } from '../../src/github/summary.js';
import { parseDockerfile } from '../../src/dockerfile/dockerfile.js';

/** What would render wrong: a fence left open, a <details> not closed, the note inside a block. */
function structureProblems(markdown: string): string[] {
  const problems: string[] = [];
  let fence: string | null = null;
  let depth = 0;
  for (const [i, line] of markdown.split('\n').entries()) {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === null && marker) fence = marker;
    else if (fence !== null && marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = null;
    else if (fence === null) {
      depth += (line.match(/<details[\s>]/g) ?? []).length - (line.match(/<\/details>/g) ?? []).length;
      if (depth < 0) problems.push(`line ${i + 1}: </details> without <details>`);
    }
    if (line.includes(CUT_NOTE) && (fence !== null || depth > 0)) problems.push(`line ${i + 1}: the cut note is inside a block`);
  }
  if (fence !== null) problems.push(`a ${fence} fence is never closed`);
  if (depth > 0) problems.push(`${depth} <details> never closed`);
  return problems;
}

async function sample() {
  const dockerfile = parseDockerfile(readFileSync('fixtures/samples/Dockerfile', 'utf8'), 'fixtures/samples/Dockerfile');
  const analysis = await analyzeStream(createReadStream('fixtures/samples/cuda-multistage-failed.log'), { dockerfile });
  return [{ name: 'build.log', analysis }];
}

describe('cutting a report that does not fit', () => {
  test('the uncut summary has a Mermaid chart and folds (so the cuts below go through them)', async () => {
    const full = renderJobSummary(await sample()).text;
    expect(full).toContain('```mermaid');
    expect(full).toContain('<details>');
    expect(structureProblems(full)).toEqual([]);
  });

  test('a summary cut at any size renders: every fence and tag closed, the note outside', async () => {
    const logs = await sample();
    const full = Buffer.byteLength(renderJobSummary(logs).text);
    let cuts = 0;
    for (let limit = 300; limit < full; limit += 97) {
      const { text } = renderJobSummary(logs, { limitBytes: limit });
      expect(Buffer.byteLength(text), `limit ${limit}`).toBeLessThanOrEqual(limit);
      expect(structureProblems(text), `limit ${limit}`).toEqual([]);
      if (text.includes(CUT_NOTE)) cuts++;
    }
    expect(cuts).toBeGreaterThan(10);
  });

  test('a comment cut at any size renders the same way', async () => {
    const logs = await sample();
    let cuts = 0;
    for (let limit = 300; limit < 12_000; limit += 89) {
      const { text } = composeReport(logs, { surface: 'comment', limits: COMMENT_LIMITS, maxDetails: 10, limit, measure: characters, moreNote: (n) => `+${n} more` });
      expect(text.length, `limit ${limit}`).toBeLessThanOrEqual(limit);
      expect(structureProblems(text), `limit ${limit}`).toEqual([]);
      if (text.includes(CUT_NOTE)) cuts++;
    }
    expect(cuts).toBeGreaterThan(10);
  });

  test('fitBlocks: a fixed block too big alone is cut after its last closed fence, never inside it', () => {
    const chart = ['```mermaid', 'gantt', ...Array.from({ length: 200 }, (_, i) => `  step ${i} :a${i}, 0, 1s`), '```'].join('\n');
    const fold = ['<details><summary>Timeline chart</summary>', '', chart, '', '</details>'].join('\n');
    const { text } = fitBlocks(['### verdict', 'intro text\nmore intro'], [], [fold, '<sub>footer</sub>'], { limit: 2000, measure: utf8Bytes, note: () => '' });
    expect(structureProblems(text)).toEqual([]);
    expect(text).toContain('intro text');
    expect(text).not.toContain('```mermaid');
    expect(text.trimEnd().endsWith(CUT_NOTE)).toBe(true);
  });
});
