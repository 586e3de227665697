// The Dockerfiles a command's options name, read the way every command reads them.
import { readFileSync } from 'node:fs';
import type { Writable } from 'node:stream';
import type { CommonOptions } from './args.js';
import { write } from './io.js';
import { readOptionalFile } from '../core/open-input.js';
import { loadDockerfileSet, unknownTargetWarnings, type DockerfileSet } from '../core/dockerfile-set.js';
import { parseDockerfile, type Dockerfile } from '../dockerfile/dockerfile.js';
import type { Analysis } from '../report/analysis.js';

/** The Dockerfile path used when none is given, if it exists in the working directory. */
export const DEFAULT_DOCKERFILE = 'Dockerfile';

/** A file's text, or null when it cannot be read (a default that may be absent). */
function readFileOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

export async function loadDockerfile(path: string | null): Promise<Dockerfile | null> {
  if (path === null) {
    // No --dockerfile: the usual `Dockerfile` of the working directory, when there is one. The
    // locator ignores it for steps when the log's error block names a different file.
    const text = readFileOrNull(DEFAULT_DOCKERFILE);
    return text === null ? null : parseDockerfile(text, DEFAULT_DOCKERFILE);
  }
  return parseDockerfile(await readOptionalFile(path), path);
}

/**
 * The Dockerfiles the options name: the plain `--dockerfile PATH` and each `TARGET=PATH` (a path
 * that cannot be read is an input error); without a plain PATH, the one the log's error block
 * names, else ./Dockerfile, once the log is read.
 */
export function loadDockerfiles(options: CommonOptions): Promise<DockerfileSet> {
  return loadDockerfileSet({ path: options.dockerfile, targets: options.targetDockerfiles }, readOptionalFile, process.cwd());
}

/** A `--dockerfile TARGET=PATH` whose target no log builds: one warning line each, not an error. */
export async function warnUnknownTargets(options: CommonOptions, analyses: readonly Analysis[], stderr: Writable): Promise<void> {
  const warnings = unknownTargetWarnings({ path: options.dockerfile, targets: options.targetDockerfiles }, analyses.map((a) => a.model));
  for (const warning of warnings) await write(stderr, `buildkit-doctor: warning: --dockerfile: ${warning}\n`);
}
