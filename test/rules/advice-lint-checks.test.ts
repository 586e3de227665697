// The advice-lint checks on their own: each one must catch what it is for and pass what is fine,
// so a failure of advice-lint.test.ts is the advice's fault, not the checker's.
import { describe, expect, test } from 'vitest';
import {
  bashSyntaxErrors,
  dockerfileRunScripts,
  inlineCode,
  installWithoutRequirement,
  placeholderProblems,
  shellScripts,
  splitMarkdown,
  unquotedSpecifiers,
} from './support/advice-lint.js';

const message = (text: string) => placeholderProblems({ message: text, fix: '' });
const fix = (text: string) => placeholderProblems({ message: '', fix: text });

describe('splitting Markdown', () => {
  test('separates fenced blocks, with their language, from prose', () => {
    const md = 'Run this:\n\n```Bash title\necho hi\n```\n\nthen\n````\n```\n````';
    expect(splitMarkdown(md)).toEqual({ prose: ['Run this:\n', '\nthen'], blocks: [{ lang: 'bash', text: 'echo hi' }, { lang: '', text: '```' }] });
  });

  test('pairs inline code as CommonMark does and counts doubled backticks', () => {
    expect(inlineCode('use `a` and `` `b` ok')).toEqual({ spans: ['a', 'b'], rest: 'use code and `` code ok', doubled: 1 });
  });
});

describe('slots rendered empty or as stand-ins', () => {
  test.each([
    ['unfilled placeholder', 'failed in {stage} at {line|the line}'],
    ['stand-in version', 'use nvidia/cuda:X.Y.Z-devel'],
    ['stand-in version', 'install cuda-nvcc-X-Y'],
    ['stand-in version', 'pick the cuXY wheel'],
    ['missing exit code', 'the step failed (exit code none).'],
    ['missing name ("its definition")', 'The build failed in `its definition`'],
    ['missing wheel name', 'building the wheel for  failed'],
    ['singular count in plural', 'ran 1 steps'],
    ['escaped "<" (‹) from safeValue', 'requires `‹3.8`'],
    ['missing value ("while  was")', 'stopped while  was running'],
    ['scaffolded text (npm run new-rule) not replaced', 'SCAFFOLD: what broke, in the facts of the log.'],
    ['two spaces between words', 'the  step failed'],
    ['gap before "," or "."', 'in step , then in stage .'],
  ])('%s: %s', (what, text) => {
    expect(message(text).join('\n')).toContain(what);
  });

  test.each([
    ['shell variables and literal braces', 'set `${CUDA_HOME}` and `$PACKAGE`, print `{}`'],
    ['real versions', 'use nvidia/cuda:12.4.1-devel, cuda-nvcc-12-4, the cu121 wheel; X.Yes is a word'],
    ['counts that agree', 'ran 1 step of 11 steps'],
    ['spacing inside code and at line starts', 'the message `nvcc fatal   : x`\n  - an indented item'],
    ['a path in code and a quoted command', "run `pip install .` while 'cmake -S . -B build' ran. It's done."],
    ['a sentence ending in code', 'install `torch`.'],
  ])('passes %s', (_what, text) => {
    expect(message(text)).toEqual([]);
  });

  test('stand-ins in code: PACKAGE and <name>', () => {
    expect(fix('```sh\napt-get install PACKAGE\n```').join('\n')).toContain('stand-in PACKAGE');
    expect(fix('`pip install <package>`').join('\n')).toContain('stand-in <name> "<package>"');
    expect(fix('```sh\ncat <<EOF >out 2>&1\n$PACKAGE <4.0\nEOF\n```\nThe PACKAGE word in prose is prose.')).toEqual([]);
    // a C++ header is the language's own angle brackets, not a stand-in; a stand-in beside it still is
    expect(fix('```cpp\n#include <cuda/std/functional>\n#  include <thrust/iterator/transform_output_iterator.h>\n```')).toEqual([]);
    expect(fix('```cpp\n#include <cuda/functional>\nusing Op = <op>;\n```').join('\n')).toContain('stand-in <name> "<op>"');
  });

  test('empty inline code, and a space-only span', () => {
    expect(message('run `` now')).toEqual(['message: empty inline code: ``']);
    expect(message('run ` ` now')).toEqual(['message: empty inline code: ` `']);
    expect(message('run `a` `b` now')).toEqual([]);
  });

  test('a code block or parentheses a slot left empty', () => {
    // an install line for an index that does not exist rendered as nothing
    const empty = fix('from a PyTorch index that exists for it ():\n\n```sh\n\n```\n');
    expect(empty.join('\n')).toContain('empty code block');
    expect(empty.join('\n')).toContain('empty parentheses');
    expect(fix('```sh\nexport X="$(f)"; g()\n```\nthen run it (twice).')).toEqual([]);
  });

  test('the reproduce command is checked too', () => {
    expect(placeholderProblems({ message: '', fix: '', reproduce: 'docker build --target <stage> .' }).join('\n')).toContain('reproduce: stand-in <name>');
  });
});

describe('shell that a user would run', () => {
  test('Dockerfile RUNs: continuations joined, flags stripped, exec form skipped, heredoc bodies kept', () => {
    const dockerfile = [
      'FROM python:3.11',
      'RUN --mount=type=cache,target=/root/.cache/pip --network=none \\',
      '    # a comment inside the instruction',
      '    pip install -r r.txt',
      'RUN ["python", "-c", "print(1)"]',
      'RUN <<EOF',
      'set -e',
      'echo hi',
      'EOF',
      'RUN python3 <<-PY',
      'print(1)',
      '\tPY',
      'CMD ["bash"]',
    ].join('\n');
    expect(dockerfileRunScripts(dockerfile)).toEqual(['pip install -r r.txt', 'set -e\necho hi', 'python3 <<-PY\nprint(1)\nPY']);
  });

  test('takes shell, console and dockerfile blocks and the reproduce command, not other languages', () => {
    const scripts = shellScripts({
      message: '```text\nnot shell (\n```',
      fix: '```sh\necho a\n```\n```console\n$ echo b \\\n  c\noutput (\n```\n```python\nprint(\n```\n```dockerfile\nRUN echo d\n```',
      reproduce: 'docker build .',
    });
    expect(scripts.map((s) => [s.field, s.from, s.text])).toEqual([
      ['fix', 'sh block', 'echo a'],
      ['fix', 'console block', 'echo b \\\n  c'],
      ['fix', 'dockerfile RUN', 'echo d'],
      ['reproduce', 'reproduce', 'docker build .'],
    ]);
  });

  test('bash -n over many scripts in one process, each error on its own script', () => {
    const errors = bashSyntaxErrors(['echo ok', 'if true; then echo', 'pip install <extension>', 'for f in a b; do echo "$f"; done']);
    expect(errors[0]).toBeNull();
    expect(errors[1]).toMatch(/syntax error/);
    expect(errors[2]).toMatch(/syntax error/);
    expect(errors[3]).toBeNull();
    expect(bashSyntaxErrors([])).toEqual([]);
  });
});

describe('pip and uv installs name a requirement', () => {
  const installs = (code: string) => installWithoutRequirement({ message: '', fix: code });

  test.each([
    '`pip install --no-cache-dir`',
    '`pip3 install -U --pre`',
    '```sh\npython3 -m pip install \\\n  --index-url https://download.pytorch.org/whl/cu121\n```',
    '`uv pip install --system --no-cache && echo done`',
    '`uv add --dev`',
    '```dockerfile\nRUN pip install --no-deps 2>&1 | tee log\n```',
  ])('fails %s', (code) => {
    expect(installs(code)).toHaveLength(1);
  });

  test.each([
    '`pip install -r requirements.txt`',
    '`pip install -e .`',
    '`pip install .`',
    '`pip install -qr requirements.txt`',
    '`pip install --requirement=req.txt`',
    '`pip install --index-url https://x/simple "torch==2.3.0"`',
    '`uv add torch`',
    '`uv pip install --system -r r.txt`',
    '`python -m pip install "$WHEEL"`',
    'to each `pip install` you run',
  ])('passes %s', (code) => {
    expect(installs(code)).toEqual([]);
  });
});

describe('requirements with < or > are quoted in commands', () => {
  const unquoted = (code: string) => unquotedSpecifiers({ message: '', fix: code });

  test.each([
    '`pip download --no-deps cadquery-ocp<7.9,>=7.8`',
    '```sh\npip install torch>=2.1 numpy\n```',
    '`uv pip install "numpy" scipy<1.12`',
    '`poetry add requests>2`',
    '`pip install pkg!=1.0,<2`',
  ])('fails %s', (code) => {
    expect(unquoted(code)).toHaveLength(1);
  });

  test.each([
    "`pip download --no-deps 'cadquery-ocp<7.9,>=7.8'`",
    '`pip install "pip<24.1" && pip install torch==2.3.0`',
    '`pip install -r requirements.txt > log.txt`',
    '`pip install torch 2>&1`',
    'a bound such as `cadquery-ocp<7.9` in prose code',
  ])('passes %s', (code) => {
    expect(unquoted(code)).toEqual([]);
  });
});
