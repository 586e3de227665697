import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { analyzeStream } from '../../src/analyze.js';
import { cutAfterStep, howItStopped } from '../../src/model/unfinished.js';
import { verdictKind } from '../../src/report/recognised.js';
import { renderText } from '../../src/report/text.js';

// A real legacy-builder build on Docker 28.5 (fixtures/logs/README.md): Step 1/7 to 5/7, then its failure.
const log = readFileSync(new URL('../../fixtures/logs/classic-cmake-failed.log', import.meta.url), 'utf8');
const analyse = (text: string) => analyzeStream(Readable.from([text]));

describe('a legacy-builder log cut after a step', () => {
  // The same log cut right after step 3's image line: steps 4 to 7 never appear.
  const cut = log.slice(0, log.indexOf(' ---> 72fc4beee7e9\n') + ' ---> 72fc4beee7e9\n'.length);

  it('is a build that did not finish, not one that passed', async () => {
    const analysis = await analyse(cut);
    expect(analysis.model.format).toBe('classic');
    const last = cutAfterStep(analysis.model);
    expect(last?.index).toBe(3);
    expect(howItStopped(analysis.model)).toMatchObject({ how: 'cut', running: false });
    expect(verdictKind(analysis)).toBe('unfinished');
    expect(renderText(analysis, { color: false, width: 200 }).split('\n')[0]).toBe("⏹ Build did not finish: the log ends after Step 3/7 : WORKDIR /src, before the build's last step");
  });

  it('not when the log shows the failure, nor when the last step is the last of the build', async () => {
    expect(cutAfterStep((await analyse(log)).model)).toBeNull();
    // open-mmlab/mmdetection#1893 (fixtures/real-world/cuda): its last step is `Step 12/12`, cut inside its output.
    const last = await analyse(readFileSync(new URL('../../fixtures/real-world/cuda/setup-py-cuda-required-legacy-cut-mmdetection-1893.log', import.meta.url), 'utf8'));
    expect(last.model.steps.at(-1)).toMatchObject({ index: 12, total: 12 });
    expect(cutAfterStep(last.model)).toBeNull();
  });
});

describe('a BuildKit tty capture cut before its display closed', () => {
  // A real tty capture on Docker 28.5 / buildx 0.29 (fixtures/real/README.md): its screens count
  // 5/12 … 10/12, then the last says `(13/13) FINISHED`.
  const capture = readFileSync(new URL('../../fixtures/real/buildkit-0.25-dockerd-28.5/multistage-pass.tty', import.meta.url), 'utf8');
  const lines = capture.split('\n');
  const lastScreen = lines.findIndex((l) => l.includes('FINISHED'));
  const cut = lines.slice(0, lastScreen).join('\n') + '\n';

  it('is a build that did not finish, not one that passed', async () => {
    const analysis = await analyse(cut);
    expect(analysis.model.format).toBe('buildkit-tty');
    expect(analysis.model.displayOpen).toMatchObject({ done: 10, total: 12 });
    expect(cutAfterStep(analysis.model)).toMatchObject({ stage: 'builder', index: 3, total: 3 });
    expect(verdictKind(analysis)).toBe('unfinished');
    expect(renderText(analysis, { color: false, width: 200 }).split('\n')[0]).toMatch(/^⏹ Build did not finish: the log ends after \[builder 3\/3\] RUN cat hello\.txt/);
  });

  it('passed when the last screen says FINISHED, and failed when it shows an ERROR', async () => {
    const whole = await analyse(capture);
    expect(whole.model.displayOpen).toBeUndefined();
    expect(verdictKind(whole)).toBe('passed');
    const failed = await analyse(readFileSync(new URL('../../fixtures/real/buildkit-0.25-dockerd-28.5/run-fails.tty', import.meta.url), 'utf8'));
    expect(cutAfterStep(failed.model)).toBeNull();
    expect(verdictKind(failed)).toBe('failed');
  });
});
