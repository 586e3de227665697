// A run-time failure after a build that passed (compose `up --build` starting the service it built): the finding stays an
// error and the verdict names the container, not a passing build. The same line before the build's end, or in a build
// step's own output, stays a warning: there it did not stop what ran after the build.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { analyzeStream } from '../../src/analyze.js';
import { renderText } from '../../src/report/text.js';
import { verdictOf } from '../../src/report/markdown.js';
import { gpuRuntimeMissing } from '../../src/rules/catalog/runtime/gpu-runtime-missing.js';
import { makeModel, makeStep } from '../support/builders.js';
import { fixturesRoot } from './support/fixtures.js';
import { out, runEngine, text } from './support/events.js';

/** The raw line number of a text event. */
const lineOf = (e: ReturnType<typeof text>): number => ('line' in e ? e.line : 0);

// AbdBarho/stable-diffusion-webui-docker#423 (fixtures/rules/runtime/gpu-runtime-missing/match-compose-up-after-build-sd-webui-423.log)
const DAEMON_ERROR = 'Error response from daemon: could not select device driver "nvidia" with capabilities: [[gpu]]';

describe('a run-time failure after a build that passed', () => {
  test('compose built the image, then the daemon refused the GPU: an error, "Container failed"', async () => {
    const log = readFileSync(path.join(fixturesRoot, 'runtime/gpu-runtime-missing/match-compose-up-after-build-sd-webui-423.log'), 'utf8');
    const analysis = await analyzeStream(Readable.from([Buffer.from(log)]));
    expect(analysis.model.failedStep).toBeNull();
    const f = analysis.findings[0]!;
    expect(f.ruleId).toBe('runtime/gpu-runtime-missing');
    expect(f.severity).toBe('error');
    const heading = renderText(analysis, { color: false }).split('\n')[0]!;
    expect(heading).toMatch(/^✖ Container failed: /);
    expect(heading).not.toContain('Build passed');
    expect(verdictOf(analysis).markdown).toMatch(/^❌ Container failed: /);
  });

  test('the same line before the last build step ended stays a warning', () => {
    const lead = text(DAEMON_ERROR);
    const model = makeModel({ steps: [makeStep({ id: 1, firstLine: 0, lastLine: lineOf(lead) + 100 })] });
    expect(runEngine([gpuRuntimeMissing], [lead], model)[0]!.severity).toBe('warning');
  });

  test("the same line in a build step's own output stays a warning", () => {
    const inStep = out(1, DAEMON_ERROR);
    const model = makeModel({ steps: [makeStep({ id: 1, firstLine: 0, lastLine: 0 })] });
    expect(runEngine([gpuRuntimeMissing], [inStep], model)[0]!.severity).toBe('warning');
  });

  test('after the last build step ended it stays an error', () => {
    const after = text(DAEMON_ERROR);
    const model = makeModel({ steps: [makeStep({ id: 1, firstLine: 0, lastLine: lineOf(after) - 1 })] });
    expect(runEngine([gpuRuntimeMissing], [after], model)[0]!.severity).toBe('error');
  });
});
