// Whatever bytes come in, the analysis ends with a report that survives JSON, and never throws.
// A small budget in `npm test`, the full one in `npm run test:slow`.
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { analyzeStream } from '../../src/analyze.js';
import { reportOf } from '../../src/report/json.js';
import { propertyBudget } from '../support/property-budget.js';

const fragments = [
  '#1 [builder 1/2] RUN make\n', '#1 0.123 out\n', '#1 ...\n', '#1 DONE 1.0s\n', '#2 CACHED\n', '#3 ERROR: x: exit code: 1\n',
  '------\n', ' > [builder 1/2] RUN make:\n', 'Dockerfile:3\n', '--------------------\n', '   3 | >>> RUN make\n',
  'ERROR: failed to solve: boom\n', ' => ERROR [a 1/1] RUN x  1.0s\n', 'Step 1/2 : RUN x\n', ' ---> Using cache\n',
  '{"vertexes":[{"digest":"sha256:1","name":"x"}]}\n', '{\n', '\r', '\x1b[31m', '\xff', '2026-01-02T03:04:05Z ', ' 1 warning found (use docker --debug to expand):\n', ' - Rule: text (line 1)\n',
];

async function analyzeBytes(bytes: Uint8Array) {
  const report = reportOf(await analyzeStream(Readable.from([Buffer.from(bytes)])));
  const json = JSON.stringify(report);
  expect(JSON.parse(json)).toEqual(report);
  expect(report.version).toBe(1);
  expect(report.steps.length).toBe(report.build.steps);
}

describe('analyzeStream on arbitrary input', () => {
  test('arbitrary bytes', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), analyzeBytes), propertyBudget(40, 400));
  });

  test('arbitrary mixes of every line kind', async () => {
    const log = fc.array(fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 40 })), { maxLength: 60 }).map((parts) => new TextEncoder().encode(parts.join('')));
    await fc.assert(fc.asyncProperty(log, analyzeBytes), propertyBudget(60, 800));
  });
});
