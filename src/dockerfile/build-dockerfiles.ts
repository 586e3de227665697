// Which files an annotation may be drawn on. The error block's `Dockerfile:60` comes from the log,
// and the log is written by whoever wrote the build: a line such as `.github/workflows/ci.yml:1`
// or `.env:3` in it must not put an error annotation on the workflow or on a secrets file. A file
// is a Dockerfile of the build when the user named it (the `dockerfile` input, `--dockerfile`), or
// when it is named like a Dockerfile AND is a regular file in the workspace. Anything else stays in
// the summary, the comment and the JSON report, as text.
import { statSync } from 'node:fs';
import path from 'node:path';

/** `Dockerfile`, `Dockerfile.cuda`, `cuda.Dockerfile`, `Containerfile` (and `Containerfile.*`, `*.Containerfile`), any case. */
export function isDockerfileName(file: string): boolean {
  const base = path.basename(file.replace(/\\/g, '/')).toLowerCase();
  for (const name of ['dockerfile', 'containerfile']) {
    if (base === name) return true;
    if (base.startsWith(`${name}.`) && base.length > name.length + 1) return true;
    if (base.endsWith(`.${name}`) && base.length > name.length + 1) return true;
  }
  return false;
}

/**
 * A test for "may this file be annotated": `named` are the paths the user gave (relative to
 * `cwd`), `workspace` the directory a Dockerfile found by name must be in.
 */
export function buildDockerfileTest(named: readonly string[], context: { cwd: string; workspace: string }): (file: string) => boolean {
  const given = new Set(named.map((f) => path.resolve(context.cwd, f)));
  const root = path.resolve(context.workspace);
  return (file) => {
    const full = path.resolve(context.cwd, file);
    if (given.has(full)) return true;
    if (!isDockerfileName(full)) return false;
    const relative = path.relative(root, full);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return false;
    try {
      return statSync(full).isFile();
    } catch {
      return false;
    }
  };
}
