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
import { pairedPackages, releaseInstall, torchReleases, wheelTagFor } from './torch-wheels.js';

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

/** The oldest release in the wheel table of the first torch minor whose Python range reaches `python` (`3.11` → 2.0.0). */
function firstReleaseFor(have: [number, number]): string | null {
  for (const [minor, range] of Object.entries(pythonsOf).sort(([a], [b]) => (newer(a, b) ? 1 : -1))) {
    const lo = minorOf(range[0])!;
    const hi = minorOf(range[1])!;
    const atLeastLo = have[0] > lo[0] || (have[0] === lo[0] && have[1] >= lo[1]);
    const atMostHi = have[0] < hi[0] || (have[0] === hi[0] && have[1] <= hi[1]);
    if (!atLeastLo || !atMostHi) continue;
    const rows = torchReleases.filter((r) => r.torch.startsWith(`${minor}.`));
    return rows.at(-1)?.torch ?? null;
  }
  return null;
}

/**
 * `torch==1.12.1+cu113` (or plain) asked under a Python newer than every one that release has wheels for,
 * the Python read from the log: no index has it, PyTorch's included. The two ways out: that release's
 * newest Python (`torchPyOutNewest`), or the first release with wheels for this Python, from the wheel
 * table, as its own install command on the CUDA index nearest the pin's (`torchPyOutCmd`).
 */
function pythonOutsideAdvice(pin: string, tag: string | undefined, range: readonly [string, string], facts: FactView): Record<string, string> {
  const python = facts.value('python');
  const have = python === null ? null : minorOf(python);
  const max = minorOf(range[1])!;
  if (python === null || have === null || !(have[0] > max[0] || (have[0] === max[0] && have[1] > max[1]))) return {};
  const out: Record<string, string> = {
    torchPyOutside: `torch ${pin} published wheels for Python ${range[0]}–${range[1]} only, on PyPI and on PyTorch's indexes alike; this environment's Python is ${python}`,
    torchPyOutNewest: range[1],
  };
  const first = firstReleaseFor(have);
  const row = first === null ? undefined : torchReleases.find((r) => r.torch === first);
  if (row === undefined) return out;
  const cuda = tag !== undefined && tag !== 'cpu' ? `${tag.slice(2, -1)}.${tag.slice(-1)}` : null;
  const fit = cuda === null ? null : (wheelTagFor(cuda, row.torch) ?? row.cudaTags[0]!);
  const installer = installerOf(facts);
  if (fit === null) {
    out.torchPyOutCmd = installCommand(installer, { requirements: [`torch==${row.torch}`, `torchvision==${row.torchvision}`, `torchaudio==${row.torchaudio}`] });
    out.torchPyOutNote = `torch ${row.torch} is the first release with wheels for Python ${have.join('.')}.`;
  } else {
    out.torchPyOutCmd = installCommand(installer, releaseInstall(row, fit));
    out.torchPyOutNote =
      `torch ${row.torch} is the first release with wheels for Python ${have.join('.')}; PyTorch built it for ${row.cudaTags.join(', ')}` +
      (row.cudaTags.includes(tag!) ? '.' : `, not ${tag}: ${fit} is the closest.`);
  }
  return out;
}

/** `3.8` → `3.7`; null below x.1. */
function previousMinor(python: string): string | null {
  const m = minorOf(python);
  return m === null || m[1] === 0 ? null : `${m[0]}.${m[1] - 1}`;
}

/**
 * `torch==2.6.0` with `(from versions: 1.4.0, …, 2.4.1)`, all older: pip lists only the releases with a wheel for this
 * Python and platform, and torch publishes wheels only. When the minor after the newest listed one raised its oldest
 * Python (2.4: 3.8–3.12, 2.5: 3.9–3.12), the list stops because of this Python: it is at least the newest listed minor's
 * oldest and older than the next one's, so 3.8 here (newlxj/DeepSeek-OCR-Web-UI#4: the image's Python was 3.8). A Python
 * the log shows is used instead of the reading. Keys: `torchPyOldPython` (the Python, as the log shows it or read from the
 * list), `torchPyOldWhy` (how that is known), `torchPyOldRange` (the Pythons the pin supports), `torchPyOldLowest` (its
 * oldest), `torchPyOldNewestCmd` (the newest listed release as a command) and `torchPyOldNewestLabel` (with its torchvision /
 * torchaudio when the table knows them).
 */
function pythonTooOldAdvice(pin: string, range: readonly [string, string], listed: string[], facts: FactView): Record<string, string> {
  const newest = listed.reduce((a, b) => (newer(a, b) ? a : b));
  const minor = /^(\d{1,2}\.\d{1,2})/.exec(newest)?.[1] ?? '';
  const newestRange = pythonsOf[minor];
  const nextMinor = Object.keys(pythonsOf)
    .filter((m) => newer(m, minor))
    .sort((a, b) => (newer(a, b) ? 1 : -1))[0];
  const nextRange = nextMinor === undefined ? undefined : pythonsOf[nextMinor];
  const lowest = minorOf(range[0])!;
  const python = facts.value('python');
  const have = python === null ? null : minorOf(python);
  let reading: { python: string; why: string } | null = null;
  if (python !== null && have !== null) {
    if (have[0] < lowest[0] || (have[0] === lowest[0] && have[1] < lowest[1])) reading = { python, why: `the log shows Python ${python}` };
  } else if (newestRange !== undefined && nextRange !== undefined && newer(nextRange[0], newestRange[0]) && newer(range[0], newestRange[0])) {
    const top = previousMinor(nextRange[0]);
    const span = top === null || top === newestRange[0] ? newestRange[0] : `${newestRange[0]}–${top}`;
    reading = {
      python: span,
      why:
        `the newest release pip lists is ${newest}, and torch ${nextMinor} is the first release without wheels for Python ${top ?? newestRange[0]} ` +
        `(torch ${minor} supports Python ${newestRange[0]}–${newestRange[1]}, torch ${nextMinor} ${nextRange[0]}–${nextRange[1]}): ` +
        'pip lists only the releases with a wheel for the Python that runs it',
    };
  }
  if (reading === null) return {};
  const paired = pairedPackages(newest);
  return {
    torchPyOldPython: reading.python,
    torchPyOldWhy: reading.why,
    torchPyOldRange: `${range[0]}–${range[1]}`,
    torchPyOldLowest: range[0],
    torchPyOldNewest: newest,
    torchPyOldNewestCmd: installCommand(installerOf(facts), { requirements: [`torch==${newest}`] }),
    torchPyOldNewestLabel: paired === null ? newest : `${newest} (released with torchvision ${paired.torchvision} and torchaudio ${paired.torchaudio})`,
  };
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
  const asked = /^torch==(\d{1,2}\.\d{1,2}\.\d{1,3})(?:\+(cu\d{2,3}|cpu))?$/.exec((captures.requirement ?? '').trim());
  const pin = asked?.[1];
  const range = pin === undefined ? null : torchPythons(pin);
  if (pin === undefined || range === null) return {};
  const listed = (captures.versions ?? '').split(',').map((v) => v.trim()).filter((v) => /^\d+(?:\.\d+){1,3}$/.test(v));
  // every release listed older than the pin: the list stops where this Python's wheels stop
  if (asked?.[2] === undefined && listed.length > 0 && listed.every((v) => newer(pin, v))) return pythonTooOldAdvice(pin, range, listed, facts);
  // a list pip printed, every release newer, names the fallback itself; else the Python the log shows can
  if (asked?.[2] !== undefined || listed.length === 0 || !listed.every((v) => newer(v, pin))) return pythonOutsideAdvice(pin, asked?.[2], range, facts);
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
