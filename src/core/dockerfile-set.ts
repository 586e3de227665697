// Which Dockerfile explains which part of a log. A plain build has one; a bake or compose log has
// one per target, given as `TARGET=PATH` (CLI `--dockerfile web=docker/web.Dockerfile`, the
// action's `dockerfile` input one per line), beside an optional plain PATH for every other target.
// With no plain PATH, the Dockerfile is found once the log is read: the file the error block names
// (`docker/cuda.Dockerfile:14`) when it exists in the working directory, else `Dockerfile`.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { InputError } from './errors.js';
import type { BuildModel } from '../model/types.js';
import { targetsOf } from '../model/targets.js';
import { parseDockerfile, type Dockerfile } from '../dockerfile/dockerfile.js';

/** What the user named: a default path and the targets' own paths. */
export interface DockerfileSpec {
  /** The plain PATH, null when none was given. */
  path: string | null;
  /** TARGET → PATH, in the order given. */
  targets: ReadonlyMap<string, string>;
}

/** The parsed Dockerfiles, as the analyzer takes them. */
export interface DockerfileSet {
  dockerfile: Dockerfile | null;
  targets: ReadonlyMap<string, Dockerfile>;
  /** Without a plain PATH: finds the Dockerfile once the log is read. */
  resolveDockerfile?: (model: BuildModel) => Dockerfile | null;
}

/** The name used when neither a PATH nor the log names a Dockerfile. */
export const DEFAULT_DOCKERFILE = 'Dockerfile';

/** A Dockerfile named by a log is read only up to this size: a log must not make us read anything large. */
const MAX_NAMED_DOCKERFILE_BYTES = 1024 * 1024;

/**
 * A bake target name is `[a-zA-Z0-9_-]+` (buildx), a compose service name
 * `[a-zA-Z0-9][a-zA-Z0-9_.-]*`: both fit here. Anything else before a `=` (a `/`, a space) makes
 * the whole value a path.
 */
const TARGET_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** `web=docker/web.Dockerfile` → target and path; a plain path → target null. */
function parseOne(value: string, source: string): { target: string | null; path: string } {
  const eq = value.indexOf('=');
  if (eq < 0) {
    if (value.trim() === '') throw new InputError(`${source}: empty Dockerfile path`);
    return { target: null, path: value };
  }
  const target = value.slice(0, eq).trim();
  const file = value.slice(eq + 1).trim();
  if (target === '') throw new InputError(`${source} "${value}": name the target before "=" (TARGET=PATH), or give the PATH alone`);
  if (!TARGET_NAME.test(target)) return { target: null, path: value };
  if (file === '') throw new InputError(`${source} "${value}": no Dockerfile path after "${target}=" (TARGET=PATH)`);
  return { target, path: file };
}

/**
 * `--dockerfile` values (or the action input's lines) → a spec. Mistakes are one-line InputErrors:
 * `=PATH`, `web=`, two plain paths, one target given twice.
 */
export function parseDockerfileSpec(values: readonly string[], source = '--dockerfile'): DockerfileSpec {
  let plain: string | null = null;
  const targets = new Map<string, string>();
  for (const value of values) {
    const { target, path: file } = parseOne(value, source);
    if (target === null) {
      if (plain !== null) throw new InputError(`${source}: one plain Dockerfile path only (got "${plain}" and "${file}"); name the others TARGET=PATH`);
      plain = file;
    } else {
      if (targets.has(target)) throw new InputError(`${source}: target "${target}" given twice`);
      targets.set(target, file);
    }
  }
  return { path: plain, targets };
}

/**
 * One line per target given a Dockerfile that no log builds: a typo to point out, not an error
 * (the same input serves several builds in one workflow).
 */
export function unknownTargetWarnings(spec: DockerfileSpec, models: readonly BuildModel[]): string[] {
  if (spec.targets.size === 0) return [];
  const inLogs = new Set(models.flatMap(targetsOf));
  const known = [...inLogs].sort();
  return [...spec.targets.keys()]
    .filter((target) => !inLogs.has(target))
    .map((target) => `no target "${target}" in the log${known.length > 0 ? ` (targets: ${known.join(', ')})` : ' (it names no bake or compose target)'}; its Dockerfile is not used`);
}

/**
 * A Dockerfile the log names, when it is a regular file inside `base` (never outside it: the name
 * comes from the log), of a sane size. Null otherwise.
 */
function readNamed(name: string, base: string): Dockerfile | null {
  if (name === '' || name.includes('\0') || path.isAbsolute(name)) return null;
  const full = path.resolve(base, name);
  const relative = path.relative(base, full);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  try {
    const stat = statSync(full);
    if (!stat.isFile() || stat.size > MAX_NAMED_DOCKERFILE_BYTES) return null;
    // Paths in findings are as the user sees them from the working directory.
    const shown = path.resolve(base) === path.resolve('.') ? name : full;
    return parseDockerfile(readFileSync(full, 'utf8'), shown);
  } catch {
    return null;
  }
}

/** The fallback when no plain PATH was given: the error block's file, else `Dockerfile`, in `base`. */
export function fallbackDockerfile(model: BuildModel, base: string): Dockerfile | null {
  const named = model.solveError?.dockerfile ?? null;
  return (named !== null ? readNamed(named, base) : null) ?? readNamed(DEFAULT_DOCKERFILE, base);
}

/**
 * Loads what the spec names. `readFile` reads a given path (its errors are the caller's: a path
 * given explicitly that cannot be read is an input error). `base` is where the fallback looks.
 */
export async function loadDockerfileSet(spec: DockerfileSpec, readFile: (path: string) => Promise<string>, base: string): Promise<DockerfileSet> {
  const targets = new Map<string, Dockerfile>();
  for (const [target, file] of spec.targets) targets.set(target, parseDockerfile(await readFile(file), file));
  if (spec.path !== null) return { dockerfile: parseDockerfile(await readFile(spec.path), spec.path), targets };
  return { dockerfile: null, targets, resolveDockerfile: (model) => fallbackDockerfile(model, base) };
}
