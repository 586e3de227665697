// The terminal report's verdict line, on real BuildKit logs and on input that is no build at all.
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { analyzeStream } from '../../src/analyze.js';
import { parseDockerfile } from '../../src/dockerfile/dockerfile.js';
import { renderText } from '../../src/report/text.js';
import { renderMarkdown, verdictOf } from '../../src/report/markdown.js';
import { summarizeLogs } from '../../src/report/multi-log.js';

const REAL = new URL('../../fixtures/real/buildkit-0.13-dockerd-26.1/', import.meta.url);

async function textOf(input: string | Buffer, dockerfileText?: string): Promise<string> {
  const dockerfile = dockerfileText === undefined ? undefined : parseDockerfile(dockerfileText, 'Dockerfile');
  const analysis = await analyzeStream(Readable.from([Buffer.from(input)]), { dockerfile });
  return renderText(analysis, { color: false });
}

async function realText(name: string): Promise<string> {
  return textOf(readFileSync(new URL(`${name}.log`, REAL)), readFileSync(new URL(`${name}.Dockerfile`, REAL), 'utf8'));
}

const firstLines = (text: string, n: number) => text.split('\n').slice(0, n);

/** pip 23.0.1's lines from the real pip-backtracking build, pasted without BuildKit's framing. */
function pastedPipLines(): string {
  return readFileSync(new URL('pip-backtracking.log', REAL), 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('#9 ') && l.includes('INFO: '))
    .map((l) => l.replace(/^#9 \d+\.\d+ /, ''))
    .join('\n');
}

describe('the verdict of the text report', () => {
  it('a failed build: the failing step, its Dockerfile line, and what broke', async () => {
    const text = await realText('nvcc-unsupported-arch');
    const [verdict, why] = firstLines(text, 2);
    expect(verdict).toMatch(/^✖ Build failed at \[stage-0 4\/4\] RUN --mount=type=bind,from=cuda,target=\/usr\/local\/cuda-13\.0 .* \(Dockerfile:6\)$/);
    expect(why).toBe('  GPU architecture not supported by this CUDA version');
    expect(text).toContain('error   GPU architecture not supported by this CUDA version  cuda/unsupported-arch');
  });

  it('a build that passed with a warning says so, and lists it', async () => {
    const text = await realText('cmake-cupti-notfound');
    expect(firstLines(text, 1)).toEqual(['✔ Build passed with 1 warning']);
    expect(text).toContain('warning CUPTI headers found but libcupti.so missing  cmake/cupti-library-notfound');
    expect(text).toContain('        at Dockerfile:6');
  });

  it('a build that passed with nothing to report', async () => {
    const text = await realText('multistage-pass');
    expect(firstLines(text, 2)).toEqual(['✔ Build passed', 'Where the time went']);
  });

  it.each([
    ['text that is no build output', 'hello\nthis is not a build log\n'],
    ['a tool log with nothing wrong in it', 'Collecting numpy\nSuccessfully installed numpy-1.26.4\n'],
    ['empty input', ''],
    ['binary input', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0xff, 0xfe])],
  ])('%s: no build output recognised, never "passed"', async (_title, input) => {
    const text = await textOf(input);
    expect(text).toBe('No build output recognised.\n');
  });

  it('a pasted tool log with a warning: the finding, but no verdict on a build that is not there', async () => {
    const text = await textOf(pastedPipLines());
    expect(firstLines(text, 1)).toEqual(['No build steps recognised; 1 finding in the text.']);
    expect(text).not.toContain('Build passed');
    expect(text).toContain('pip/resolver-backtracking');
  });

  it('the Markdown verdict and the per-log summary say the same of that pasted log as the terminal', async () => {
    const analysis = await analyzeStream(Readable.from([Buffer.from(pastedPipLines())]));
    expect(verdictOf(analysis)).toEqual({ kind: 'tool-output', markdown: '🔎 No build steps recognised; 1 finding in the text' });
    expect(renderMarkdown(analysis)).not.toContain('Build passed');
    const [row] = summarizeLogs([{ name: 'pasted.log', analysis }]).logs;
    expect(row?.verdict).toBe('tool-output');
    const clean = await analyzeStream(Readable.from([readFileSync(new URL('multistage-pass.log', REAL))]));
    expect(verdictOf(clean).kind).toBe('passed');
  });

  it('without colour there are no escape codes, and log text cannot inject any', async () => {
    const text = await textOf('#1 [1/2] FROM docker.io/library/alpine:3.20\n#1 DONE 0.1s\n\n#2 [2/2] RUN echo \u001b[2Jboom\n#2 0.1 \u001b]0;title\u0007oops\n#2 ERROR: process "/bin/sh -c echo boom" did not complete successfully: exit code: 1\n');
    expect(text.startsWith('✖ Build failed at [2/2] RUN echo')).toBe(true);
    expect(text).not.toContain('\u001b');
    expect(text).not.toContain('\u0007');
  });
});
