// The Dockerfile model: stages and instructions with their 1-based line ranges, and the text of
// each instruction as BuildKit prints it in a step header, so that a step of the log can be put
// back on its line.
//
// Why our own parser and not `dockerfile-ast` (npm, 0.7.1, MIT, by the author of the Dockerfile
// language server):
// - What we need from a parser is BuildKit's own reading of the file: the continuation-joined
//   "original" text that BuildKit prints in `[stage k/n] RUN …` (continuation lines keep their
//   leading blanks, comment lines inside a continuation vanish, heredoc bodies are not part of it),
//   the `k/n` step numbering, and ARG/ENV substitution into that text. dockerfile-ast models the
//   file for an editor (0-based LSP ranges, tokens, diagnostics); we would rebuild all of the above
//   on top of it anyway.
// - Size and dependencies: it bundles to ~88 KB minified and pulls in two vscode-languageserver
//   packages, for the ~10% of it we would use; our parser is a few hundred lines with no dependency.
// - Maintenance: one maintainer, releases about once a year (0.7.0 in 2024, 0.7.1 in 2025). It is
//   well kept for what it does, but a new BuildKit syntax would wait on its release cycle.
// - Robustness rules of this project (never throw, never hang, linear-time scanning) are easier
//   to guarantee and property-test in a single small module we own.
// The grammar is small and documented (Dockerfile reference; BuildKit's parser is the reference
// implementation we follow), and the tests pin each rule: directives, continuations, heredocs,
// ARG before FROM, --platform, RUN --mount, the exec form.
import { readLogicalLines, type RawHeredoc, type RawInstruction } from './logical-lines.js';
import { expandVariables, type Variables } from './variables.js';
import { extractFlags, splitWords, unquote, type Flag } from './words.js';

export type { Flag as DockerfileFlag } from './words.js';
export type DockerfileHeredoc = RawHeredoc;

export interface DockerfileInstruction {
  /** Upper-case keyword: RUN, COPY, FROM, … */
  keyword: string;
  /** The instruction text as BuildKit prints it (`RUN pip install …`), continuations joined, before ARG expansion. */
  text: string;
  /** 1-based first and last line (the last line of a heredoc body's terminator included). */
  line: number;
  endLine: number;
  /** Builder flags: `--mount=type=cache,target=/root/.cache/pip`, `--from=builder`, `--platform=…`. */
  flags: Flag[];
  /** The arguments after the keyword and the flags, as written (continuations joined). */
  args: string;
  /** The exec form's array (`CMD ["python3", "app.py"]`), null for the shell form. */
  json: string[] | null;
  heredocs: DockerfileHeredoc[];
  /**
   * k of BuildKit's `[stage k/n]` for instructions that are build steps (FROM of an image, RUN,
   * COPY, ADD, WORKDIR), null for the others (ENV, ARG, LABEL, CMD, …).
   */
  step: number | null;
  /** ARG and ENV values known when this instruction runs (defaults only: build args are unknown). */
  variables: Variables;
}

export interface DockerfileStage {
  /** `AS name`, lower-cased as BuildKit does; null for an unnamed stage (BuildKit calls it `stage-N`). */
  name: string | null;
  /** 0-based position among the stages. */
  index: number;
  /** The base image or stage, ARGs declared before the first FROM substituted. */
  from: string;
  /** The base as written: `nvidia/cuda:${CUDA_VERSION}-devel-ubuntu22.04`. */
  fromRaw: string;
  /** Variables in `fromRaw` that have no default (their value comes from a --build-arg). */
  fromUnresolved: string[];
  /** Index of the earlier stage this one is built FROM, null when it starts from an image. */
  baseStage: number | null;
  /** `--platform=` of the FROM, as written after substitution. */
  platform: string | null;
  /** Line range of the whole stage. */
  line: number;
  endLine: number;
  /** The stage's instructions; the first is its FROM. */
  instructions: DockerfileInstruction[];
  /** n of `[stage k/n]`: how many of the instructions BuildKit runs as steps. */
  steps: number;
  /** ENV values at the end of the stage (a stage built FROM this one starts with them). */
  env: Variables;
}

export interface Dockerfile {
  /** Workspace-relative path used in annotations. */
  path: string;
  stages: DockerfileStage[];
  /** ARGs declared before the first FROM, with their defaults (null: no default). */
  globalArgs: ReadonlyMap<string, string | null>;
  /** Instructions before the first FROM (ARGs, normally). */
  preamble: DockerfileInstruction[];
  /** Parser directives: `{ syntax: 'docker/dockerfile:1', escape: '`' }`. */
  directives: Readonly<Record<string, string>>;
}

/** Instructions that BuildKit turns into a numbered step of their stage. */
const STEP_KEYWORDS = new Set(['RUN', 'COPY', 'ADD', 'WORKDIR']);

/** The `stage-N` name BuildKit prints for an unnamed stage, or the stage's own name. */
export function stageLabel(stage: DockerfileStage): string {
  return stage.name ?? `stage-${stage.index}`;
}

/** Parses a Dockerfile. Never throws: what it cannot read is skipped. */
export function parseDockerfile(text: string, path: string): Dockerfile {
  const { instructions: raw, directives, escape } = readLogicalLines(text);
  const globalArgs = new Map<string, string | null>();
  const preamble: DockerfileInstruction[] = [];
  const stages: DockerfileStage[] = [];
  let current: StageBuilder | null = null;

  for (const item of raw) {
    const keyword = keywordOf(item.original);
    if (keyword === 'FROM') {
      if (current !== null) stages.push(current.finish());
      current = new StageBuilder(item, stages, globalArgs, escape);
      continue;
    }
    if (current === null) {
      const instruction = toInstruction(item, keyword, escape, emptyVariables);
      preamble.push(instruction);
      // A global ARG's default may use the ones declared before it.
      if (keyword === 'ARG') for (const [name, value] of parseArgs(instruction.args, definedOnly(globalArgs), escape)) globalArgs.set(name, value);
      continue;
    }
    current.add(item, keyword);
  }
  if (current !== null) stages.push(current.finish());
  return { path, stages, globalArgs, preamble, directives };
}

const emptyVariables: Variables = new Map();

function keywordOf(original: string): string {
  const space = original.search(/\s/);
  return (space < 0 ? original : original.slice(0, space)).toUpperCase();
}

function toInstruction(item: RawInstruction, keyword: string, escape: string, variables: Variables): DockerfileInstruction {
  const afterKeyword = item.original.slice(keyword.length).trim();
  const { flags, rest } = extractFlags(afterKeyword, escape);
  return {
    keyword,
    text: afterKeyword === '' ? keyword : `${keyword} ${afterKeyword}`,
    line: item.line,
    endLine: item.endLine,
    flags,
    args: rest,
    json: parseExecForm(rest),
    heredocs: item.heredocs,
    step: null,
    variables,
  };
}

function parseExecForm(args: string): string[] | null {
  if (!args.startsWith('[')) return null;
  try {
    const value: unknown = JSON.parse(args);
    return Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : null;
  } catch {
    return null;
  }
}

/** `ARG A=1 B` → [['A', '1'], ['B', null]] (values expanded with what is known). */
function parseArgs(args: string, vars: Variables, escape: string): [string, string | null][] {
  return splitWords(args, escape).map((word) => {
    const eq = word.indexOf('=');
    if (eq < 0) return [word, null];
    return [word.slice(0, eq), unquote(expandVariables(word.slice(eq + 1), vars, false, escape).text, escape)];
  });
}

/** `ENV A=1 B="x y"` or the legacy `ENV A 1 2`. */
function parseEnv(args: string, vars: Variables, escape: string): [string, string][] {
  const words = splitWords(args, escape);
  if (words.length === 0) return [];
  if (!words[0]!.includes('=')) {
    const key = words[0]!;
    const value = args.trim().slice(key.length).trim();
    return [[key, unquote(expandVariables(value, vars, false, escape).text, escape)]];
  }
  const pairs: [string, string][] = [];
  for (const word of words) {
    const eq = word.indexOf('=');
    if (eq <= 0) continue;
    pairs.push([word.slice(0, eq), unquote(expandVariables(word.slice(eq + 1), vars, false, escape).text, escape)]);
  }
  return pairs;
}

class StageBuilder {
  private readonly stage: DockerfileStage;
  private variables: Map<string, string>;
  private env: Map<string, string>;
  private step: number;

  constructor(
    from: RawInstruction,
    earlier: readonly DockerfileStage[],
    private readonly globalArgs: ReadonlyMap<string, string | null>,
    private readonly escape: string,
  ) {
    const globals = definedOnly(globalArgs);
    const instruction = toInstruction(from, 'FROM', escape, globals);
    const words = splitWords(instruction.args, escape);
    const fromRaw = words[0] ?? '';
    const expanded = expandVariables(fromRaw, globals, false, escape);
    const base = unquote(expanded.text, escape);
    const name = words.length >= 3 && words[1]!.toLowerCase() === 'as' ? words[2]!.toLowerCase() : null;
    const baseStage = earlier.find((s) => s.name !== null && s.name === base.toLowerCase())?.index ?? null;
    const platformFlag = instruction.flags.find((f) => f.name === 'platform')?.value ?? null;
    const platform = platformFlag === null ? null : expandVariables(platformFlag, globals, true, escape).text;
    // BuildKit numbers the FROM as step 1 only when it pulls an image (not scratch, not a stage).
    const fromIsStep = baseStage === null && base.toLowerCase() !== 'scratch' && base !== '';
    this.step = fromIsStep ? 1 : 0;
    instruction.step = fromIsStep ? 1 : null;
    // ENV carries over from a base stage; ARGs do not.
    this.env = new Map(baseStage === null ? [] : earlier[baseStage]!.env);
    this.variables = new Map(this.env);
    this.stage = {
      name,
      index: earlier.length,
      from: base,
      fromRaw,
      fromUnresolved: expanded.unresolved,
      baseStage,
      platform,
      line: from.line,
      endLine: from.endLine,
      instructions: [instruction],
      steps: 0,
      env: this.env,
    };
  }

  add(item: RawInstruction, keyword: string): void {
    const instruction = toInstruction(item, keyword, this.escape, this.variables);
    if (STEP_KEYWORDS.has(keyword)) instruction.step = ++this.step;
    this.stage.instructions.push(instruction);
    this.stage.endLine = item.endLine;
    if (keyword === 'ARG') {
      const next = new Map(this.variables);
      for (const [name, value] of parseArgs(instruction.args, this.variables, this.escape)) {
        // `ARG NAME` inside a stage brings the global default into scope.
        const inherited = value ?? this.globalArgs.get(name) ?? null;
        if (inherited !== null) next.set(name, inherited);
      }
      this.variables = next;
    } else if (keyword === 'ENV') {
      const next = new Map(this.variables);
      for (const [name, value] of parseEnv(instruction.args, this.variables, this.escape)) {
        next.set(name, value);
        this.env.set(name, value);
      }
      this.variables = next;
    }
  }

  finish(): DockerfileStage {
    this.stage.steps = this.step;
    this.stage.env = new Map(this.env);
    return this.stage;
  }
}

function definedOnly(args: ReadonlyMap<string, string | null>): Variables {
  const vars = new Map<string, string>();
  for (const [name, value] of args) if (value !== null) vars.set(name, value);
  return vars;
}
