// The whole pipeline against adversarial logs (fast-check): BuildKit-framed steps whose output
// mixes real-looking lines with workflow commands, markup, mentions, fences, secrets of every kind,
// huge lines and control characters. Whatever the log, nothing throws, JSON is valid, no secret
// reaches any output, the Markdown shows log text only as text or code, and sizes stay in limits.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { Readable } from 'node:stream';
import { analyzeStream } from '../../src/analyze.js';
import { render } from '../../src/report/render.js';
import { renderJobSummary, SUMMARY_LIMIT_BYTES } from '../../src/github/summary.js';
import { renderComment, COMMENT_LIMIT } from '../../src/github/comment.js';
import { SECRETS } from './secrets.js';
import { propertyBudget } from '../support/property-budget.js';

/** A secret generator: the full token, and the part that must never be printed. */
const secret = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9]{36}$/).map((s) => ({ token: `ghp_${s}`, body: s })),
  fc.stringMatching(/^[A-Za-z0-9]{34}$/).map((s) => ({ token: `hf_${s}`, body: s })),
  fc.stringMatching(/^[A-Z0-9]{16}$/).map((s) => ({ token: `AKIA${s}`, body: s })),
  fc.stringMatching(/^[0-9]{12}-[A-Za-z0-9]{24}$/).map((s) => ({ token: `xoxb-${s}`, body: s })),
  fc.stringMatching(/^[A-Za-z0-9_-]{60}$/).map((s) => ({ token: `pypi-AgEIcHlwaS5vcmc${s}`, body: s })),
  fc.stringMatching(/^[A-Za-z0-9]{12,20}$/).map((s) => ({ token: `--build-arg DB_PASSWORD=${s}`, body: s })),
  fc.stringMatching(/^[A-Za-z0-9]{12,20}$/).map((s) => ({ token: `https://ci:${s}@nexus.example.com/simple`, body: s })),
  fc.constant({ token: `aws_secret_access_key = ${SECRETS.awsSecret}`, body: SECRETS.awsSecret }),
  // Issue 19's formats.
  fc.stringMatching(/^[A-Za-z0-9]{36}$/).map((s) => ({ token: `npm_${s}`, body: s })),
  fc.stringMatching(/^[A-Za-z0-9_-]{20}$/).map((s) => ({ token: `glpat-${s}`, body: s })),
  fc.stringMatching(/^[A-Za-z0-9_-]{35}$/).map((s) => ({ token: `AIza${s}`, body: s })),
  fc.stringMatching(/^[A-Za-z0-9]{24}$/).map((s) => ({ token: `sk_live_${s}`, body: s })),
  fc.stringMatching(/^[A-Za-z0-9]{48}$/).map((s) => ({ token: `sk-${s}`, body: s })),
  fc.stringMatching(/^[A-Za-z0-9_-]{30}$/).map((s) => ({ token: `eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.${s}`, body: s })),
  fc.stringMatching(/^[A-Za-z0-9]{12,20}$/).map((s) => ({ token: `docker login -u ci -p ${s} ghcr.io`, body: s })),
  fc.stringMatching(/^[A-Za-z0-9]{12,20}$/).map((s) => ({ token: `curl -u deploy:${s} https://x.example`, body: s })),
  fc.stringMatching(/^[A-Za-z0-9]{16,32}$/).map((s) => ({ token: `curl -H "X-Api-Key: ${s}" https://x.example`, body: s })),
  fc.stringMatching(/^[A-Za-z0-9]{12,20}$/).map((s) => ({ token: `export DB_PASS=${s}`, body: s })),
);

const hostileText = fc.constantFrom(
  '::error file=Dockerfile,line=1::pwned',
  '::set-output name=result::owned',
  '::add-mask::nothing',
  '::stop-commands::abc',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '</details></details>',
  '</summary>',
  '@org/team please look',
  '@octocat',
  'owner/repo#1',
  '```',
  '~~~~',
  '````` and `` ` ``',
  '[click](javascript:alert(1))',
  '<!-- buildkit-doctor -->',
  '| a | b |',
  '\u0007\u001b[31mred\u001b[0m\u0000',
  'line\rwith a carriage return',
  '\u202eevil\u202c',
  "nvcc fatal   : Unsupported gpu architecture 'compute_35'",
  '/bin/sh: 1: nvcc: not found',
  'E: Unable to locate package cuda-toolkit-12-4',
  'ERROR: failed to solve: process "/bin/sh -c make" did not complete successfully: exit code: 2',
);

const outputText = fc.oneof(
  { weight: 4, arbitrary: hostileText },
  { weight: 2, arbitrary: fc.string({ maxLength: 80 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 200_000 }).map((n) => 'a'.repeat(n)) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 100_000 }).map((n) => ' '.repeat(n) + 'x') },
  { weight: 1, arbitrary: fc.integer({ min: 100, max: 20_000 }).map((n) => '['.repeat(n) + ']'.repeat(n)) },
  { weight: 1, arbitrary: fc.integer({ min: 100, max: 50_000 }).map((n) => '#1 '.repeat(n)) },
);

interface HostileLog {
  text: string;
  bodies: string[];
}

/** A framed BuildKit log: steps with output lines, some carrying a secret, maybe a failure. */
const hostileLog: fc.Arbitrary<HostileLog> = fc
  .record({
    steps: fc.array(
      fc.record({
        instruction: fc.oneof(hostileText, fc.constant('RUN make -j8')),
        output: fc.array(fc.tuple(outputText, fc.option(secret, { nil: undefined })), { maxLength: 8 }),
        fails: fc.boolean(),
      }),
      { minLength: 1, maxLength: 5 },
    ),
  })
  .map(({ steps }) => {
    const lines: string[] = ['#1 [internal] load build definition from Dockerfile', '#1 DONE 0.0s'];
    const bodies: string[] = [];
    steps.forEach((step, k) => {
      const id = k + 2;
      lines.push(`#${id} [builder ${k + 1}/${steps.length}] ${step.instruction}`);
      step.output.forEach(([text, s], j) => {
        if (s) bodies.push(s.body);
        lines.push(`#${id} ${(j / 10).toFixed(3)} ${text}${s ? ` ${s.token}` : ''}`);
      });
      lines.push(step.fails ? `#${id} ERROR: process "/bin/sh -c ${step.instruction}" did not complete successfully: exit code: 1` : `#${id} DONE 1.0s`);
    });
    return { text: lines.join('\n') + '\n', bodies };
  });

/** Markdown outside fenced code blocks and code spans: where log text must be inert. */
function outsideCode(markdown: string): string {
  const out: string[] = [];
  let fence: string | null = null;
  for (const line of markdown.split('\n')) {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === null && marker) fence = marker;
    else if (fence !== null && marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = null;
    else if (fence === null) out.push(line.replace(/(`+)[^`]*?\1/g, ''));
  }
  return out.join('\n');
}

async function everyOutput(text: string) {
  const analysis = await analyzeStream(Readable.from([text]));
  const logs = [{ name: 'build.log', analysis }];
  const summary = renderJobSummary(logs);
  const comment = renderComment(logs, 'default', { url: null });
  return {
    json: render(analysis, 'json', { color: false }),
    text: render(analysis, 'text', { color: false }),
    markdown: render(analysis, 'markdown', { color: false }),
    sarif: render(analysis, 'sarif', { color: false }),
    github: render(analysis, 'github', { color: false }),
    summary: summary.text,
    comment: comment.body,
  };
}

describe('hostile logs through the whole pipeline', () => {
  test('never throws, JSON is valid, no secret anywhere, Markdown inert, sizes in limits', async () => {
    await fc.assert(
      fc.asyncProperty(hostileLog, async ({ text, bodies }) => {
        const out = await everyOutput(text);
        JSON.parse(out.json);
        JSON.parse(out.sarif);
        for (const [format, rendered] of Object.entries(out)) {
          for (const body of bodies) expect(rendered, `${format} leaks a secret`).not.toContain(body);
        }
        for (const [format, md] of [['markdown', out.markdown], ['summary', out.summary], ['comment', out.comment]] as const) {
          const live = outsideCode(md);
          expect(live, format).not.toMatch(/<script|<img|onerror|javascript:|<!-- buildkit-doctor -->/i);
          expect(live, format).not.toMatch(/(^|[^\w\u200d`])@[A-Za-z0-9]/m);
          // Our folds stay balanced: no log line closes one early (inside a code block it is text).
          expect((live.match(/<details>/g) ?? []).length, format).toBe((live.match(/<\/details>/g) ?? []).length);
        }
        // Every workflow command line is ours: `::error|warning|notice ` with escaped values.
        for (const line of out.github.split('\n').filter(Boolean)) expect(line).toMatch(/^::(error|warning|notice) [^\r\n]*::/);
        expect(Buffer.byteLength(out.summary)).toBeLessThan(SUMMARY_LIMIT_BYTES);
        expect(out.comment.length).toBeLessThanOrEqual(COMMENT_LIMIT);
      }),
      propertyBudget(15, 200),
    );
  });

  test('a log with a secret of every kind: none reaches any output', async () => {
    const tokens = [SECRETS.ghp, SECRETS.ghs, SECRETS.githubPat, SECRETS.hf, SECRETS.akia, SECRETS.slack, SECRETS.pypi];
    const log = [
      '#5 [builder 2/3] RUN ./fetch-models.sh',
      ...tokens.map((t, i) => `#5 0.${i} + curl -H "X-Token: ${t}" https://example.com`),
      `#5 0.8 aws_secret_access_key = ${SECRETS.awsSecret}`,
      '#5 0.9 -----BEGIN RSA PRIVATE KEY-----',
      '#5 0.9 MIIEowIBAAKCAQEA0Z3VS5JJcds3xfn/ygWyF8PbnGy0AHB7MhgHcTz6sE2I2yPB',
      '#5 0.9 -----END RSA PRIVATE KEY-----',
      '#5 ERROR: process "/bin/sh -c ./fetch-models.sh" did not complete successfully: exit code: 1',
    ].join('\n');
    const out = await everyOutput(log);
    const bodies = [...tokens.map((t) => t.slice(5)), SECRETS.awsSecret, 'MIIEowIBAAKCAQEA0Z3VS5JJcds3xfn'];
    for (const [format, rendered] of Object.entries(out)) for (const body of bodies) expect(rendered, format).not.toContain(body);
    expect(JSON.parse(out.json).findings.filter((f: { ruleId: string }) => f.ruleId === 'security/secret-in-log').length).toBeGreaterThanOrEqual(6);
  });
});
