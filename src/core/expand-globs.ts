// `log-file` and the CLI's FILE arguments: a path, `-` (stdin), or a glob (`logs/*.log`,
// `build-logs/**/*.log.gz`, `build-?.log`). Node 20 has no stable `fs.glob`, so this is a small
// walker of its own with the usual shell meanings:
// - `*` any characters within one name, `?` one character, `**` any number of directories;
// - wildcards do not match names starting with `.` unless the pattern's segment starts with `.`,
//   and `**` does not descend into hidden or symlinked directories (no `.git`, no loops);
// - brackets and braces are literal characters.
// The walk is bounded (entries visited, files matched), results are sorted and deduplicated, and a
// glob that matches nothing is an InputError naming it.
import { promises as fs, type Dirent } from 'node:fs';
import path from 'node:path';
import { InputError } from './errors.js';
import { hasWildcard, matchSegment } from './wildcard.js';

export interface ExpandOptions {
  /** Directory that relative patterns start from (default: the process's). */
  cwd?: string;
  /** At most this many files from one glob (default 1000). */
  maxMatches?: number;
  /** At most this many directory entries looked at for one glob (default 200,000). */
  maxVisited?: number;
}

const DEFAULT_MAX_MATCHES = 1000;
const DEFAULT_MAX_VISITED = 200_000;

/** True when the argument is a glob rather than a plain path. */
export function isGlob(pattern: string): boolean {
  return hasWildcard(pattern);
}

class Walk {
  readonly found = new Set<string>();
  private visited = 0;

  constructor(
    private readonly pattern: string,
    private readonly segments: string[],
    private readonly cwd: string,
    private readonly maxMatches: number,
    private readonly maxVisited: number,
  ) {}

  private abs(p: string): string {
    return path.resolve(this.cwd, p);
  }

  private async entries(dir: string): Promise<Dirent[]> {
    let list: Dirent[];
    try {
      list = await fs.readdir(this.abs(dir === '' ? '.' : dir), { withFileTypes: true });
    } catch {
      return []; // unreadable or vanished: nothing matches there
    }
    this.visited += list.length;
    if (this.visited > this.maxVisited) {
      throw new InputError(`"${this.pattern}" looks at more than ${this.maxVisited} files: use a narrower pattern`);
    }
    return list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  private async kind(p: string, entry?: Dirent): Promise<'file' | 'dir' | 'link-dir' | null> {
    if (entry && !entry.isSymbolicLink()) return entry.isFile() ? 'file' : entry.isDirectory() ? 'dir' : null;
    try {
      const stat = await fs.stat(this.abs(p));
      if (stat.isFile()) return 'file';
      if (stat.isDirectory()) return entry?.isSymbolicLink() ? 'link-dir' : 'dir';
      return null;
    } catch {
      return null;
    }
  }

  private add(p: string): void {
    this.found.add(p);
    if (this.found.size > this.maxMatches) {
      throw new InputError(`"${this.pattern}" matches more than ${this.maxMatches} files: use a narrower pattern`);
    }
  }

  /** Matches `segments[i…]` inside directory `dir` (a path as the user would write it). */
  async match(dir: string, i: number): Promise<void> {
    const segment = this.segments[i];
    if (segment === undefined) return;
    const last = i === this.segments.length - 1;

    if (segment === '**') {
      // `**` at the end means every file below: the same as `**/*`.
      if (last) await this.matchWildcard(dir, '*', true);
      else await this.match(dir, i + 1);
      for (const entry of await this.entries(dir)) {
        if (entry.name.startsWith('.')) continue;
        const sub = path.join(dir, entry.name);
        if ((await this.kind(sub, entry)) === 'dir') await this.match(sub, i);
      }
      return;
    }
    if (hasWildcard(segment)) {
      await this.matchWildcard(dir, segment, last, i);
      return;
    }
    const next = path.join(dir, segment);
    const kind = await this.kind(next);
    if (last) {
      if (kind === 'file') this.add(next);
    } else if (kind === 'dir' || kind === 'link-dir') {
      await this.match(next, i + 1);
    }
  }

  private async matchWildcard(dir: string, segment: string, last: boolean, i = 0): Promise<void> {
    const hidden = segment.startsWith('.');
    for (const entry of await this.entries(dir)) {
      if (entry.name.startsWith('.') && !hidden) continue;
      if (!matchSegment(segment, entry.name)) continue;
      const sub = path.join(dir, entry.name);
      const kind = await this.kind(sub, entry);
      if (last) {
        if (kind === 'file') this.add(sub);
      } else if (kind === 'dir' || kind === 'link-dir') {
        await this.match(sub, i + 1);
      }
    }
  }
}

/** The files one glob matches, sorted; an InputError when there are none. */
export async function expandGlob(pattern: string, options: ExpandOptions = {}): Promise<string[]> {
  const cwd = options.cwd ?? process.cwd();
  const absolute = pattern.startsWith('/');
  const segments = pattern.split('/').filter((s) => s !== '' && s !== '.');
  const walk = new Walk(pattern, segments, cwd, options.maxMatches ?? DEFAULT_MAX_MATCHES, options.maxVisited ?? DEFAULT_MAX_VISITED);
  await walk.match(absolute ? '/' : '', 0);
  if (walk.found.size === 0) throw new InputError(`no file matches "${pattern}"`);
  return [...walk.found].sort();
}

/**
 * The log inputs named by the user, globs expanded: `-` and plain paths pass through unchanged
 * (opening them reports a missing file), each glob becomes the files it matches. A file named
 * twice is read once.
 */
export async function expandLogPaths(inputs: readonly string[], options: ExpandOptions = {}): Promise<string[]> {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const input of inputs) {
    const paths = input !== '-' && isGlob(input) ? await expandGlob(input, options) : [input];
    for (const p of paths) {
      const key = p === '-' ? p : path.resolve(options.cwd ?? process.cwd(), p);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(p);
    }
  }
  return out;
}
