import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { LINE_GUTTER_PATTERNS, LineGutter } from '../../src/lines/line-gutter.js';
import { cleanLine } from '../../src/lines/clean-line.js';
import { PastedIndent } from '../../src/lines/pasted-indent.js';
import { readLogLines } from '../../src/lines/read-lines.js';
import { checkRegexSafety } from '../../src/security/regex-safety.js';

function gutter(lines: string[]): { text: string; line: number; unguttered: boolean }[] {
  const out: { text: string; line: number; unguttered: boolean }[] = [];
  const g = new LineGutter<number>((text, line, unguttered) => out.push({ text, line, unguttered }));
  lines.forEach((l, i) => g.push(l, i + 1));
  g.end();
  return out;
}

async function readTexts(text: string): Promise<string[]> {
  const out: string[] = [];
  await readLogLines(Readable.from([Buffer.from(text)]), (l) => out.push(l.text));
  return out;
}

/** What the line stage gave before it read gutters: cleanLine, then the pasted indent. */
function withoutGutter(text: string): string[] {
  const indent = new PastedIndent();
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => indent.strip(cleanLine(l)));
}

describe('LineGutter', () => {
  test("AWS CodeBuild's `4954 | ` gutter comes off every numbered line, in order, line numbers kept (aws-samples/aws-codepipeline-devsecops-amazoneks#3)", async () => {
    const raw = readFileSync('fixtures/rules/apt/apk-unable-to-select/match-codebuild-line-gutter-revision-pin.log', 'utf8');
    const out = gutter(raw.split('\n').filter((l, i, all) => i < all.length - 1 || l !== ''));
    expect(out.map((o) => o.line)).toEqual(out.map((_, i) => i + 1));
    expect(out[0]).toEqual({ text: 'Step 9/16 : RUN apk add libcrypto3=3.0.8-r0 libssl3=3.0.8-r0', line: 1, unguttered: false });
    expect(out[1]).toEqual({ text: '--', line: 2, unguttered: false });
    expect(out[2]).toEqual({ text: '---> Running in d0f1ce4f4703', line: 3, unguttered: true });
    expect(out[3]!.text).toBe('ERROR: unable to select packages:');
    expect(out[out.length - 1]!.text).toBe("The command '/bin/sh -c apk add libcrypto3=3.0.8-r0 libssl3=3.0.8-r0' returned a non-zero code: 4");
    expect(out.slice(2).every((o) => o.unguttered)).toBe(true);
    const texts = await readTexts(raw);
    expect(texts[3]).toBe('ERROR: unable to select packages:');
  });

  // BuildKit's excerpt (framed or not, indented by a wrapper or not) and a compiler's source excerpt have the same shape
  // and stay as they are: every committed fixture that has one reads the same with the gutter stage as without it.
  test.each([
    ['fixtures/rules/buildkit/step-failed/match-indented-by-wrapper-cli-uv-sync.log'],
    ['fixtures/rules/buildkit/base-image-not-found/match-cuda-102-major-deleted-apt-key.log'],
    ['fixtures/rules/cuda/unsupported-host-compiler/match-ninja-flag-sentence.log'],
    ['fixtures/rules/cuda/unsupported-host-compiler/match-pip-cmake-findcuda-cuda101.log'],
    ['fixtures/rules/cuda/unsupported-host-compiler/match-darknet-wrapped-gcc14-cuda120.log'],
  ])('%s: excerpt lines are not a gutter', async (path) => {
    const raw = readFileSync(path, 'utf8');
    expect(await readTexts(raw)).toEqual(withoutGutter(raw));
  });

  test("a compiler's excerpt of several numbered lines under a bare bar stays as it is (rustc, The Rust Programming Language, ch. 3.5)", () => {
    // rustc's output as the book prints it (rust-lang/book, "Control Flow": `if` and `else` of incompatible types).
    const rustc = [
      'error[E0308]: if and else have incompatible types',
      ' --> src/main.rs:4:18',
      '  |',
      '4 |       let number = if condition {',
      '  |  __________________^',
      '5 | |         5',
      '6 | |     } else {',
      '7 | |         "six"',
      '8 | |     };',
      '  | |_____^ expected integral variable, found reference',
    ];
    const out = gutter(rustc);
    expect(out.map((l) => l.text)).toEqual(rustc);
    expect(out.every((l) => !l.unguttered)).toBe(true);
  });

  test('a numbered run that breaks off before its third line is given back as it came (match-cuda-102-major-deleted-apt-key.log)', () => {
    // `3 | RUN apt-key del 7fa2af80` is an excerpt line whose padding the paste lost; the error line follows it.
    const lines = readFileSync('fixtures/rules/buildkit/base-image-not-found/match-cuda-102-major-deleted-apt-key.log', 'utf8').split('\n').slice(4, 8);
    expect(gutter(lines).map((o) => o.text)).toEqual(lines);
  });

  test.each(LINE_GUTTER_PATTERNS.map((p) => [p.source, p.flags]))('%s is linear-time', (source, flags) => {
    expect(checkRegexSafety(source, flags)).toBeNull();
  });
});
