// Finds the Dockerfile instruction a step of the log came from: its stage (by name or `stage-N`),
// its `k/n` and its printed text. BuildKit prints the text with continuations joined, ARG and ENV
// values substituted, and sometimes cut short; image ENV values (PATH, HOME) are unknown to us, so
// an unresolved `$VAR` matches any text. When more than one line fits equally well, the answer is
// "ambiguous" with the candidates: the caller says so instead of guessing.
import type { StepHeader } from '../grammar/events.js';
import { stageLabel, type Dockerfile, type DockerfileInstruction, type DockerfileStage } from './dockerfile.js';
import { parseImageRef, sameImage } from './image-ref.js';
import { expandVariables, splitOnReferences } from './variables.js';

export interface Candidate {
  stage: DockerfileStage;
  instruction: DockerfileInstruction;
}

export type StepMatch =
  /** `by: 'index'`: no text fitted, the stage's `k/n` and the keyword did. */
  | ({ kind: 'found'; by: 'text' | 'index' } & Candidate)
  | { kind: 'ambiguous'; candidates: Candidate[] }
  | { kind: 'none' };

/** How well a printed text fits an instruction: 3 exact, 2 with unknown variables, 1 shortened, 0 no. */
type Score = 0 | 1 | 2 | 3;

/** A printed text shorter than this is not trusted as a shortened form of a longer instruction. */
const MIN_PREFIX_LENGTH = 20;

export function matchStep(step: Pick<StepHeader, 'stage' | 'index' | 'total' | 'instruction' | 'internal'>, dockerfile: Dockerfile): StepMatch {
  const printed = step.instruction.trim();
  if (step.internal) return matchInternal(printed, dockerfile);

  const stages = candidateStages(step.stage, dockerfile);
  if (stages.length === 0) return { kind: 'none' };

  let best: Score = 0;
  let candidates: Candidate[] = [];
  for (const stage of stages) {
    for (const instruction of stage.instructions) {
      if (instruction.step === null) continue;
      const score = scoreInstruction(printed, instruction, stage);
      if (score === 0 || score < best) continue;
      if (score > best) {
        best = score;
        candidates = [];
      }
      candidates.push({ stage, instruction });
    }
  }
  if (candidates.length === 1) return { kind: 'found', by: 'text', ...candidates[0]! };
  const byIndex = candidates.filter((c) => fitsIndex(c, step));
  if (byIndex.length === 1) return { kind: 'found', by: 'text', ...byIndex[0]! };
  if (candidates.length > 1) return { kind: 'ambiguous', candidates: byIndex.length > 1 ? byIndex : candidates };

  // No text fits (a --build-arg changed it, or the log is older than the file): trust `k/n` only
  // when the stage is known and its shape agrees, and the keyword is the same.
  if (stages.length === 1 && step.index !== null && step.total === stages[0]!.steps) {
    const keyword = printed.split(/\s/, 1)[0]!.toUpperCase();
    const instruction = stages[0]!.instructions.find((i) => i.step === step.index);
    if (instruction !== undefined && instruction.keyword === keyword) return { kind: 'found', by: 'index', stage: stages[0]!, instruction };
  }
  return { kind: 'none' };
}

function candidateStages(stageName: string | null, dockerfile: Dockerfile): DockerfileStage[] {
  if (stageName === null) return dockerfile.stages;
  const wanted = stageName.toLowerCase();
  return dockerfile.stages.filter((s) => stageLabel(s) === wanted);
}

function fitsIndex(candidate: Candidate, step: Pick<StepHeader, 'index' | 'total'>): boolean {
  if (step.index === null || candidate.instruction.step !== step.index) return false;
  return step.total === null || step.total === candidate.stage.steps;
}

/** `load metadata for docker.io/nvidia/cuda:…` belongs to the FROM lines of that image. */
function matchInternal(printed: string, dockerfile: Dockerfile): StepMatch {
  const metadata = /load metadata for (\S+)/.exec(printed);
  if (metadata === null) return { kind: 'none' };
  const ref = parseImageRef(metadata[1]!);
  if (ref === null) return { kind: 'none' };
  const candidates = dockerfile.stages
    .filter((stage) => {
      const from = parseImageRef(stage.from);
      return from !== null && stage.baseStage === null && sameImage(from, ref);
    })
    .map((stage) => ({ stage, instruction: stage.instructions[0]! }));
  if (candidates.length === 1) return { kind: 'found', by: 'text', ...candidates[0]! };
  return candidates.length > 1 ? { kind: 'ambiguous', candidates } : { kind: 'none' };
}

function scoreInstruction(printed: string, instruction: DockerfileInstruction, stage: DockerfileStage): Score {
  if (instruction.keyword === 'FROM') return scoreFrom(printed, stage);
  const subject = normalise(printed);
  const written = normalise(instruction.text);
  const expanded = normalise(expandVariables(instruction.text, instruction.variables, true).text);
  if (subject === written || subject === expanded) return 3;
  // Unknown values (image ENV) or values a --build-arg replaced: the references match any value.
  if (wildcardMatch(expanded, subject, false) || wildcardMatch(written, subject, false)) return 2;
  const shortened = stripEllipsis(subject);
  if (shortened !== null || subject.length >= MIN_PREFIX_LENGTH) {
    const prefix = shortened ?? subject;
    if (written.startsWith(prefix) || expanded.startsWith(prefix) || wildcardMatch(expanded, prefix, true) || wildcardMatch(written, prefix, true)) return 1;
  }
  return 0;
}

/** `FROM docker.io/nvidia/cuda:12.4.0-devel-ubuntu22.04@sha256:…` against the stage's base. */
function scoreFrom(printed: string, stage: DockerfileStage): Score {
  const match = /^FROM\s+(\S+)/i.exec(printed);
  if (match === null || stage.baseStage !== null) return 0;
  const ref = parseImageRef(match[1]!);
  if (ref === null) return 0;
  const from = parseImageRef(stage.from);
  if (from !== null && sameImage(from, ref)) return 3;
  if (stage.fromUnresolved.length > 0) {
    // `FROM nvidia/cuda:${CUDA}-devel` with CUDA given as a build arg: match around the variable.
    const printedName = `${ref.repository.replace(/^library\//, '')}:${ref.tag ?? 'latest'}`;
    if (wildcardMatch(stage.fromRaw.replace(/^docker\.io\//, '').replace(/^library\//, ''), printedName, false)) return 2;
  }
  return 0;
}

/**
 * Whitespace runs become one space, quotes and backslashes go: BuildKit keeps the spacing of
 * continuation lines in RUN but strips quotes from COPY and WORKDIR and resolves `\"` escapes in
 * what it prints, and tty logs collapse blanks.
 */
function normalise(text: string): string {
  let out = '';
  let blank = false;
  for (const ch of text.trim()) {
    if (ch === '"' || ch === "'" || ch === '\\') continue;
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      blank = true;
      continue;
    }
    if (blank && out !== '') out += ' ';
    blank = false;
    out += ch;
  }
  return out;
}

function stripEllipsis(text: string): string | null {
  if (text.endsWith('...')) return text.slice(0, -3).trimEnd();
  if (text.endsWith('…')) return text.slice(0, -1).trimEnd();
  return null;
}

/**
 * Glob-style match of `template` (its `$VAR` references are wildcards) against `subject`. A
 * wildcard stands for one value and never spans a blank (versions, paths, image tags do not). With
 * `prefixOnly`, `subject` only has to be a prefix of some expansion of the template. Each literal
 * piece is found at its leftmost place: no backtracking.
 */
export function wildcardMatch(template: string, subject: string, prefixOnly: boolean): boolean {
  const pieces = splitOnReferences(template);
  const first = pieces[0]!;
  if (pieces.length === 1) return prefixOnly ? first.startsWith(subject) : first === subject;
  if (prefixOnly && subject.length <= first.length) return first.startsWith(subject);
  if (!subject.startsWith(first)) return false;
  let at = first.length;
  for (let i = 1; i < pieces.length; i++) {
    const piece = pieces[i]!;
    if (i === pieces.length - 1 && !prefixOnly) {
      const gapEnd = subject.length - piece.length;
      return gapEnd >= at && subject.endsWith(piece) && !subject.slice(at, gapEnd).includes(' ');
    }
    const found = subject.indexOf(piece, at);
    if (found < 0 || subject.slice(at, found).includes(' ')) return prefixOnly && endsInside(subject.slice(at), piece);
    at = found + piece.length;
  }
  return true;
}

/** A shortened subject's rest: it stops inside the wildcard, or inside the literal piece after it. */
function endsInside(rest: string, piece: string): boolean {
  const blank = rest.indexOf(' ');
  if (blank < 0) return true;
  for (let start = 0; start <= blank; start++) if (piece.startsWith(rest.slice(start))) return true;
  return false;
}
