// Bidi and zero-width characters a log carries are removed from every output the same way
// (src/security/invisible.ts): the text report, --format github, JSON, SARIF, Markdown, and the
// action's annotations, summary and comment.
import { Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { analyzeStream } from '../../src/analyze.js';
import { planAnnotations } from '../../src/report/annotations.js';
import { renderComment } from '../../src/github/comment.js';
import { renderJobSummary } from '../../src/github/summary.js';
import { actionOutputs } from '../../src/github/outputs.js';
import { render } from '../../src/report/render.js';
import { stripInvisible } from '../../src/security/invisible.js';

const CHARS = ['\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u061c', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\ufeff'];
const ANY = /[\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;
/** What the Markdown escaper adds on purpose: U+200D after `@` and before the digits of `#12`. */
const OURS = /(@|#|GH-)\u200d/g;

const hidden = CHARS.join('');
const log = [
  '#1 [internal] load build definition from Dockerfile',
  '#1 DONE 0.0s',
  `#2 [1/1] RUN ./bu${hidden}ild.sh`,
  `#2 0.100 error: p${'\u202e'}ay${'\u2066'}load${'\u200b'} fa${'\ufeff'}iled`,
  `#2 ERROR: process "/bin/sh -c ./bu${hidden}ild.sh" did not complete successfully: exit code: 1`,
  '',
].join('\n');

describe('invisible characters', () => {
  test('stripInvisible removes exactly the set, and returns the same string when there is none', () => {
    expect(stripInvisible(`a${hidden}b`)).toBe('ab');
    const plain = 'nothing to see: é ü 中 — ✓';
    expect(stripInvisible(plain)).toBe(plain);
  });

  test('no output of the CLI or the action carries one', async () => {
    const analysis = await analyzeStream(Readable.from([log]));
    // The log's text reaches the reports (so the test would see the characters if they passed).
    expect(JSON.stringify(analysis.findings)).toMatch(ANY);
    const logs = [{ name: 'build.log', analysis }];
    const outputs: Record<string, string> = {};
    for (const format of ['text', 'json', 'markdown', 'sarif', 'github'] as const) outputs[format] = render(analysis, format, { color: false });
    const located = analysis.findings.map((f) => ({ ...f, location: { file: 'Dockerfile', line: 1, endLine: 1 } }));
    outputs.annotations = JSON.stringify(planAnnotations(located, { workspace: '/w', cwd: '/w' }).annotations);
    outputs.summary = renderJobSummary(logs).text.replace(OURS, '$1');
    outputs.comment = renderComment(logs, 'default', { url: null }).body.replace(OURS, '$1');
    outputs.markdown = outputs.markdown!.replace(OURS, '$1');
    outputs.findings = actionOutputs(logs).findings;
    for (const [channel, text] of Object.entries(outputs)) {
      expect(text, channel).not.toMatch(ANY);
      expect(text, channel).toContain('build.sh');
    }
  });
});
