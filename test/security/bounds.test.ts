// Every buffer is bounded: a hostile or just enormous log cannot grow memory or the report. A
// 200 MB log through the built CLI under a small heap: test/slow/memory.test.ts (`npm run test:slow`);
// the fast case of it, a 50 MB line: test/cli/broken-input.test.ts.
import { describe, expect, test } from 'vitest';
import { Readable } from 'node:stream';
import { readLogLines } from '../../src/lines/read-lines.js';
import { DEFAULT_MAX_LINE_BYTES } from '../../src/lines/line-splitter.js';
import { analyzeStream } from '../../src/analyze.js';
import { TAIL_LINES, TAIL_LINE_CHARS } from '../../src/model/build-model.js';
import { MAX_STEPS as MAX_MODEL_STEPS } from '../../src/grammar/framing.js';
import { maxEvidenceLines, maxEvidenceLength } from '../../src/rules/scope-state.js';

/** Lines produced on demand, never all in memory. */
function lines(count: number, line: (i: number) => string): Readable {
  let i = 0;
  return new Readable({
    read() {
      let batch = '';
      for (let k = 0; k < 2000 && i < count; k++, i++) batch += line(i) + '\n';
      this.push(i >= count && batch === '' ? null : batch);
      if (i >= count && batch !== '') this.push(null);
    },
  });
}

describe('bounds', () => {
  test('per-line cap: a 1 MB line is cut to the cap and marked truncated', async () => {
    const seen: { length: number; truncated?: boolean }[] = [];
    await readLogLines(Readable.from(['#5 0.1 ' + 'a'.repeat(1 << 20) + '\nnext\n']), (l) => seen.push({ length: l.text.length, truncated: l.truncated }));
    expect(seen[0]!.length).toBeLessThanOrEqual(DEFAULT_MAX_LINE_BYTES);
    expect(seen[0]!.truncated).toBe(true);
    expect(seen).toHaveLength(2);
  });

  test('per-step buffer cap: 20,000 output lines keep a bounded tail of bounded lines', async () => {
    const { model } = await analyzeStream(
      lines(20_000, (i) => (i === 0 ? '#5 [builder 2/3] RUN make' : `#5 ${(i / 1000).toFixed(3)} ${'x'.repeat(3000)} ${i}`)),
    );
    const step = model.steps.find((s) => s.id === 5)!;
    expect(step.outputLines).toBe(19_999);
    expect(step.tail.length).toBeLessThanOrEqual(TAIL_LINES);
    expect(Math.max(...step.tail.map((t) => t.length))).toBeLessThanOrEqual(TAIL_LINE_CHARS);
  });

  test('steps are capped: 10,000 distinct vertices do not grow the model without bound', async () => {
    const { model, findings } = await analyzeStream(lines(10_000, (i) => `#${i + 1} [stage-${i} 1/1] RUN true`));
    expect(model.steps.length).toBeLessThanOrEqual(MAX_MODEL_STEPS);
    // …and the report says where the listing stops (log line 5,001: the first step left out).
    const notice = findings.find((f) => f.ruleId === 'report/steps-not-listed');
    expect(notice?.severity).toBe('notice');
    expect(notice?.message).toContain('stops at log line 5001');
    expect(notice?.message).toContain('5,000 more steps are not listed');
  });

  test('a build within the step limit gets no such notice', async () => {
    const { findings } = await analyzeStream(lines(100, (i) => `#${i + 1} [stage-${i} 1/1] RUN true`));
    expect(findings.map((f) => f.ruleId)).not.toContain('report/steps-not-listed');
  });

  test('evidence cap per finding and findings cap per rule', async () => {
    // 300 failing steps, each printing the same error 50 times with a very long line.
    const log = lines(300 * 53, (i) => {
      const step = Math.floor(i / 53) + 1;
      const k = i % 53;
      if (k === 0) return `#${step} [stage-${step} 1/1] RUN ./setup.sh`;
      if (k < 51) return `#${step} 0.${k} /bin/sh: 1: nvcc: not found ${'y'.repeat(2000)}`;
      if (k === 51) return `#${step} ERROR: process "/bin/sh -c ./setup.sh" did not complete successfully: exit code: 127`;
      return '';
    });
    const { findings } = await analyzeStream(log);
    expect(findings.length).toBeGreaterThan(0);
    const perRule = new Map<string, number>();
    for (const f of findings) {
      perRule.set(f.ruleId, (perRule.get(f.ruleId) ?? 0) + 1);
      expect(f.evidence.length).toBeLessThanOrEqual(maxEvidenceLines);
      for (const e of f.evidence) expect(e.length).toBeLessThanOrEqual(Math.max(maxEvidenceLength, TAIL_LINE_CHARS) + 1);
    }
    for (const count of perRule.values()) expect(count).toBeLessThanOrEqual(20);
  });

  test('secret findings: one per kind, at most 3 evidence lines, however many secrets', async () => {
    const { findings } = await analyzeStream(lines(5000, (i) => `#5 0.${i} HF_TOKEN=hf_${String(i).padStart(34, 'Q')}`));
    const secrets = findings.filter((f) => f.ruleId === 'security/secret-in-log');
    expect(secrets).toHaveLength(1);
    expect(secrets[0]!.evidence.length).toBeLessThanOrEqual(3);
    expect(secrets[0]!.message).toContain('and 4990 more');
  });
});
