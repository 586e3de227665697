// The `apk-pins` enricher: the pins on exact package builds (`python3=~3.10.10-r0`, `build-base=0.5-r2`) in the
// `apk add` of the failing step, for a failure whose cause the log does not keep. Alpine keeps only the newest build of
// each package in a stable branch (Alpine's Timo Teräs, quoted in gitlab.alpinelinux.org/alpine/abuild#9996), so a pin
// with its `-rN` stops resolving when the package is rebuilt (LiskArchive/lisk-service#1580, whose log is cut before
// apk's error, and #1662, which shows it: `breaks: world[curl~8.0]`). The ways to ease a pin: the same version with any
// build (`=~3.10.10`: `~` is a prefix match, apk-world(5); edu.chainguard.dev/open-source/wolfi/apk-version-selection:
// `foo=~4.5.6` takes 4.5.6-r7), or its major.minor (`=~3.10`), which also takes the patch releases the branch ships.
// `apk policy NAME` lists the versions the configured repositories have (apk-policy(8)).
// Options of `apk add` that take the next word (apk-add(8), apk(8)): `-t/--virtual NAME`, `-X/--repository REPO`,
// `-p/--root DIR`, `--repositories-file`, `--cache-dir`, `--keys-dir`, `--arch`, `--wait`, `--progress-fd`.
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';

const OPTIONS_WITH_VALUE = new Set(['-t', '--virtual', '-X', '--repository', '-p', '--root', '--repositories-file', '--cache-dir', '--keys-dir', '--arch', '--wait', '--progress-fd']);

/** A package spec: `name`, `name@tag`, with a constraint `=`, `~`, `=~`, `>=`, `<`, … and a version. */
const spec = /^(?<name>[a-z0-9][a-z0-9_.+-]{0,100}?)(?:@[\w-]{1,40})?(?:(?<op>=~|~|=|>=|<=|>~|<~|>|<)(?<version>\d[\w.]{0,60}?)(?:-r(?<rev>\d{1,5}))?)?$/;

/** The words after `apk add` (and its options) up to the end of that command, or null when the command has no `apk add`. */
export function apkAddWords(command: string): string[] | null {
  const words = command.split(/\s+/).filter((w) => w !== '' && w !== '\\');
  for (let i = 0; i < words.length; i++) {
    if (words[i]!.slice(words[i]!.lastIndexOf('/') + 1) !== 'apk') continue;
    let j = i + 1;
    while (j < words.length && words[j]!.startsWith('-')) j += OPTIONS_WITH_VALUE.has(words[j]!) ? 2 : 1;
    if (words[j] !== 'add') continue;
    const out: string[] = [];
    for (let k = j + 1; k < words.length; k++) {
      const word = words[k]!;
      const stop = word.search(/[;&|]/);
      const head = stop >= 0 ? word.slice(0, stop) : word;
      if (OPTIONS_WITH_VALUE.has(head)) k += 1;
      else if (head !== '' && !head.startsWith('-')) out.push(head);
      if (stop >= 0) break;
    }
    return out;
  }
  return null;
}

/**
 * `apkRevisionPins` (the pins on exact builds, as code spans), `apkPinnedNames` (every pinned package, for one `apk
 * policy`), `apkAnyBuild` (the whole list with each `-rN` dropped) and `apkMinorPins` (each pin eased to major.minor).
 * Absent unless the failing step's `apk add` pins at least one exact build and every word is a plain spec (a
 * variable or a quote would not survive being rewritten).
 */
export function apkPinsEnrich(_captures: Readonly<Record<string, string>>, step: Step | null, _model: BuildModel, _facts: FactView): Record<string, string> {
  const words = apkAddWords(step?.instruction ?? '');
  if (words === null || words.length === 0) return {};
  const specs = words.map((w) => spec.exec(w)?.groups);
  if (specs.some((g) => g === undefined)) return {};
  const pinned = specs.filter((g) => g!.op !== undefined) as Record<string, string | undefined>[];
  const revision = pinned.filter((g) => g.rev !== undefined && (g.op === '=' || g.op === '~' || g.op === '=~'));
  if (revision.length === 0) return {};
  const minor = (version: string): string => version.split('.').slice(0, 2).join('.');
  return {
    apkRevisionPins: revision.map((g) => `${g.name}${g.op}${g.version}-r${g.rev}`).join(', '),
    apkPinnedNames: pinned.map((g) => g.name).join(' '),
    apkAnyBuild: pinned.map((g) => (revision.includes(g) ? `${g.name}=~${g.version}` : `${g.name}${g.op}${g.version}${g.rev === undefined ? '' : `-r${g.rev}`}`)).join(' '),
    apkMinorPins: pinned.map((g) => (revision.includes(g) ? `${g.name}=~${minor(g.version!)}` : `${g.name}${g.op}${g.version}${g.rev === undefined ? '' : `-r${g.rev}`}`)).join(' '),
  };
}

/**
 * The `apk-pin-moved` enricher, for `breaks: world[python3=3.11.8-r0]` under `python3-3.11.9-r0:` (cybcon/modbus-server#38):
 * when the version the repository has is not a build of the pinned version, a pin eased to any build of it (`=~3.11.8`)
 * still matches nothing. Then `apkCandidateMinor` is the major.minor of the version the repository has (`3.11`), for a
 * `~` pin that does match it (`~` is a prefix match, apk-world(5); apk writes the same constraint in its own
 * `satisfies:` lines, `python3-3.11.9-r0[python3~3.11]`). Absent when the repository has a build of the pinned version, or an older one.
 */
export function apkPinMovedEnrich(captures: Readonly<Record<string, string>>, _step: Step | null, _model: BuildModel, _facts: FactView): Record<string, string> {
  const upstream = captures['context.breaksRevision.upstream'];
  const version = captures['context.candidate.version'];
  if (upstream === undefined || version === undefined) return {};
  const candidateUpstream = version.replace(/-r\d{1,5}$/, '');
  if (candidateUpstream === upstream) return {};
  const parts = candidateUpstream.split('.');
  const pinned = upstream.split('.');
  if ([...parts, ...pinned].some((p) => !/^\d{1,9}$/.test(p)) || parts.length < 2) return {};
  // only a repository ahead of the pin: a pin on a release the branch has not reached (3.12 on a 3.11 branch) is another story
  if (!numericallyAfter(parts.map(Number), pinned.map(Number))) return {};
  return { apkCandidateMinor: `${parts[0]}.${parts[1]}` };
}

/** Whether version `a` (numeric parts) comes after `b`. */
function numericallyAfter(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return false;
}
