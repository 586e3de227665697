// The `apt-replaced` enricher: packages apt knows only as an old name. When a package is gone from the release but
// other packages still refer to it (Replaces / Provides / Depends), apt-get prints, instead of `Unable to locate`:
//
//   Package python is not available, but is referred to by another package.
//   This may mean that the package is missing, has been obsoleted, or
//   is only available from another source
//   However the following packages replace it:
//     python-is-python3 2to3
//
//   E: Package 'python' has no installation candidate
//
// (apt 2.6 on Debian 12, `apt-get install -s python python-dev python-numpy` on this project's machine: the same
// block for each name, the "replace it" part only where some package declares it; the same wording in
// openfoodfoundation/ofn-install#343 and geerlingguy/docker-ubuntu1804-ansible#2 on Ubuntu 18.04). The lists are
// loaded, so `apt-get update` does not help: the fix is the name of this release. apt's own list says what replaces
// it; the table below picks, from such lists, what a build means (2to3 and dh-python replace parts of `python` too,
// and are not what a Dockerfile wants), and knows the Python 2 names whose successors apt does not list.
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';
import { aptInstallArguments } from './apt-exit.js';
import { droppedPackage } from './apt-dropped-packages.js';

export interface Successor {
  /** The obsolete name. */
  name: string;
  /** What to install instead, in this order. */
  install: readonly string[];
  /** Why, or a choice to know of, said after the swap (plain text). */
  note: string;
}

// Each row checked:
// - python: Debian's Python Policy 3.1: "the binary package python will represent the current default Debian Python 2
//   version, for as long as it exists"; Python 2 left Debian 11 and Ubuntu 20.04 ("Starting with the Debian 11 (bullseye)
//   and Ubuntu 20.04 LTS (focal) releases, all python packages use explicit python3 or python2 interpreter":
//   packages.debian.org/bookworm/python-dev-is-python3). python-is-python3 "symlinks /usr/bin/python to python3" and
//   Depends: python3 (apt-cache show, Debian 12).
// - python-dev: apt lists `python2-dev python2 python-dev-is-python3` on Ubuntu 22.04 (nicolargo/glancesautoinstall#46,
//   lewagon/data-setup#219) and `python-dev-is-python3` on Debian 12 (this machine); python-dev-is-python3 depends on
//   python3-dev and python-is-python3 (packages.debian.org/bookworm/python-dev-is-python3).
// - python-numpy: Debian packages NumPy for Python 3 as python3-numpy (wiki.debian.org/python-numpy; Debian 12: candidate
//   1:1.24.2-1+deb12u1, `python-numpy` none).
// - python-software-properties: apt itself lists `software-properties-common` (openfoodfoundation/ofn-install#343 on
//   Ubuntu 18.04, kstaken/dockerfile-examples#3, Netflix/lemur#2776; Debian 12 on this machine).
// - python-pip: knowledge/apt-dropped-packages.ts.
const TABLE: readonly Successor[] = [
  {
    name: 'python',
    install: ['python3', 'python-is-python3'],
    note: 'python was the Python 2 interpreter; python-is-python3 makes the command python run python3, for scripts that call python.',
  },
  {
    name: 'python-dev',
    install: ['python3-dev'],
    note: "python-dev was Python 2's headers; python-dev-is-python3 (python3-dev plus python and python-config pointing at Python 3) also fits.",
  },
  { name: 'python-numpy', install: ['python3-numpy'], note: 'python-numpy was NumPy for Python 2; python3-numpy is NumPy for Python 3.' },
  {
    name: 'python-software-properties',
    install: ['software-properties-common'],
    note: 'software-properties-common has add-apt-repository now (Debian 13 dropped it in turn: there, a repository is added as a file in /etc/apt/sources.list.d/).',
  },
];

export function successorOf(name: string): Successor | null {
  const row = TABLE.find((s) => s.name === name);
  if (row) return row;
  const dropped = droppedPackage(name);
  return dropped !== null && dropped.replacement.length > 0 ? { name, install: dropped.replacement, note: dropped.replacementNote } : null;
}

/** A Debian package name (Policy 5.6.1), optionally with `:arch`. */
const NAME = '[a-z0-9][a-z0-9+.-]*(?::[a-z0-9-]+)?';
const notAvailable = new RegExp(`^Package (${NAME}) is not available, but is referred to by another package\\.`);
const failedName = new RegExp(`^E: (?:Package '(${NAME})' has no installation candidate|Unable to locate package (${NAME}))`);
const OBSOLETED = 'This may mean that the package is missing, has been obsoleted, or';
const REPLACE_IT = 'However the following packages replace it:';

export interface ObsoleteReading {
  /** The names apt failed on (its `E:` lines, and the names of its "not available" blocks), in order. */
  failed: string[];
  /** apt's "replace it" list per name. */
  aptLists: Map<string, string[]>;
  /** apt printed its "not available, but is referred to" block. */
  obsolete: boolean;
  /** The names apt's blocks name (a cut log may have lost a block's first line). */
  blockNames: string[];
  /** How many blocks apt printed, named or not (their second line). */
  blocks: number;
}

/** Reads apt's blocks from the lines of a step (bare text, no step prefix). */
export function readObsolete(lines: readonly string[]): ObsoleteReading {
  const failed: string[] = [];
  const aptLists = new Map<string, string[]>();
  let obsolete = false;
  const blockNames: string[] = [];
  let blocks = 0;
  let current: string | null = null;
  let listing = false;
  const add = (name: string): void => {
    if (!failed.includes(name)) failed.push(name);
  };
  for (const raw of lines) {
    const line = raw.trim();
    if (listing && current !== null) {
      // apt writes the list indented, wrapped at the terminal's width, and ends it with an empty line.
      if (raw.startsWith('  ') && line !== '' && /^[a-z0-9+.:\s-]+$/.test(line)) {
        aptLists.set(current, [...(aptLists.get(current) ?? []), ...line.split(/\s+/)]);
        continue;
      }
      listing = false;
    }
    const na = notAvailable.exec(line);
    if (na) {
      obsolete = true;
      current = na[1]!;
      add(current);
      if (!blockNames.includes(current)) blockNames.push(current);
      continue;
    }
    if (line === OBSOLETED) {
      obsolete = true;
      blocks++;
    }
    if (line === REPLACE_IT) {
      listing = current !== null;
      continue;
    }
    const e = failedName.exec(line);
    if (e) add((e[1] ?? e[2])!);
  }
  return { failed, aptLists, obsolete, blockNames, blocks };
}

/** `name:arch` → `name`. */
const bare = (name: string): string => (name.includes(':') ? name.slice(0, name.indexOf(':')) : name);

/** What to install for one obsolete name: the table's pick, else apt's only replacement; null when neither says. */
function pick(name: string, aptList: readonly string[] | undefined): { install: readonly string[]; note: string } | null {
  const row = successorOf(name);
  if (row) return row;
  const listed = [...new Set((aptList ?? []).map(bare))];
  return listed.length === 1 ? { install: listed, note: '' } : null;
}

/** An option or a plain package spec: a quote, a variable or a substitution would not survive being rewritten. */
const plainWord = /^(?:--?[A-Za-z0-9][A-Za-z0-9:=._-]*|[a-z0-9][a-z0-9+.:=~-]*)$/;

export function aptReplacedEnrich(_captures: Readonly<Record<string, string>>, step: Step | null, model: BuildModel, _facts: FactView): Record<string, string> {
  const reading = readObsolete([...(step?.tail ?? []), ...(model.outsideLines ?? [])]);
  if (!reading.obsolete || reading.failed.length === 0) return {};
  // One name of the dropped-packages table and nothing else: its own story (the release that dropped it) says it.
  if (reading.failed.length === 1 && droppedPackage(reading.failed[0]!) !== null) return {};
  // apt prints a block also for a name that only the installed packages refer to, with no lists at all (Ubuntu 14.04's
  // bash Replaces bash-completion, among `Unable to locate` for git and nginx: hughperkins/howto-jenkins-ssl#2). So the
  // story is this one only when every failed name has a block (one whose first line a cut log lost counts once) or a
  // successor the table knows; another `Unable to locate` name is the missing lists' story.
  const unexplained = reading.failed.filter((n) => !reading.blockNames.includes(n) && successorOf(n) === null);
  if (unexplained.length > reading.blocks - reading.blockNames.length) return {};
  const swaps: string[] = [];
  const notes: string[] = [];
  const aptSaid: string[] = [];
  const check: string[] = [];
  const checkOld: string[] = [];
  const open: string[] = [];
  const mapping = new Map<string, readonly string[]>();
  for (const name of reading.failed) {
    const list = reading.aptLists.get(name);
    if (list !== undefined) aptSaid.push(`${name}: ${list.join(' ')}`);
    const chosen = pick(name, list);
    if (chosen !== null) {
      mapping.set(name, chosen.install);
      swaps.push(`${name} → ${chosen.install.join(' ')}`);
      if (chosen.note !== '') notes.push(chosen.note);
    } else if (/^python-[a-z0-9]/.test(name) && list === undefined) {
      // Debian's Python Policy names a module's Python 3 package python3-<module>; Python 2's were python-<module>.
      check.push(`python3-${name.slice('python-'.length)}`);
      checkOld.push(name);
    } else {
      open.push(name);
    }
  }
  const out: Record<string, string> = { replacedObsolete: 'yes' };
  if (swaps.length > 0) out.replacedSwaps = swaps.join('; ');
  if (notes.length > 0) out.replacedNotes = notes.join(' ');
  if (aptSaid.length > 0) out.replacedAptSaid = `apt's own list of what replaces it: ${aptSaid.join('; ')}.`;
  if (check.length > 0) {
    out.replacedCheck = check.join(' ');
    out.replacedCheckOld = checkOld.join(' ');
  }
  if (open.length > 0) out.replacedOpen = open.join(' ');
  // apt lists python2 among the replacements: this release still ships Python 2's interpreter.
  if ([...reading.aptLists.values()].some((l) => l.map(bare).includes('python2'))) {
    out.replacedPython2 = 'apt lists python2 too: this release still ships the Python 2 interpreter, for code that cannot move to Python 3 yet.';
  }
  // The step's own install line with the swaps made, when every name has one and every word is plain.
  const args = aptInstallArguments(step?.instruction ?? '');
  if (args !== null && open.length === 0 && check.length === 0 && mapping.size > 0) {
    const words = args.split(/\s+/).filter((w) => w !== '' && w !== '\\');
    if (words.length > 0 && words.every((w) => plainWord.test(w)) && [...mapping.keys()].every((n) => words.includes(n))) {
      // `apt-get -y install …`: an option before `install` is not among the words; a build cannot answer apt's prompt.
      const rewritten: string[] = words.some((w) => (/^-[a-z]{0,20}$/.test(w) && w.includes('y')) || w === '--yes' || w === '--assume-yes') ? [] : ['-y'];
      for (const w of words) for (const n of mapping.get(w) ?? [w]) if (!rewritten.includes(n)) rewritten.push(n);
      out.replacedInstall = rewritten.join(' ');
    }
  }
  return out;
}
