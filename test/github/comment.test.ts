import { describe, expect, it } from 'vitest';
import { COMMENT_LIMIT, commentMarker, digestIn, encodeKey, hasMarker, renderComment, runLinkFromEnv } from '../../src/github/comment.js';
import { makeFinding } from '../support/builders.js';
import { analysis, passed } from './make-analysis.js';

const link = { url: 'https://github.com/octo-org/cuda-app/actions/runs/42/attempts/1' };

describe('comment marker', () => {
  it('names the comment key, encoded so it cannot end the HTML comment', () => {
    expect(commentMarker('default')).toBe('<!-- buildkit-doctor:comment key=default -->');
    expect(commentMarker('gpu --> <b>')).toBe('<!-- buildkit-doctor:comment key=gpu%20%2D%2D%3E%20%3Cb%3E -->');
    expect(encodeKey('  ')).toBe('default');
  });

  it('matches only as the first line', () => {
    const marker = commentMarker('a');
    expect(hasMarker(`${marker}\nbody`, marker)).toBe(true);
    expect(hasMarker(`quoted:\n${marker}\nbody`, marker)).toBe(false);
    expect(hasMarker(`${commentMarker('ab')}\nbody`, marker)).toBe(false);
    expect(hasMarker(null, marker)).toBe(false);
  });
});

describe('renderComment', () => {
  it('starts with the marker and the digest, then the verdict', () => {
    const { body, digest, hasFindings } = renderComment([{ name: 'build.log', analysis: analysis([makeFinding()]) }], 'gpu', link);
    const lines = body.split('\n');
    expect(lines[0]).toBe('<!-- buildkit-doctor:comment key=gpu -->');
    expect(lines[1]).toBe(`<!-- buildkit-doctor:digest=${digest} -->`);
    expect(lines[3]).toMatch(/^### ❌ Build failed at /);
    expect(digestIn(body)).toBe(digest);
    expect(hasFindings).toBe(true);
    expect(body).toContain(`[run](${link.url})`);
  });

  it('has the same digest for the same findings in another run, another for other findings', () => {
    const a = renderComment([{ name: 'build.log', analysis: analysis([makeFinding()]) }], 'default', link);
    const b = renderComment([{ name: 'build.log', analysis: analysis([makeFinding()]) }], 'default', { url: 'https://github.com/octo-org/cuda-app/actions/runs/43/attempts/1' });
    const c = renderComment([{ name: 'build.log', analysis: passed() }], 'default', link);
    expect(b.digest).toBe(a.digest);
    expect(b.body).not.toBe(a.body);
    expect(c.digest).not.toBe(a.digest);
  });

  it('says a clean build is clean', () => {
    const { body, hasFindings } = renderComment([{ name: 'build.log', analysis: passed() }], 'default', link);
    expect(hasFindings).toBe(false);
    expect(body).toContain('### ✅ Build passed');
    expect(body).not.toContain('| Severity |');
  });

  it('fits in 65,536 characters, with "+N more, see the job summary"', () => {
    const findings = Array.from({ length: 300 }, (_, i) => makeFinding({ ruleId: `r/${i}`, message: 'm'.repeat(3000), fix: 'f'.repeat(3000), evidence: Array.from({ length: 10 }, () => 'e'.repeat(300)) }));
    const { body, composed } = renderComment([{ name: 'build.log', analysis: analysis(findings) }], 'default', link);
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(composed.omitted).toBeGreaterThan(290);
    expect(body).toContain(`+${composed.omitted} more findings, see [the job summary](${link.url}).`);
    expect(body.match(/<details>\n/g)?.length).toBe(300 - composed.omitted);
  });

  it('folds at most 10 findings; the rest are counted', () => {
    const findings = Array.from({ length: 14 }, (_, i) => makeFinding({ ruleId: `r/${i}` }));
    const { body, composed } = renderComment([{ name: 'build.log', analysis: analysis(findings) }], 'default', link);
    expect(body.match(/<details>\n/g)).toHaveLength(10);
    expect(composed.omitted).toBe(4);
    expect(body).toContain('+4 more findings, see [the job summary]');
  });
});

describe('runLinkFromEnv', () => {
  it('links the run attempt', () => {
    expect(runLinkFromEnv({ GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'o/r', GITHUB_RUN_ID: '7', GITHUB_RUN_ATTEMPT: '2' }).url).toBe('https://github.com/o/r/actions/runs/7/attempts/2');
  });

  it('gives no link for missing or odd values', () => {
    expect(runLinkFromEnv({}).url).toBeNull();
    expect(runLinkFromEnv({ GITHUB_REPOSITORY: 'o/r', GITHUB_RUN_ID: '7) [x](javascript:1' }).url).toBeNull();
  });
});
