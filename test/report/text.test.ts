// The terminal report's verdict line, on real BuildKit logs and on input that is no build at all.
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it, test } from 'vitest';
import { analyzeStream } from '../../src/analyze.js';
import { parseDockerfile } from '../../src/dockerfile/dockerfile.js';
import { renderText } from '../../src/report/text.js';
import { renderMarkdown, verdictOf } from '../../src/report/markdown.js';
import { summarizeLogs } from '../../src/report/multi-log.js';
import { reportOf } from '../../src/report/json.js';

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

const REAL_WORLD = new URL('../../fixtures/real-world/', import.meta.url);

async function realWorld(name: string): Promise<Awaited<ReturnType<typeof analyzeStream>>> {
  return analyzeStream(Readable.from([readFileSync(new URL(`${name}.log`, REAL_WORLD))]));
}

describe('the verdict of a log where nothing was built', () => {
  // Real pastes (provenance beside each in fixtures/real-world): no build step in them, and a place the facts read.
  test.each([
    // `$ docker run -it gpt-2 bash`, then the traceback in the container
    ['libraries/libcuda-docker-run-without-gpus-gpt-2-204', '✖ Container failed: NVIDIA driver library not found', '### ❌ Container failed: NVIDIA driver library not found', '**Container:**'],
    // `$ conda env create -f environment_minimal.yml` in a shell
    ['uv-conda/babel-conda-numba-tbb-unsatisfiable', '✖ Command failed: conda environment cannot be solved', '### ❌ Command failed: conda environment cannot be solved', null],
  ])('%s', async (name, text, markdown, factsLabel) => {
    const analysis = await realWorld(name);
    expect(renderText(analysis, { color: false }).split('\n')[0]).toBe(text);
    const md = renderMarkdown(analysis);
    expect(md.split('\n')[0]).toBe(markdown);
    expect(md).not.toContain('Build failed');
    if (factsLabel !== null) expect(md).toContain(factsLabel);
    // the verdict kind (multi-log tables, the action's outputs) is still `failed`
    expect(verdictOf(analysis).kind).toBe('failed');
  });

  // Real pastes that show no build step and do not say where they ran: nothing says a build failed.
  test.each([
    // a bare traceback from a virtualenv (argosopentech/argos-train#26)
    ['cuda/found-no-driver-venv-argos-train-26', 'No NVIDIA GPU that this program can see'],
    // a Python prompt session, `>>> import tensorflow` then the traceback (Thinklab-SJTU/R3Det_Tensorflow#78)
    ['libraries/libcuda-file-too-short-r3det-78', 'libcuda is an empty file or the stub, not the driver'],
    // a Jupyter cell's traceback (`Cell In[2], line 1`)
    ['libraries/flash-attn-setdevice-eab-jupyter-1816', 'Extension built for another PyTorch (undefined torch symbol)'],
    // pip's two error lines, pasted alone
    ['pip/tennis-tracking-torch-190-cu102-from-pypi', 'pip found no matching distribution'],
  ])('%s: a neutral heading', async (name, title) => {
    const analysis = await realWorld(name);
    expect(renderText(analysis, { color: false }).split('\n')[0]).toBe(`✖ Failed: ${title}`);
    const md = renderMarkdown(analysis);
    expect(md.split('\n')[0]).toMatch(/^### ❌ Failed: \S/);
    expect(md).not.toContain('Build failed');
    expect(md).not.toContain('**Build:**');
    expect(verdictOf(analysis).kind).toBe('failed');
  });

  test('a BuildKit log that failed keeps the build wording, even when its facts say docker run', async () => {
    const text = await realText('nvcc-unsupported-arch');
    expect(firstLines(text, 1)[0]).toMatch(/^✖ Build failed at /);
  });
});

describe('the verdict of the text report', () => {
  it('a failed build: the failing step, its Dockerfile line, and what broke', async () => {
    const text = await realText('nvcc-unsupported-arch');
    const [verdict, why] = firstLines(text, 2);
    // Shortened to fit 80 columns, the Dockerfile line kept; the RUN's --mount flag left out for its command.
    expect(verdict).toMatch(/^✖ Build failed at \[stage-0 4\/4\] RUN nvcc --version .* \(Dockerfile:6\)$/);
    expect([...verdict!].length).toBeLessThanOrEqual(80);
    expect(why).toBe('  GPU architecture not supported by this CUDA version');
    // The rule id goes under a title it would push past 80 columns.
    expect(text).toContain('error   GPU architecture not supported by this CUDA version\n        cuda/unsupported-arch\n');
  });

  it('a build that passed with a warning says so, and lists it', async () => {
    const text = await realText('cmake-cupti-notfound');
    expect(firstLines(text, 1)).toEqual(['✔ Build passed with 1 warning']);
    // The title is the rule's to word; the line is the report's.
    // Beside the title, or under it when the two would pass 80 columns.
    expect(text).toMatch(/\nwarning CUPTI [^\n]+(?: {2}|\n {8})cmake\/cupti-library-notfound\n/);
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

describe('verdicts that name the step', () => {
  it('podman: the error line pasted alone names the STEP that failed, in the verdict and the JSON', async () => {
    // The last three lines of a real podman 4.3 build: apt's error, then podman's.
    const log = readFileSync(new URL('../../fixtures/real/podman-4.3/apt-unable-to-locate.log', import.meta.url), 'utf8').trimEnd().split('\n').slice(-3).join('\n');
    const analysis = await analyzeStream(Readable.from([Buffer.from(log)]));
    expect(renderText(analysis, { color: false }).split('\n')[0]).toMatch(/^✖ Build failed at RUN apt-get update && apt-get install -y/);
    const { build, steps, findings } = reportOf(analysis);
    expect(steps).toHaveLength(1);
    expect(build.failedStep).toBe(steps[0]!.id);
    expect(findings[0]?.step).toBe(steps[0]!.id);
  });

  it('output outside any build step has no step number: null in JSON, no #0 step, said in words', async () => {
    const analysis = await analyzeStream(Readable.from([readFileSync(new URL('../../fixtures/logs/shell-session-nvcc-cupti.log', import.meta.url))]));
    const { steps, findings } = reportOf(analysis);
    expect(steps.map((s) => s.id)).not.toContain(0);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.step === null)).toBe(true);
    const text = renderText(analysis, { color: false });
    expect(text).not.toContain('#0');
    expect(text).toContain('        in the output outside any build step');
    expect(renderMarkdown(analysis)).not.toContain('#0');
  });

  it('a finding put on its Dockerfile line is not also said to be outside any build step', async () => {
    // ai-dock/comfyui#56: a paste without `#N` headers whose error block names Dockerfile:20.
    const log = readFileSync(new URL('../../fixtures/rules/conda/unsatisfiable/match-micromamba-build-does-not-exist.log', import.meta.url));
    const analysis = await analyzeStream(Readable.from([log]));
    const first = analysis.findings[0]!;
    expect(first.location?.line).toBe(20);
    const text = renderText(analysis, { color: false });
    expect(text).toContain('        at Dockerfile:20');
    expect(text).not.toContain('outside any build step');
    expect(renderMarkdown(analysis)).not.toContain('outside any build step');
  });

  it('a log that starts and ends inside one step is an excerpt, not a build that did not finish', async () => {
    // dandi/dandi-hub#152: lines of step #16 pasted with their CI times (conda's report after the error), no header, no end.
    const log = [
      '2024-05-01T04:29:56Z #16 323.3 environment variables:',
      '2024-05-01T04:29:56Z #16 323.3 CIO_TEST=<not set>',
      '2024-05-01T04:29:56Z #16 323.3 CONDA_DIR=/opt/conda',
      '2024-05-01T04:29:56Z #16 323.3 CONDA_ROOT=/opt/conda',
    ].join('\n');
    const analysis = await analyzeStream(Readable.from([log]));
    const first = renderText(analysis, { color: false, width: 200 }).split('\n')[0];
    expect(first).toBe('⏹ Log excerpt: it starts and ends inside #16, so how the build ended is not in it');
    expect(verdictOf(analysis).markdown).toMatch(/^⏹ Log excerpt: it starts and ends inside `#16`/);
    // With its step's header in the log, the same end is a build that did not finish (test/grammar/cut-logs.test.ts).
  });

  it('BuildKit lines of no step of their own are no build that passed', async () => {
    // hpcaitech/ColossalAI#5732: old buildx's error box lines (`#0 …`), pasted without the box around them.
    const log = [
      '#0 7.666 Collecting colossalai-nightly',
      '#0 12.99   Downloading colossalai-nightly-2024.5.18.tar.gz (1.2 MB)',
      '#0 14.21   Preparing metadata (setup.py): started',
      "#0 17.77   Preparing metadata (setup.py): finished with status 'error'",
      '#0 17.78   error: subprocess-exited-with-error',
    ].join('\n');
    const analysis = await analyzeStream(Readable.from([log]));
    expect(analysis.model.format).toBe('buildkit-plain');
    expect(verdictOf(analysis).kind).not.toBe('passed');
    expect(renderText(analysis, { color: false })).not.toContain('Build passed');
  });

  it('a job canceled outside any build step says so', async () => {
    const analysis = await analyzeStream(Readable.from([readFileSync(new URL('../../fixtures/real-world/ci/actions-runner-shutdown-then-canceled.log', import.meta.url))]));
    expect(verdictOf(analysis).markdown).toMatch(/^⏹ Build did not finish: the CI job was canceled or hit its time limit before any build step/);
  });
});

describe('fitting the terminal', () => {
  it('wraps messages and fixes at the width, cuts evidence with …, prints commands whole', async () => {
    // A real build (dockerd 28.5) whose pip backtracks: long evidence lines and a long reproduce command.
    const real = '../../fixtures/real/buildkit-0.25-dockerd-28.5/pip-backtracking';
    const analysis = await analyzeStream(Readable.from([readFileSync(new URL(`${real}.log`, import.meta.url))]), {
      dockerfile: parseDockerfile(readFileSync(new URL(`${real}.Dockerfile`, import.meta.url), 'utf8'), 'Dockerfile'),
    });
    const reproduce = analysis.findings[0]!.reproduce!.split('\n').filter((l) => !l.startsWith('# '));
    const fixCode = analysis.findings.flatMap((f) => f.fix.split('```').filter((_, i) => i % 2 === 1).flatMap((block) => block.split('\n').slice(1)));
    const commands = new Set([...reproduce, ...fixCode].map((l) => l.trim()).filter(Boolean));
    for (const width of [60, 80, 120]) {
      const lines = renderText(analysis, { color: false, width }).split('\n');
      // Only a command (whole, so it pastes as printed) or a word longer than the room (a long code
      // span) may stand out, alone on its line.
      expect(lines.filter((l) => [...l].length > width && !commands.has(l.trim()) && l.trim().replace(/^- /, '').includes(' '))).toEqual([]);
    }
    const text = renderText(analysis, { color: false });
    // A command is printed whole: never wrapped onto a second line, never cut.
    expect(text).toContain(`\n          ${reproduce.find((l) => l.startsWith('docker buildx build'))}\n`);
    expect(text).not.toMatch(/\n {10}docker buildx build[^\n]*…\n/);
    expect(text).toMatch(/\n {10}\| INFO: pip is looking at multiple versions of lightning to determine…\n/);
    // The message, wrapped: no word lost.
    const message = analysis.findings[0]!.message;
    const body = text.split('\n').filter((l) => l.startsWith('        ') && !l.startsWith('          ')).map((l) => l.trim()).join(' ');
    expect(body).toContain(message.replace(/\s+/g, ' '));
  });

  it('an evidence line too wide and padded with blanks (a paste that lost its line breaks) shows its words, not only …', async () => {
    // lgandx/PCredz#69: one pasted line, 238 blanks first, apt's lines glued with runs of blanks.
    const text = await textOf(readFileSync(new URL('../../fixtures/rules/buildkit/step-failed/match-eol-buster-apt-update-cut-pcredz.log', import.meta.url)));
    expect(text).toMatch(/\n {10}\| 0\.162 WARNING: apt does not have a stable CLI interface\.[^\n]*…\n/);
    expect(text).not.toMatch(/\n {10}\|…\n/);
  });
});
