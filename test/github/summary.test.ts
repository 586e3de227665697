import { describe, expect, it } from 'vitest';
import { planAnnotations } from '../../src/report/annotations.js';
import { renderJobSummary } from '../../src/github/summary.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { makeAnalysis, makeFinding, makeModel } from '../support/builders.js';
import { analysis, outsideCode, passed, sampleAnalysis, step } from './make-analysis.js';

const one = (a: ReturnType<typeof analysis>) => [{ name: 'build.log', analysis: a }];

describe('job summary', () => {
  it('renders a failed build (snapshot)', async () => {
    const a = analysis([makeFinding(), makeFinding({ ruleId: 'cmake/cupti-library-notfound', severity: 'warning', title: 'CUPTI headers found but libcupti.so missing', step: 2, location: { file: 'Dockerfile', line: 11, endLine: 11 }, reproduce: 'docker buildx build --target builder .' })]);
    await expect(renderJobSummary(one(a)).text).toMatchFileSnapshot('__snapshots__/summary-failed.md');
  });

  it('starts with the verdict: the failed step, its Dockerfile line and the reason', () => {
    const { text, verdict } = renderJobSummary(one(analysis([makeFinding()])));
    expect(verdict).toBe('failed');
    expect(text.split('\n')[0]).toBe('### ❌ Build failed at `[builder 5/6] RUN nvcc -O3 -std=c++17 …` (Dockerfile&#58;14): nvcc does not support sm&#95;35');
  });

  it('says a passing build passed, with its warnings counted', () => {
    const { text, verdict } = renderJobSummary(one(passed([makeFinding({ severity: 'warning', step: 2 }), makeFinding({ severity: 'warning', ruleId: 'x/y', step: 2 })])));
    expect(verdict).toBe('passed');
    expect(text.split('\n')[0]).toBe('### ✅ Build passed with 2 warnings');
  });

  it('lists findings in a table: severity, problem, where, fix', () => {
    const { text } = renderJobSummary(one(analysis([makeFinding()])));
    expect(text).toContain('| Severity | Problem | Where | Fix |');
    // Short cells keep their words together: non-breaking spaces.
    expect(text).toContain('| ❌\u00a0error | **nvcc does not support sm&#95;35**<br>`cuda/unsupported-arch` | Dockerfile&#58;14<br>`[builder 5/6] RUN nvcc -O3 -std=c++17 …` | Remove `sm_35` from the arch list. |');
  });

  it('shows slowest steps and the cache-hit ratio', () => {
    const { text } = renderJobSummary(one(analysis([makeFinding()])));
    expect(text).toContain('#### Where the time went');
    expect(text).toMatch(/\| 1m\u00a047s \| ░*█+[▏▎▍▌▋▊▉]? \| `#2` \| `\[builder 2\/6\] RUN pip install/);
    expect(text).toContain('cache hits 33% (1 of 3 Dockerfile steps)');
  });

  it('says how many findings did not fit as annotations', () => {
    const findings = Array.from({ length: 12 }, (_, i) => makeFinding({ ruleId: `r/${i}`, location: { file: 'Dockerfile', line: i + 1, endLine: i + 1 } }));
    const plan = planAnnotations(findings, { workspace: '/ws', cwd: '/ws' });
    const { text } = renderJobSummary(one(analysis(findings)), { annotations: plan });
    expect(text).toContain('3 more findings (3 errors) are not drawn as annotations on the Dockerfile');
  });

  it('escapes every log-derived string', () => {
    const hostile = makeFinding({
      title: '<img src=x onerror=alert(1)> @acme/admins',
      message: 'found </details><script>alert(1)</script> cc @octocat [x](javascript:alert(1))',
      evidence: ['```', '</details>', '<!-- buildkit-doctor:comment key=default -->', '::set-output name=x::y'],
      fix: 'pin it',
      location: { file: 'Dockerfile|x', line: 3, endLine: 3 },
    });
    const a = analysis([hostile], {
      steps: [step(5, { status: 'error', instruction: 'RUN echo "<script>" `id` | tee x' })],
    });
    const { text } = renderJobSummary(one(a));
    const prose = outsideCode(text);
    expect(prose).not.toMatch(/<(?!\/?(details|summary|b|code|br|sub)>)/);
    expect(prose).not.toContain('](javascript');
    expect(prose).not.toMatch(/@[A-Za-z0-9]/);
    // Exactly our own <details> open and close: the log's </details> did not close one early.
    expect(prose.match(/<details>/g)).toHaveLength(1);
    expect(prose.match(/<\/details>/g)).toHaveLength(1);
    // The evidence fence is longer than the log's ``` line.
    expect(text).toContain('````text\n```\n</details>\n');
  });

  it('stays under the size limit, dropping whole findings with a note', () => {
    const findings = Array.from({ length: 60 }, (_, i) => makeFinding({ ruleId: `r/${i}`, evidence: Array.from({ length: 20 }, () => 'x'.repeat(400)) }));
    const { text, omitted } = renderJobSummary(one(analysis(findings)), { limitBytes: 100_000 });
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(100_000);
    expect(omitted).toBeGreaterThan(0);
    expect(text).toContain(`+${omitted} more findings left out to stay under GitHub's 1 MiB summary limit.`);
    expect(text.match(/<details>/g)?.length).toBe(text.match(/<\/details>/g)?.length);
    expect(text.match(/<details>\n/g)?.length).toBe(60 - omitted);
  });

  it('several logs: only those that passed are called passed', () => {
    const unrecognised = makeAnalysis([], makeModel({ format: 'unknown', steps: [] }));
    const { text } = renderJobSummary([
      { name: 'logs/build.log', analysis: passed() },
      { name: 'logs/notes.txt', analysis: unrecognised },
    ]);
    expect(text.split('\n')[0]).toBe('### ✅ 1 of 2 logs passed, 1 with no build recognised');
    const both = renderJobSummary([
      { name: 'a.log', analysis: passed() },
      { name: 'b.log', analysis: passed() },
    ]);
    expect(both.text.split('\n')[0]).toBe('### ✅ 2 build logs passed');
  });

  it('merges several logs: one verdict, a table of logs, then each log', () => {
    const { text, verdict } = renderJobSummary([
      { name: 'logs/amd64.log', analysis: analysis([makeFinding()]) },
      { name: 'logs/arm64.log', analysis: passed() },
    ]);
    expect(verdict).toBe('failed');
    expect(text.split('\n')[0]).toBe('### ❌ 1 of 2 build logs failed');
    expect(text).toContain('| `logs/amd64.log` | ❌\u00a0failed | 1 | 0 | 0 | nvcc does not support sm&#95;35 |');
    expect(text).toContain('#### `logs/arm64.log`\n\n**✅ Build passed**');
  });

  it('renders the demo sample through the real pipeline', async () => {
    const { text, verdict } = renderJobSummary([{ name: 'fixtures/samples/cuda-multistage-failed.log', analysis: await sampleAnalysis() }]);
    expect(verdict).toBe('failed');
    expect(text.split('\n')[0]).toMatch(/^### ❌ Build failed at `\[builder 7\/7\] RUN nvcc -O3 -std=c\+\+17 …`/);
    expect(text).toContain('fixtures/samples/Dockerfile&#58;12');
  });
});

describe('--format markdown', () => {
  it('is the same report for one log', () => {
    const a = analysis([makeFinding()]);
    const md = renderMarkdown(a);
    expect(md.split('\n')[0]).toMatch(/^### ❌ Build failed at/);
    expect(md).toContain('<details>');
    expect(md).toContain('#### Where the time went');
  });
});
