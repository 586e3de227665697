// Where the Dockerfile of a build record is on this machine. buildx names it in one of three ways
// (docker/buildx commands/history/inspect.go): relative to the build context when it keeps the
// build's local state (the context relative to the directory `inspect` ran in), as it was given
// when it is outside the context, or, without local state, relative to the git repository's root
// (`vcs:localdir:dockerfile`). The first candidate that is a regular file inside the working
// directory or its repository is used: the record comes from the daemon, but a path is still only
// read where the user's own files are.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { RecordFacts } from './build-record.js';
import { parseDockerfile } from '../dockerfile/dockerfile.js';
import type { DockerfileSet } from './dockerfile-set.js';

/** The git repository's root above `dir` (the directory holding `.git`), or null. */
export function gitRootOf(dir: string): string | null {
  let current = path.resolve(dir);
  for (;;) {
    try {
      statSync(path.join(current, '.git'));
      return current;
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return null;
      current = parent;
    }
  }
}

function inside(base: string, file: string): boolean {
  const relative = path.relative(base, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The record's Dockerfile as a path to show (relative to `cwd` when under it), or null. */
export function recordDockerfilePath(facts: Pick<RecordFacts, 'context' | 'dockerfile'>, cwd: string = process.cwd()): string | null {
  const { dockerfile, context } = facts;
  if (dockerfile === null || dockerfile === '-' || dockerfile.includes('\0')) return null;
  const root = gitRootOf(cwd);
  const candidates: string[] = [];
  if (path.isAbsolute(dockerfile)) candidates.push(dockerfile);
  else {
    if (context !== null && !/^[a-z]+:\/\//i.test(context) && !context.includes('\0')) candidates.push(path.resolve(cwd, context, dockerfile));
    candidates.push(path.resolve(cwd, dockerfile));
    if (root !== null) candidates.push(path.resolve(root, dockerfile));
  }
  for (const file of candidates) {
    if (!(inside(cwd, file) || (root !== null && inside(root, file)))) continue;
    if (isFile(file)) return inside(cwd, file) ? path.relative(cwd, file) : file;
  }
  return null;
}

/**
 * The Dockerfiles to place a record's findings with: the ones the user named, else the record's
 * own Dockerfile (when it is here), else the usual fallback of `given`.
 */
export function recordDockerfiles(facts: Pick<RecordFacts, 'context' | 'dockerfile'>, given: DockerfileSet, cwd: string = process.cwd()): DockerfileSet {
  if (given.dockerfile !== null) return given;
  const file = recordDockerfilePath(facts, cwd);
  if (file === null) return given;
  try {
    const text = readFileSync(path.resolve(cwd, file), 'utf8');
    return { dockerfile: parseDockerfile(text, file), targets: given.targets };
  } catch {
    return given;
  }
}
