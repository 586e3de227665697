// Hand-made analyses for the reporters' tests: the shapes the pipeline produces, built directly.
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { analyzeStream } from '../../src/analyze.js';
import type { Analysis } from '../../src/report/analysis.js';
import { loadDockerfile } from '../../src/cli/command-inputs.js';
import type { BuildModel, Step } from '../../src/model/types.js';
import type { Finding } from '../../src/rules/finding.js';
import { makeAnalysis, makeModel, makeStep } from '../support/builders.js';

export const root = join(import.meta.dirname, '..', '..');

/** A step of the `builder` stage, of six, that took as many seconds as its id. */
export function step(id: number, over: Partial<Step> = {}): Step {
  return makeStep({ id, stage: 'builder', index: id, total: 6, instruction: `RUN step-${id}`, seconds: id, ...over });
}

/** A build that failed in step 5 (nvcc), after a cached step and a pip install. */
function failedBuild(over: Partial<BuildModel> = {}): BuildModel {
  return makeModel({
    steps: [
      step(1, { status: 'cached', cached: true, seconds: null }),
      step(2, { seconds: 106.8, instruction: 'RUN pip install --no-cache-dir -r requirements.txt' }),
      step(5, { index: 5, status: 'error', seconds: 0.3, instruction: 'RUN nvcc -O3 -std=c++17 -gencode arch=compute_35,code=sm_35 -c kernels/fused_adam.cu' }),
    ],
    failedStep: 5,
    seconds: 130.2,
    cacheHitRatio: 1 / 3,
    lines: 120,
    ...over,
  });
}

export function analysis(findings: Finding[], over: Partial<BuildModel> = {}): Analysis {
  return makeAnalysis(findings, failedBuild(over));
}

export function passed(findings: Finding[] = []): Analysis {
  return analysis(findings, {
    failedStep: null,
    steps: [step(1, { status: 'cached', cached: true, seconds: null }), step(2, { seconds: 12.5 })],
  });
}

/** The demo sample through the real pipeline. */
export async function sampleAnalysis(): Promise<Analysis> {
  const dockerfile = await loadDockerfile(join('fixtures', 'samples', 'Dockerfile'));
  return analyzeStream(createReadStream(join(root, 'fixtures', 'samples', 'cuda-multistage-failed.log')), { dockerfile });
}

/** The Markdown with fenced blocks and code spans removed: what GitHub renders as markup. */
export function outsideCode(markdown: string): string {
  const prose: string[] = [];
  let fence: string | null = null;
  for (const line of markdown.split('\n')) {
    const run = /^(`{3,})/.exec(line)?.[1];
    if (fence !== null) {
      if (run !== undefined && run.length >= fence.length && line.trim() === run) fence = null;
      continue;
    }
    if (run !== undefined) {
      fence = run;
      continue;
    }
    prose.push(stripSpans(line));
  }
  return prose.join('\n');
}

function stripSpans(line: string): string {
  let out = '';
  let i = 0;
  while (i < line.length) {
    if (line[i] !== '`') {
      out += line[i++];
      continue;
    }
    let j = i;
    while (line[j] === '`') j++;
    const open = j - i;
    let k = j;
    let close = -1;
    while (k < line.length) {
      if (line[k] !== '`') {
        k++;
        continue;
      }
      let m = k;
      while (line[m] === '`') m++;
      if (m - k === open) {
        close = m;
        break;
      }
      k = m;
    }
    if (close < 0) {
      out += line.slice(i, j);
      i = j;
    } else {
      i = close;
    }
  }
  return out;
}
