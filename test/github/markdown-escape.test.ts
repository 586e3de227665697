import { describe, expect, it } from 'vitest';
import { codeBlock, codeSpan, escapeText, fenceFor, longestRun, sanitizeInline, sanitizeMarkdown, ZWJ } from '../../src/security/markdown-escape.js';

/** What a reader sees: numeric character references decoded. */
const rendered = (markdown: string): string => markdown.replace(/&#([0-9]+);/g, (_m, n: string) => String.fromCharCode(Number(n)));

describe('escapeText', () => {
  it.each([
    ['<script>alert(1)</script>', '<script'],
    ['<img src=x onerror=alert(1)>', '<img'],
    ['</details><details open>', '</details>'],
    ['<!-- buildkit-doctor:comment key=default -->', '<!--'],
    ['[x](javascript:alert(1))', '](javascript'],
    ['![pixel](https://evil.example/p.png)', '!['],
    ['**bold** _em_ ~~strike~~', '**'],
    ['| a | b |', '|'],
    ['```', '```'],
  ])('shows %j as text, never as markup', (input, forbidden) => {
    const out = escapeText(input);
    expect(out).not.toContain(forbidden);
    expect(out).not.toMatch(/[<>`|[\]*]/);
  });

  it('keeps the characters readable: every special is a numeric character reference', () => {
    expect(escapeText('a < b & c')).toBe('a &#60; b &#38; c');
    expect(escapeText('&lt;')).toBe('&#38;lt;');
  });

  it('makes @user and @org/team mentions inert with a zero-width joiner', () => {
    const out = escapeText('ping @octocat and @acme/gpu-team, mail me@example.com');
    expect(rendered(out)).toBe(`ping @${ZWJ}octocat and @${ZWJ}acme/gpu-team, mail me@${ZWJ}example.com`);
    expect(out).toContain(`@${ZWJ}octocat`);
    expect(out).toContain(`@${ZWJ}acme`);
    expect(out).not.toMatch(/@[A-Za-z0-9]/);
  });

  it('makes issue references inert (#12, owner/repo#34, GH-5)', () => {
    const out = rendered(escapeText('fixes #12 and torvalds/linux#34 and GH-5'));
    expect(out).toBe(`fixes #${ZWJ}12 and torvalds/linux#${ZWJ}34 and GH-${ZWJ}5`);
    expect(out).not.toMatch(/#[0-9]/);
    expect(out).not.toMatch(/GH-[0-9]/i);
  });

  it('is one line, without control or bidi-override characters', () => {
    const out = escapeText('a\nb\r\nc\u0007d\u202ee\u2028f');
    expect(out).toBe('a b cde f');
  });
});

describe('codeSpan', () => {
  it('uses a fence longer than any backtick run inside', () => {
    expect(codeSpan('a `b` c')).toBe('``a `b` c``');
    expect(codeSpan('x ``` y')).toBe('````x ``` y````');
  });

  it('pads a body that starts or ends with a backtick', () => {
    expect(codeSpan('`x')).toBe('`` `x ``');
  });

  it('escapes pipes in a table cell and joins lines', () => {
    expect(codeSpan('a | b\nc', { inTable: true })).toBe('`a \\| b c`');
  });

  it('is empty for empty text', () => {
    expect(codeSpan('')).toBe('');
  });
});

describe('codeBlock', () => {
  it('cannot be closed by a line of the log', () => {
    const lines = ['```', '````', '</details>', '~~~'];
    const block = codeBlock(lines, 'text');
    const fence = fenceFor(lines.join('\n'));
    expect(fence.length).toBe(5);
    expect(block.startsWith(`${fence}text\n`)).toBe(true);
    expect(block.endsWith(`\n${fence}`)).toBe(true);
    // No inner line is a fence as long as ours.
    const inner = block.split('\n').slice(1, -1);
    expect(inner.every((l) => longestRun(l, '`') < fence.length)).toBe(true);
  });

  it('drops an info string that could carry syntax', () => {
    expect(codeBlock(['x'], 'sh onclick=1')).toBe('```\nx\n```');
  });
});

describe('sanitizeMarkdown', () => {
  it('keeps the code spans and fenced blocks a rule wrote', () => {
    const fix = 'Run `pip install "torch<2.4"` then:\n\n```dockerfile\nRUN echo <b> @team\n```';
    expect(sanitizeMarkdown(fix)).toBe(fix);
  });

  it('shows raw HTML outside code as text', () => {
    const out = sanitizeMarkdown('found <img src=x onerror=alert(1)> and </details>');
    expect(out).not.toContain('<');
    expect(out).toContain('&lt;img');
  });

  it('unlinks non-web targets but keeps https links', () => {
    const out = sanitizeMarkdown('[click](javascript:alert(1)) [docs](https://pip.pypa.io/warnings/backtracking) [d](data:text/html,x)');
    expect(out).not.toContain('](javascript');
    expect(out).not.toContain('](data');
    expect(out).toContain('[docs](https://pip.pypa.io/warnings/backtracking)');
  });

  it('neutralises a link reference definition', () => {
    expect(sanitizeMarkdown('[x]: javascript:alert(1)\n\nsee [x]')).not.toMatch(/^\[x\]:/m);
  });

  it('defuses mentions outside code only', () => {
    const out = sanitizeMarkdown('cc @acme/gpu-team, run `pip install pkg@1.0`');
    expect(out).toContain(`@${ZWJ}acme`);
    expect(out).toContain('`pip install pkg@1.0`');
  });

  it('closes a fence the text left open, so it cannot swallow what follows', () => {
    const out = sanitizeMarkdown('```sh\nrm -rf build');
    expect(out.endsWith('\n```')).toBe(true);
  });

  it('shows a lone backtick run literally', () => {
    expect(sanitizeMarkdown('a ` b')).toBe('a &#96; b');
  });

  it('keeps character references and escapes a bare ampersand', () => {
    expect(sanitizeMarkdown('a &amp; b & c &#60;')).toBe('a &amp; b &amp; c &#60;');
  });
});

describe('sanitizeInline', () => {
  it('is one table-safe line: pipes escaped in prose and in code', () => {
    const out = sanitizeInline('use `a|b` or c | d\nnext');
    expect(out).toBe('use `a\\|b` or c &#124; d next');
  });
});
