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
