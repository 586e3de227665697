// The `empty-build-arg` enricher: a pip requirement that reached pip as `name==` (nothing after `==`) when the
// step's own command writes `name==${VAR}` / `name==$VAR`: the variable expanded to nothing in that stage. In a
// Dockerfile that is a build argument declared only before FROM (in scope for FROM lines only, until the stage
// declares `ARG VAR` again: Dockerfile reference, "Understand how ARG and FROM interact",
// docs.docker.com/reference/dockerfile/#understand-how-arg-and-from-interact), or one with no default that the
// build never gave a `--build-arg`. Other variables of the same command whose emptiness the log proves (a printed
// URL equal to the command's with them removed: `Looking in links: …/dist/cu/torch/index.html` for
// `…/dist/cu${CUDA_ALIAS}/torch${PYTORCH}/index.html`) are named too.
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';

/** `${NAME}` or `$NAME`, and the `${NAME:-…}` forms (their name only). */
const REFERENCE = /\$(?:\{(?<braced>[A-Za-z_][A-Za-z0-9_]{0,100})(?:[:+-][^}\n]{0,200})?\}|(?<bare>[A-Za-z_][A-Za-z0-9_]{0,100}))/g;

/** pip compares names with `-`, `_` and `.` alike and case-insensitively (PEP 503 normalisation). */
function normalise(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

function namesIn(text: string): string[] {
  return [...text.matchAll(REFERENCE)].map((m) => m.groups!.braced ?? m.groups!.bare!);
}

/** The variables written where the version of `name==` goes in the command: `mmcv-full==${MMCV}` → MMCV. */
export function versionVariables(instruction: string, requirement: string): string[] {
  const wanted = normalise(requirement.replace(/==\s*$/, '').replace(/\[[^\]]{0,200}\]$/, ''));
  const found = new Set<string>();
  for (const m of instruction.matchAll(/(?<name>[A-Za-z0-9][A-Za-z0-9._-]{0,200})(?:\[[\w,.-]{0,200}\])?==(?<version>\$\{[^}\s]{1,200}\}|\$[A-Za-z_][A-Za-z0-9_]{0,100})/g)) {
    if (normalise(m.groups!.name!) === wanted) for (const name of namesIn(m.groups!.version!)) found.add(name);
  }
  return [...found];
}

/**
 * Variables of the command's other words (URLs, paths) that the log proves empty: the word with every reference
 * removed is printed in the step's output, and differs from the word with them in place.
 */
export function provenEmpty(instruction: string, output: readonly string[], skip: readonly string[]): string[] {
  const found = new Set<string>();
  for (const word of instruction.split(/[\s"']+/)) {
    const names = namesIn(word).filter((n) => !skip.includes(n));
    if (names.length === 0) continue;
    const emptied = word.replace(REFERENCE, '');
    if (emptied.length < 8) continue;
    if (output.some((line) => line.includes(emptied))) for (const n of names) found.add(n);
  }
  return [...found];
}

const list = (names: readonly string[]): string => names.join(', ');

export function emptyBuildArgEnrich(captures: Readonly<Record<string, string>>, step: Step | null, _model: BuildModel, _facts: FactView): Record<string, string> {
  const requirement = captures.requirement ?? '';
  const instruction = step?.instruction ?? '';
  if (!/==\s*$/.test(requirement) || instruction === '') return {};
  const versionVars = versionVariables(instruction, requirement);
  if (versionVars.length === 0) return {};
  const others = provenEmpty(instruction, step?.tail ?? [], versionVars);
  const all = [...versionVars, ...others];
  // One `ARG` line each (the legacy builder takes one name per ARG): the fix's block has room for three, its prose names them all
  const out: Record<string, string> = {
    emptyArgVars: list(versionVars),
    emptyArgPackage: requirement.replace(/==\s*$/, ''),
    emptyArgAll: list(all),
    emptyArgFirst: versionVars[0]!,
  };
  all.slice(0, 3).forEach((name, i) => (out[`emptyArg${i + 1}`] = name));
  return out;
}
