// Checks on the advice a finding gives (message, fix, reproduce), as a user would copy it: no
// template slot left empty or filled with a stand-in, shell that parses, pip / uv commands that
// install something. Each check is a pure function returning the offending snippets, so a failing
// test can list them all; only `bashSyntaxErrors` runs a process (one bash for every script).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SCAFFOLD } from '../../../scripts/catalog.js';

export interface CodeBlock {
  /** The info string's first word, lower-cased; '' when the fence has none. */
  lang: string;
  text: string;
}

export interface SplitMarkdown {
  /** The text outside fenced blocks, one string per run of lines between them. */
  prose: string[];
  blocks: CodeBlock[];
}

/** Splits Markdown into fenced code blocks and the prose around them (an unclosed fence runs to the end). */
export function splitMarkdown(markdown: string): SplitMarkdown {
  const prose: string[] = [];
  const blocks: CodeBlock[] = [];
  let fence: { marker: string; lang: string; lines: string[] } | null = null;
  let text: string[] = [];
  for (const line of markdown.split('\n')) {
    if (fence === null) {
      const open = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)/.exec(line);
      if (open) {
        prose.push(text.join('\n'));
        text = [];
        fence = { marker: open[1]!, lang: open[2]!.toLowerCase(), lines: [] };
      } else text.push(line);
    } else if (new RegExp(`^ {0,3}${fence.marker[0]}{${fence.marker.length},}\\s*$`).test(line)) {
      blocks.push({ lang: fence.lang, text: fence.lines.join('\n') });
      fence = null;
    } else fence.lines.push(line);
  }
  if (fence) blocks.push({ lang: fence.lang, text: fence.lines.join('\n') });
  prose.push(text.join('\n'));
  return { prose: prose.filter((p) => p.trim() !== ''), blocks };
}

export interface InlineCode {
  /** Contents of the code spans, in order. */
  spans: string[];
  /** The prose with every code span replaced by `code`, so prose checks do not see code. */
  rest: string;
  /** Backtick runs that cannot be a code span the author meant: `` (a slot filled with nothing). */
  doubled: number;
}

/**
 * The inline code spans of a run of prose, paired as CommonMark pairs them (a run of n backticks
 * closes at the next run of exactly n). A run of two backticks counts as an empty span: the
 * catalog writes single-backtick spans, so `` is a `{slot}` that was filled with nothing.
 */
export function inlineCode(prose: string): InlineCode {
  const runs = [...prose.matchAll(/`+/g)].map((m) => ({ at: m.index, length: m[0].length }));
  const spans: string[] = [];
  let rest = '';
  let from = 0;
  let doubled = 0;
  for (let i = 0; i < runs.length; i++) {
    const open = runs[i]!;
    if (open.length === 2) doubled++;
    const j = runs.findIndex((r, k) => k > i && r.length === open.length);
    if (j < 0) continue;
    const close = runs[j]!;
    spans.push(prose.slice(open.at + open.length, close.at));
    rest += `${prose.slice(from, open.at)}code`;
    from = close.at + close.length;
    i = j;
  }
  return { spans, rest: rest + prose.slice(from), doubled };
}

/** The parts of a finding a user reads and copies. */
export interface Advice {
  message: string;
  fix: string;
  reproduce?: string | undefined;
}

interface Pieces {
  /** Prose with code removed, by field. */
  prose: { field: string; text: string }[];
  /** Code as a user copies it: fenced blocks, inline spans, the reproduce command. */
  code: { field: string; lang: string; text: string }[];
  /** Empty or space-only inline spans, by field. */
  emptySpans: { field: string; text: string }[];
}

function piecesOf(advice: Advice): Pieces {
  const pieces: Pieces = { prose: [], code: [], emptySpans: [] };
  for (const field of ['message', 'fix'] as const) {
    const { prose, blocks } = splitMarkdown(advice[field]);
    for (const block of blocks) pieces.code.push({ field, lang: block.lang, text: block.text });
    for (const run of prose) {
      const { spans, rest, doubled } = inlineCode(run);
      pieces.prose.push({ field, text: rest });
      for (const span of spans) {
        if (span.trim() === '') pieces.emptySpans.push({ field, text: `\`${span}\`` });
        else pieces.code.push({ field, lang: 'inline', text: span });
      }
      for (let i = 0; i < doubled; i++) pieces.emptySpans.push({ field, text: '``' });
    }
  }
  if (advice.reproduce) pieces.code.push({ field: 'reproduce', lang: 'sh', text: advice.reproduce });
  return pieces;
}

/** The match with a little context either side, on one line, for a failure message. */
function snippet(text: string, at: number, length: number): string {
  const start = Math.max(0, at - 30);
  const end = Math.min(text.length, at + length + 30);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`.replace(/\n/g, '⏎');
}

interface Pattern {
  what: string;
  pattern: RegExp;
}

// Anywhere in the advice, code or prose: slots left unfilled, stand-ins for a value, and the words a
// template leaves when a value it needs was missing.
const anywhere: Pattern[] = [
  { what: 'unfilled placeholder', pattern: /(?<![$\\{])\{[A-Za-z][\w.-]*(?::(?:all|words|counts|repeats|sh))?(?:\|[^{}\n]*)?\}(?!\})/g },
  { what: 'stand-in version', pattern: /\bX\.Y(?:\.Z)?\b|\bX-Y\b|\bcuXY\b/g },
  { what: 'missing exit code', pattern: /\(exit code none\)/g },
  { what: 'missing name ("its definition")', pattern: /\bits definition\b/g },
  { what: 'missing wheel name', pattern: /wheel for {2}/g },
  { what: 'singular count in plural', pattern: /(?<![\d.])\b1 steps\b/g },
  { what: 'escaped "<" (‹) from safeValue', pattern: /‹/g },
  { what: 'missing value ("while  was")', pattern: /while {2}was/g },
  // a fence, blank lines, then a fence with no info string (a closing one: "```" then "```sh" is a block's end and the next's start)
  { what: 'empty code block (a slot rendered nothing)', pattern: /```[\w-]*\n\s*```(?![\w-])/g },
  { what: 'scaffolded text (npm run new-rule) not replaced', pattern: new RegExp(`\\b${SCAFFOLD}\\b`, 'g') },
];

// In code a user copies: a stand-in the user would have to replace by hand.
const inCode: Pattern[] = [
  { what: 'stand-in PACKAGE', pattern: /(?<![$\w{])PACKAGE\b(?!_)/g },
  // not a C / C++ header (`#include <cuda/std/functional>`): the angle brackets are the language's own
  { what: 'stand-in <name>', pattern: /(?<![<\w])(?<!#\s{0,4}include\s{0,4})<[A-Za-z][\w.:/-]*(?: [\w.:/-]+)*>/g },
];

// In prose outside code: the gaps a slot filled with nothing leaves.
const inProse: Pattern[] = [
  { what: 'two spaces between words', pattern: /[^\s|] {2,}[^\s|]/g },
  { what: 'gap before "," or "."', pattern: / +[,.](?=\s|$|\))/g },
  { what: 'empty parentheses (a slot rendered nothing)', pattern: /(?<![\w$])\(\s*\)/g },
];

function matches(patterns: Pattern[], field: string, text: string): string[] {
  return patterns.flatMap(({ what, pattern }) =>
    [...text.matchAll(pattern)].map((m) => `${field}: ${what} "${m[0].replace(/\n/g, '⏎')}": ${snippet(text, m.index, m[0].length)}`),
  );
}

/**
 * Prose less its 'quoted' values: a value from the log is quoted with ' (safeValue turns its
 * backticks into '), and a command in it (`'RUN cmake -S . -B build'`) is code, not a gap.
 * An apostrophe inside a word (image's) opens no quote.
 */
function withoutQuotedValues(prose: string): string {
  return prose.replace(/(?<!\w)'[^'\n]*'(?!\w)/g, 'value');
}

/** Slots that rendered empty or as a stand-in, in message, fix and reproduce. */
export function placeholderProblems(advice: Advice): string[] {
  const pieces = piecesOf(advice);
  const fields = [
    { field: 'message', text: advice.message },
    { field: 'fix', text: advice.fix },
    ...(advice.reproduce ? [{ field: 'reproduce', text: advice.reproduce }] : []),
  ];
  return [
    ...fields.flatMap(({ field, text }) => matches(anywhere, field, text)),
    ...pieces.code.flatMap(({ field, text }) => matches(inCode, field, text)),
    ...pieces.prose.flatMap(({ field, text }) => matches(inProse, field, withoutQuotedValues(text))),
    ...pieces.emptySpans.map(({ field, text }) => `${field}: empty inline code: ${text}`),
  ];
}

/** Joins backslash-newline continuations, as the shell and the Dockerfile parser do. */
function joinContinuations(text: string): string {
  return text.replace(/\\\r?\n/g, ' ');
}

/** The commands of a Dockerfile block's RUN instructions, as the shell would receive them. */
export function dockerfileRunScripts(dockerfile: string): string[] {
  const lines = dockerfile.split('\n');
  const scripts: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*RUN\b/i.test(lines[i]!)) continue;
    let instruction = lines[i]!;
    // Continuations; comment and blank lines inside one are dropped, as BuildKit drops them.
    while (/\\\s*$/.test(instruction) && i + 1 < lines.length) {
      const next = lines[++i]!;
      if (/^\s*(?:#.*)?$/.test(next)) continue;
      instruction = `${instruction.replace(/\\\s*$/, '')} ${next}`;
    }
    const command = instruction.replace(/^\s*RUN\s+/i, '').replace(/^(?:--(?:mount|network|security|device)=\S*\s+)*/, '');
    if (command.startsWith('[')) continue; // exec form: JSON, no shell
    const heredoc = /(?<!<)<<(?!<)(-?)\s*(["']?)(\w+)\2/.exec(command);
    if (!heredoc) {
      scripts.push(command);
      continue;
    }
    const body: string[] = [];
    while (i + 1 < lines.length) {
      const next = lines[++i]!;
      if ((heredoc[1] ? next.replace(/^\t+/, '') : next) === heredoc[3]) break;
      body.push(next);
    }
    // `RUN <<EOF` runs the body as the script; `RUN python3 <<EOF` feeds it to a command.
    const before = command.slice(0, heredoc.index).trim();
    scripts.push(before === '' ? body.join('\n') : `${command}\n${body.join('\n')}\n${heredoc[3]}`);
  }
  return scripts;
}

/** A console block's commands: the `$ ` lines with their continuations; the whole block when it has no prompt. */
function consoleCommands(text: string): string {
  const lines = text.split('\n');
  if (!lines.some((l) => l.startsWith('$ '))) return text;
  const commands: string[] = [];
  let continuing = false;
  for (const line of lines) {
    if (line.startsWith('$ ')) commands.push(line.slice(2));
    else if (continuing) commands.push(line);
    continuing = /\\$/.test(commands.at(-1) ?? '') && (line.startsWith('$ ') || continuing);
  }
  return commands.join('\n');
}

export interface Script {
  field: string;
  /** Where the script came from: `sh block`, `dockerfile RUN`, `reproduce`. */
  from: string;
  text: string;
}

const shellLangs = new Set(['bash', 'sh', 'shell', 'console']);

/** Every piece of the advice that a shell will run: shell blocks, Dockerfile RUNs, the reproduce command. */
export function shellScripts(advice: Advice): Script[] {
  const scripts: Script[] = [];
  for (const field of ['message', 'fix'] as const) {
    for (const block of splitMarkdown(advice[field]).blocks) {
      if (shellLangs.has(block.lang)) scripts.push({ field, from: `${block.lang} block`, text: block.lang === 'console' ? consoleCommands(block.text) : block.text });
      if (block.lang === 'dockerfile') for (const text of dockerfileRunScripts(block.text)) scripts.push({ field, from: 'dockerfile RUN', text });
    }
  }
  if (advice.reproduce) scripts.push({ field: 'reproduce', from: 'reproduce', text: advice.reproduce });
  return scripts;
}

/**
 * `bash -n` over every script with one bash process: null for a script that parses, else bash's
 * message. Scripts are written to a temporary directory that is removed afterwards.
 */
export function bashSyntaxErrors(scripts: readonly string[]): (string | null)[] {
  if (scripts.length === 0) return [];
  const dir = mkdtempSync(path.join(tmpdir(), 'advice-lint-'));
  try {
    const files = scripts.map((text, i) => {
      const file = path.join(dir, `${i}.sh`);
      writeFileSync(file, `${text}\n`);
      return file;
    });
    const loop = 'for f in "$@"; do out=$(bash -n "$f" 2>&1) || printf "FAIL %s\\n%s\\n" "$f" "$out"; done';
    const run = spawnSync('bash', ['-c', loop, 'bash', ...files], { encoding: 'utf8' });
    if (run.status !== 0 || run.error) throw new Error(`bash -n could not run: ${run.error?.message ?? run.stderr}`);
    const errors: (string | null)[] = scripts.map(() => null);
    for (const failure of run.stdout.split(/^FAIL /m).slice(1)) {
      const [file = '', ...message] = failure.split('\n');
      const index = files.indexOf(file);
      errors[index] = message.join(' ').replaceAll(`${file}: `, '').replace(/\s+/g, ' ').trim() || 'bash -n failed';
    }
    return errors;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Options of pip install / uv pip install / uv add that take a value as the next word. The value of
// -r and -e is a requirement (a file, a path); the others' are not.
const optionsWithValue = new Set(
  [
    '-r --requirement -e --editable -c --constraint -i --index-url --extra-index-url -f --find-links -t --target --prefix --root',
    '--platform --python-version --implementation --abi --only-binary --no-binary -C --config-settings --global-option',
    '--trusted-host --cache-dir --src --upgrade-strategy --progress-bar --report --python -p --index --default-index',
    '--extra --group --optional -b --build-constraint --override --index-strategy --keyring-provider --resolution',
    '--prerelease --exclude-newer --torch-backend --log --timeout --retries --proxy --exists-action --cert --client-cert',
    '--root-user-action --python-platform --upgrade-package -P --reinstall-package --no-build-isolation-package --package',
  ]
    .join(' ')
    .split(' '),
);
const requirementOptions = new Set(['-r', '--requirement', '-e', '--editable', '--group']);

const installCommand = /(?:\bpython[\d.]*\s+-m\s+pip|\buv\s+pip|(?<![\w-])pip[\d.]*)\s+install\b|\buv\s+add\b/g;

/** Whether the words after `install` / `add` name something to install. */
function namesRequirement(args: string): boolean {
  const tokens = args.match(/"(?:[^"\\]|\\.)*"|'[^']*'|[^\s;&|()`]+|[;&|()`]+/g) ?? [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (/^<[A-Za-z][^<>]*>$/.test(token)) return true; // a stand-in (`<extension>`): reported as one, not here
    if (/^[;&|()`]/.test(token) || token.startsWith('#') || /^\d*[<>]/.test(token)) return false; // end of the command
    if (!token.startsWith('-') || token === '-') return true;
    const [name, inlineValue] = token.split('=', 2) as [string, string | undefined];
    if (inlineValue !== undefined) {
      if (requirementOptions.has(name) && inlineValue !== '') return true;
      continue;
    }
    // A cluster of short flags ending in one that takes a value (`-qr requirements.txt`).
    const option = /^-[A-Za-z]{2,}$/.test(token) ? `-${token.at(-1)}` : token;
    if (optionsWithValue.has(option)) {
      if (requirementOptions.has(option) && i + 1 < tokens.length && !/^[;&|()`#-]/.test(tokens[i + 1]!)) return true;
      i++;
    }
  }
  return false;
}

/** pip / uv install commands in the advice's code that name no requirement, only options. */
export function installWithoutRequirement(advice: Advice): string[] {
  return piecesOf(advice).code.flatMap(({ field, lang, text }) => {
    // `each \`pip install\`` names the command in a sentence; it is not a command to copy.
    if (lang === 'inline' && new RegExp(`^(?:${installCommand.source})$`).test(text.trim())) return [];
    const joined = joinContinuations(text);
    return joined.split('\n').flatMap((line) =>
      [...line.matchAll(installCommand)]
        .filter((m) => !namesRequirement(line.slice(m.index + m[0].length)))
        .map((m) => `${field}: install without a requirement: ${snippet(line, m.index, line.length - m.index)}`),
    );
  });
}

const specifierCommand = /(?:\bpython[\d.]*\s+-m\s+pip|\buv\s+pip|(?<![\w-])pip[\d.]*)\s+(?:install|download|wheel)\b|\buv\s+add\b|\bpoetry\s+add\b/g;

/**
 * Requirements with a `<` or `>` left unquoted in a pip / uv / poetry command of the advice's code:
 * bash reads `pip download cadquery-ocp<7.9,>=7.8` as a redirection from a file `7.9,` and to a file
 * `=7.8`, and `bash -n` finds no fault in it.
 */
export function unquotedSpecifiers(advice: Advice): string[] {
  return piecesOf(advice).code.flatMap(({ field, text }) =>
    joinContinuations(text)
      .split('\n')
      .flatMap((line) =>
        [...line.matchAll(specifierCommand)].flatMap((m) => {
          const rest = line.slice(m.index + m[0].length);
          const tokens = rest.match(/"(?:[^"\\]|\\.)*"|'[^']*'|[^\s;&|()`]+|[;&|()`]+/g) ?? [];
          const end = tokens.findIndex((t) => /^[;&|()`]/.test(t) || /^\d*[<>]/.test(t));
          return tokens
            .slice(0, end < 0 ? tokens.length : end)
            .filter((t) => /^[A-Za-z0-9][\w.,[\]-]*(?:[<>]|[~!=]=[^\s]*[<>])/.test(t))
            .map((t) => `${field}: unquoted specifier (the shell reads < and > as redirections): ${t}`);
        }),
      ),
  );
}
