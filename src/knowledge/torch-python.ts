// The CPython versions each torch minor release published wheels for, to explain pip's "No matching
// distribution found for torch==1.8.1" when every release it lists is newer: pip lists only releases that
// have a wheel for this Python and platform, so a list that starts above the pin usually means a Python
// newer than that release's wheels.
//
// Sources:
// - 1.0 … 2.3: the compatibility table of github.com/pytorch/vision README.md (commit 0a12c070), "torch /
//   torchvision / Python" (e.g. `1.8` · `0.9` · `>=3.6`, `<=3.9`).
// - 1.12 … 2.10: the "Release Compatibility Matrix" of pytorch/pytorch RELEASE.md (Python column; a version
//   marked "experimental" there is not counted).
// Where both cover a release they agree except 2.3 (torchvision's README: <=3.12; RELEASE.md: <=3.11, 3.12
// experimental): the table keeps RELEASE.md's supported range. pip may still list a release for a Python it
// only previews (1.13.0 for Python 3.11), so the oldest listed release, not this table, names the fallback pin.
// Python 2.7 wheels of 1.1 … 1.4 are left out (no image built today uses it).
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';
import { installCommand, installerOf } from './installer-forms.js';
import { pairedPackages } from './torch-wheels.js';

/** torch minor → [oldest, newest] CPython minor it supports. */
const pythonsOf: Readonly<Record<string, readonly [string, string]>> = {
  '1.0': ['3.5', '3.7'], '1.1': ['3.5', '3.7'], '1.2': ['3.5', '3.7'], '1.3': ['3.5', '3.7'], '1.4': ['3.5', '3.8'],
  '1.5': ['3.5', '3.8'], '1.6': ['3.6', '3.8'], '1.7': ['3.6', '3.9'], '1.8': ['3.6', '3.9'], '1.9': ['3.6', '3.9'],
  '1.10': ['3.6', '3.9'], '1.11': ['3.7', '3.10'], '1.12': ['3.7', '3.10'], '1.13': ['3.7', '3.10'], '2.0': ['3.8', '3.11'],
  '2.1': ['3.8', '3.11'], '2.2': ['3.8', '3.11'], '2.3': ['3.8', '3.11'], '2.4': ['3.8', '3.12'], '2.5': ['3.9', '3.12'],
  '2.6': ['3.9', '3.13'], '2.7': ['3.9', '3.13'], '2.8': ['3.9', '3.13'], '2.9': ['3.10', '3.14'], '2.10': ['3.10', '3.14'],
};

/** `1.8.1` → ['3.6', '3.9']; null for a release the table does not hold. */
export function torchPythons(version: string): readonly [string, string] | null {
  const m = /^(\d{1,2})\.(\d{1,2})(?:\.\d{1,3})?$/.exec(version.trim());
  return m ? (pythonsOf[`${m[1]}.${m[2]}`] ?? null) : null;
}

/** `3.11.7` / `3.11` → [3, 11]. */
function minorOf(python: string): [number, number] | null {
  const m = /^(\d)\.(\d{1,2})/.exec(python.trim());
  return m ? [Number(m[1]), Number(m[2])] : null;
}

function versionKey(v: string): number[] {
  return v.split('.').map((p) => Number.parseInt(p, 10));
}

function newer(a: string, b: string): boolean {
  const x = versionKey(a);
  const y = versionKey(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) > (y[i] ?? 0);
  }
  return false;
}

/**
 * `torch==1.8.1` with `(from versions: 1.13.0, …)`, all newer: the Pythons 1.8.1 has wheels for
 * (`torchPyRange`, `torchPyNewest`), what the log says of this Python (`torchPyNote`), and the oldest listed
 * release as a command in the step's installer (`torchPyOldestCmd`, with its torchvision / torchaudio when the
 * table knows them: `torchPyOldestLabel`). Absent unless the requirement is a plain torch pin the table holds and
 * every listed release is newer.
 */
export function torchPythonEnrich(
  captures: Readonly<Record<string, string>>,
  _step: Step | null,
  _model: BuildModel,
  facts: FactView,
): Record<string, string> {
  const pin = /^torch==(\d{1,2}\.\d{1,2}\.\d{1,3})$/.exec((captures.requirement ?? '').trim())?.[1];
  const range = pin === undefined ? null : torchPythons(pin);
  const listed = (captures.versions ?? '').split(',').map((v) => v.trim()).filter((v) => /^\d+(?:\.\d+){1,3}$/.test(v));
  if (pin === undefined || range === null || listed.length === 0 || !listed.every((v) => newer(v, pin))) return {};
  const oldest = listed.reduce((a, b) => (newer(a, b) ? b : a));
  const out: Record<string, string> = {
    torchPyRange: `${range[0]}–${range[1]}`,
    torchPyNewest: range[1],
    torchPyOldest: oldest,
    torchPyOldestCmd: installCommand(installerOf(facts), { requirements: [`torch==${oldest}`] }),
  };
  const paired = pairedPackages(oldest);
  out.torchPyOldestLabel = paired === null ? oldest : `${oldest} (released with torchvision ${paired.torchvision} and torchaudio ${paired.torchaudio})`;
  const python = facts.value('python');
  const have = python === null ? null : minorOf(python);
  const max = minorOf(range[1])!;
  if (python !== null && have !== null && (have[0] > max[0] || (have[0] === max[0] && have[1] > max[1]))) {
    out.torchPyNote = `This build's Python is ${python}, newer than every Python torch ${pin} supports.`;
  } else {
    out.torchPyNote =
      `The usual cause is a Python newer than ${range[1]} (\`python3 --version\` shows it); a CPU or OS without wheels of ${pin} gives the same list.`;
  }
  return out;
}
