// `[worker 1/4]`: target worker (compose / bake, a Dockerfile with an unnamed stage) or stage
// worker (a plain build)? A target named earlier in the log, in `[worker internal] …`, decides.
import { describe, expect, it } from 'vitest';
import { LogParser } from '../../src/grammar/log-parser.js';
import { parseVertexName, withKnownTarget } from '../../src/grammar/vertex-name.js';
import type { BuildEvent, StepHeader } from '../../src/grammar/events.js';

function headers(lines: string[]): StepHeader[] {
  const seen: StepHeader[] = [];
  const parser = new LogParser((event: BuildEvent) => {
    if (event.type === 'step-started') seen.push(event.header);
  });
  lines.forEach((text, i) => parser.push({ text, line: i + 1 }));
  parser.end();
  return seen;
}

describe('withKnownTarget', () => {
  it('a single name that is a known target becomes the target', () => {
    expect(withKnownTarget(parseVertexName(4, '[worker 1/4] FROM docker.io/local/tools:bookworm'), new Set(['worker']))).toMatchObject({ target: 'worker', stage: null, index: 1 });
  });

  it('a stage name that is no target, a header with a target already, or an internal vertex stay as they are', () => {
    const targets = new Set(['worker']);
    expect(withKnownTarget(parseVertexName(4, '[builder 1/4] FROM x'), targets)).toMatchObject({ target: null, stage: 'builder' });
    expect(withKnownTarget(parseVertexName(4, '[worker worker 1/4] FROM x'), targets)).toMatchObject({ target: 'worker', stage: 'worker' });
    expect(withKnownTarget(parseVertexName(4, '[worker internal] load .dockerignore'), targets)).toMatchObject({ target: 'worker', stage: null, internal: true });
  });
});

describe('targets through the plain-progress grammar', () => {
  it('compose: `[worker internal]` first, then `[worker 1/4]` is target worker', () => {
    // the head of fixtures/real/buildkit-0.13-dockerd-26.1/compose-two-services.log
    const [internal, from] = headers([
      '#1 [worker internal] load build definition from worker.Dockerfile',
      '#1 transferring dockerfile: 217B done',
      '#1 DONE 0.0s',
      '',
      '#4 [worker 1/4] FROM docker.io/local/tools:bookworm',
      '#4 DONE 0.0s',
    ]);
    expect(internal).toMatchObject({ target: 'worker', internal: true });
    expect(from).toMatchObject({ target: 'worker', stage: null, index: 1, total: 4 });
  });

  it('a plain build: `[worker 1/4]` is stage worker (no target was named)', () => {
    const [internal, from] = headers(['#1 [internal] load build definition from Dockerfile', '#1 DONE 0.0s', '', '#4 [worker 1/4] FROM docker.io/local/tools:bookworm', '#4 DONE 0.0s']);
    expect(internal).toMatchObject({ target: null, internal: true });
    expect(from).toMatchObject({ target: null, stage: 'worker' });
  });
});
