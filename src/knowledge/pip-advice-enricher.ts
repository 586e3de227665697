// The `pip-advice` enricher: install commands in the form of the installer the step used (pip,
// uv, conda / mamba, poetry; installer-forms.ts), each naming a requirement the log shows, and
// the requirement pair of a ResolutionImpossible (pip-conflict.ts). A key is absent when its inputs
// are not in the log: rules only use a key in a variant whose context guarantees the input.
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';
import { unreleasedFloorEnrich } from './unreleased-floor-enricher.js';
import { dryRunCommand, inPipForm, installCommand, installerOf, pipFormOf, type Installer } from './installer-forms.js';
import { failedRunCommand } from './installer-command-enricher.js';
import { quoteWord } from '../text/shell-words.js';
import { compatibleRange, describeConflict, findConflict, normaliseProject, parseCauses, pinnedVersion, satisfies } from './pip-conflict.js';
import { indexUrl, releasesForCuda, torchRelease, torchReleases, wheelTagFor } from './torch-wheels.js';
import { torchIndexReleaseEnrich } from './torch-index-release-enricher.js';
import { torchPairAdvice } from './torch-pair-conflict.js';
import { findLinksPage, findLinksRelease, findLinksReleases, unversionedPage, unversionedPageReleases, type FindLinksRelease } from './torch-find-links.js';

/** `flash-attn[full]` → `flash-attn`: a requirement's name without its extras (sliced: no regex on log text). */
function withoutExtras(requirement: string): string {
  const bracket = requirement.indexOf('[');
  return bracket < 0 ? requirement : requirement.slice(0, bracket);
}

/** The capture keys that name the package a rule is about, most specific first. */
const packageKeys = ['context.requestedBy.by', 'package', 'context.named.name', 'context.package.name', 'context.still.package', 'requirer', 'requirement', 'context.sourceDir.name'];

/** A package name as a requirement: `flash_attn` stays, `lm-eval[api]` keeps its extras. */
function cleanName(value: string | undefined): string | null {
  const m = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}(?:\[[\w,.-]{1,200}\])?/.exec((value ?? '').trim());
  return m ? m[0] : null;
}

/**
 * pip options that take the next word as their value: every `--option <value>` of `pip install --help` (pip 23.2.1, install
 * and general options alike: `--trusted-host pypi.doubanio.com` after `-i …` is an option's value, not a requirement), and
 * `-e` / `--editable`, `-p`.
 */
const optionsWithValue = new Set([
  '-c', '--constraint', '-e', '--editable', '-i', '--index-url', '--extra-index-url', '-f', '--find-links', '-t', '--target', '--prefix',
  '--root', '--platform', '--python-version', '--implementation', '--abi', '--only-binary', '--no-binary', '--progress-bar', '--timeout',
  '--retries', '--cache-dir', '--src', '--upgrade-strategy', '--report', '-C', '--config-settings', '--global-option', '--python', '-p',
  '--trusted-host', '--proxy', '--cert', '--client-cert', '--exists-action', '--log', '--keyring-provider', '--root-user-action',
  '--use-feature', '--use-deprecated',
]);

const PIP = /\b(?:uv\s+pip|pip3?|python3?(?:\.\d{1,2})?\s+-m\s+pip)\s+/g;

/**
 * What follows the first `pip install` of an instruction, up to the end of its command. pip's general options may come
 * before the command (`pip3 --no-cache-dir install …`, `pip --disable-pip-version-check install …`): up to six are skipped.
 */
function installArguments(instruction: string): string | null {
  for (const m of instruction.matchAll(PIP)) {
    const command = instruction.slice(m.index + m[0].length).split(/[;&|\n]/, 1)[0]!;
    const words = command.split(/\s+/);
    let i = 0;
    while (i < words.length && i < 6 && words[i]!.startsWith('-')) i++;
    if (words[i] === 'install') return words.slice(i + 1).join(' ');
  }
  return null;
}

/** The requirements of the first `pip install` / `uv pip install` in an instruction: `numpy scipy`, `-r requirements.txt`, `.`. */
export function instructionRequirements(instruction: string): string | null {
  const args = installArguments(instruction);
  if (args === null) return null;
  const words = args.trim().split(/\s+/).filter((w) => w !== '' && w !== '\\');
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === '-r' || w === '--requirement') {
      if (words[i + 1] !== undefined) out.push('-r', words[++i]!);
      continue;
    }
    if (w.startsWith('-')) {
      if (optionsWithValue.has(w)) i++;
      continue;
    }
    if (w.includes('$')) return null; // a variable: the command would not name what it installs
    out.push(w.replace(/^["']|["']$/g, ''));
  }
  return out.length > 0 ? out.join(' ') : null;
}

/** The requirement a command should name: the captured package, else what the step's instruction installs. */
export function requirementOf(captures: Readonly<Record<string, string>>, step: Step | null): string | null {
  const instruction = step?.instruction ?? '';
  for (const key of packageKeys) {
    const name = cleanName(captures[key]);
    if (name !== null) return withInstructionSpec(name, instruction);
  }
  return instructionRequirements(instruction);
}

/** `flash-attn` with `RUN pip install flash-attn==2.6.3` → `flash-attn==2.6.3`: keep the version the Dockerfile asks for. */
function withInstructionSpec(name: string, instruction: string): string {
  const want = normaliseProject(withoutExtras(name));
  for (const word of instruction.split(/\s+/)) {
    const w = word.replace(/^["']|["']$/g, '');
    const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)(\[[\w,.-]+\])?((?:===?|~=|>=|<=)[\w.*+!-]+)$/.exec(w);
    if (m && normaliseProject(m[1]!) === want) return w;
  }
  return name;
}

/** Each word of `requirement` (`-r file`, `numpy scipy`) goes to installCommand on its own, so each is quoted only if it needs it. */
function install(
  installer: Installer,
  requirement: string,
  opts: { noBuildIsolation?: boolean; constraint?: string; breakSystemPackages?: boolean; indexUrl?: string; findLinks?: string } = {},
): string {
  return installCommand(installer, { requirements: requirement.split(/\s+/), ...opts });
}

function verboseCommand(installer: Installer, requirement: string): string {
  // each word quoted where the shell would read it (`'pkg<2'`), as installCommand does
  const req = requirement.split(/\s+/).map(quoteWord).join(' ');
  if (installer === 'uv') return `uv pip install -v --no-cache ${req}`;
  if (installer === 'pip') return `pip install -v --no-cache-dir ${req}`;
  return `python -m pip install -v --no-cache-dir ${req}`;
}

/** Cause lines pip printed, from the step's kept output and from the rule's captures (pastes have no step). */
function causeLines(captures: Readonly<Record<string, string>>, step: Step | null): string[] {
  const lines = [...(step?.tail ?? [])];
  const dep = (r?: string, v?: string, req?: string) => (r && v && req ? `${r} ${v} depends on ${req}` : null);
  const pin = captures['context.constraint.pin'];
  for (const l of [
    pin ? `The user requested (constraint) ${pin}` : null,
    captures.requested && captures.requested !== pin ? `The user requested ${captures.requested}` : null,
    dep(captures.requirer, captures.requirerVersion, captures.requirement),
    dep(captures['context.lastDep.requirer'], captures['context.lastDep.version'], captures['context.lastDep.req']),
  ]) {
    if (l !== null) lines.push(l);
  }
  return lines;
}

/** `Successfully installed torch-2.3.0 vllm-0.5.1` and `vllm` → `0.5.1` (names compared the PEP 503 way). */
export function settledVersion(line: string | undefined, requirement: string | null): string | null {
  if (line === undefined || requirement === null) return null;
  const want = normaliseProject(withoutExtras(requirement));
  const at = line.indexOf('Successfully installed ');
  const list = at < 0 ? '' : line.slice(at + 'Successfully installed '.length);
  for (const token of list.split(/\s+/)) {
    const m = /^([A-Za-z0-9][A-Za-z0-9._-]{0,100}?)-(\d\S{0,60})$/.exec(token);
    if (m && normaliseProject(m[1]!) === want) return m[2]!;
  }
  return null;
}

/** CPU wheels' index, as pytorch.org/get-started/previous-versions writes it (`--index-url https://download.pytorch.org/whl/cpu`). */
const CPU_INDEX = 'https://download.pytorch.org/whl/cpu';

/** `cu121` → `12.1`. */
function tagCuda(tag: string): string {
  return `${tag.slice(2, -1)}.${tag.slice(-1)}`;
}

/** `2.1.0` → [2, 1]; null for anything else. */
function majorMinor(version: string): [number, number] | null {
  const m = /^(\d{1,3})\.(\d{1,3})/.exec(version);
  return m ? [Number(m[1]), Number(m[2])] : null;
}

/** A release before 1.11, the first one PyTorch published on per-CUDA indexes. */
function beforeIndexes(version: string): boolean {
  const v = majorMinor(version);
  return v !== null && (v[0] < 1 || (v[0] === 1 && v[1] < 11));
}

/**
 * The index for `torch==version+tag` of a release published on indexes (1.11 and later): the tag itself
 * when the table says that release was published for it; else the release's tag that fits the toolkit (or
 * the asked CUDA); else, for a release the table does not hold, the index of the tag (or the closest one).
 * The command names the version without its local part, so pip takes the build the index has. Null for an
 * older release the find-links table does not hold either: no index is claimed for it.
 */
function localIndex(name: string, version: string, tag: string, cuda: string | null): { url: string; note: string } | null {
  if (tag === 'cpu') return { url: CPU_INDEX, note: `CPU builds are on PyTorch's cpu index.` };
  const torchVersion = name === 'torch' ? version : null;
  const release = torchVersion !== null ? torchRelease(torchVersion) : null;
  if (release !== null) {
    const published = `PyTorch published torch ${release.torch} for ${release.cudaTags.join(', ')}`;
    if (release.cudaTags.includes(tag)) return { url: indexUrl(tag)!, note: `${published}: the ${tag} index has it.` };
    const fit = wheelTagFor(cuda ?? tagCuda(tag), release.torch) ?? release.cudaTags[release.cudaTags.length - 1]!;
    return { url: indexUrl(fit)!, note: `${published}, not for ${tag}: ${fit} is the closest${cuda ? ` to this image's CUDA ${cuda}` : ''}.` };
  }
  if (beforeIndexes(version)) return null;
  const fit = wheelTagFor(tagCuda(tag)) ?? tag;
  return { url: indexUrl(fit) ?? indexUrl(tag)!, note: '' };
}

/** The find-links row of `name==version` (torch or torchvision; torchaudio had no CUDA builds then). */
function findLinksRow(name: string, version: string): FindLinksRelease | null {
  if (name === 'torch') return findLinksRelease(version);
  if (name === 'torchvision') return findLinksReleases.find((r) => r.torchvision === version) ?? null;
  return null;
}

/** The version of `name` in a find-links row. */
function versionIn(row: FindLinksRelease, name: string): string {
  return name === 'torchvision' ? row.torchvision : row.torch;
}

/** `cu111` of `cu102, cu111` for CUDA 11.8: the newest tag of the same major whose minor is not above it. */
function closestTag(tags: readonly string[], cuda: string): string | null {
  const want = majorMinor(cuda);
  let best: string | null = null;
  for (const t of tags) {
    const have = majorMinor(tagCuda(t));
    if (want === null || have === null || have[0] !== want[0] || have[1] > want[1]) continue;
    if (best === null || majorMinor(tagCuda(best))![1] < have[1]) best = t;
  }
  return best;
}

/**
 * A `+tag` pin of a release older than PyTorch's per-CUDA indexes (torch-find-links.ts): its builds are on a
 * find-links page, and the pin keeps its local version there (`-f` lists every build of the release). Keys:
 * `localFindLinksCmd` / `localFindLinksNote`, or `localPlainCmd` (the tag is the plain PyPI build), or
 * `localUnversionedPage` (1.0 / 1.1: no local versions at all), each with `localLegacyNote`.
 */
function legacyLocalAdvice(installer: Installer, name: string, version: string, tag: string, cuda: string | null): Record<string, string> {
  const pinned = unversionedPage(version, tag);
  if (name === 'torch' && pinned !== null) {
    return {
      localUnversionedPage: pinned,
      localLegacyNote:
        `torch ${version}'s CUDA wheels were published on ${pinned} without a local version, so no +${tag} pin matches them: ` +
        `pin torch==${version} and install the wheel for this Python from that page by its URL (PyPI's torch==${version} is another CUDA build).`,
    };
  }
  if (name === 'torch' && unversionedPageReleases[version] !== undefined) {
    return { localLegacyNote: `PyTorch published torch ${version} for ${unversionedPageReleases[version]!.join(', ')} only, on pages without local versions; no ${tag} build exists.` };
  }
  const row = findLinksRow(name, version);
  if (row === null) return {};
  const paired = (t: string): string =>
    name === 'torch' ? `; released with it: torchvision ${row.torchvision}+${t}${row.torchaudio ? `, torchaudio ${row.torchaudio}` : ''}` : '';
  const onPage = (t: string): Record<string, string> => ({
    localFindLinksCmd: install(installer, `${name}==${version}+${t}`, { findLinks: findLinksPage(row, t) }),
  });
  if (tag === 'cpu' || row.cudaTags.includes(tag)) {
    return {
      ...onPage(tag),
      localLegacyNote:
        `torch ${row.torch} came before PyTorch's per-CUDA indexes: its +${tag} build is listed on a find-links page, ` +
        `not an index, and the pin keeps its local version${paired(tag)}.`,
    };
  }
  const published = `PyTorch published ${name} ${version} for ${row.cudaTags.join(', ')}${row.pypiCuda ? ` and, as the plain PyPI release, for CUDA ${row.pypiCuda}` : ''}`;
  if (row.pypiCuda !== undefined && tagCuda(tag) === row.pypiCuda) {
    return {
      localPlainCmd: install(installer, `${name}==${versionIn(row, name)}`),
      localLegacyNote: `${published}: the CUDA ${row.pypiCuda} build is the plain release, with no +${tag} build of its own.`,
    };
  }
  const first = releasesForCuda(tag).at(-1)?.torch;
  const closest = closestTag(row.cudaTags, cuda ?? tagCuda(tag));
  const note =
    `${published}; no ${tag} build of it exists` +
    (first !== undefined ? ` (the first torch with ${tag} builds is ${first})` : '') +
    (closest !== null ? `. The closest build of this release is ${closest}` : '') +
    '.';
  return closest === null ? { localLegacyNote: note } : { ...onPage(closest), localLegacyNote: note };
}

/** `1.9.0` for 1.9.1 out of `1.8.0, 1.8.1, 1.9.0, 1.10.0`: the highest listed release not above `version`, or null. */
export function nearestPlainRelease(version: string, versions: string | undefined): string | null {
  const key = (v: string): number[] => v.split('.').map((p) => Number.parseInt(p, 10));
  const notAbove = (a: number[], b: number[]): boolean => {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const x = a[i] ?? 0;
      const y = b[i] ?? 0;
      if (x !== y) return x < y;
    }
    return true;
  };
  const wanted = key(version);
  const listed = (versions ?? '').split(',').map((v) => v.trim()).filter((v) => /^\d+(?:\.\d+){0,3}$/.test(v));
  const fits = listed.filter((v) => notAbove(key(v), wanted));
  if (fits.length === 0) return null;
  return fits.reduce((best, v) => (notAbove(key(best), key(v)) ? v : best));
}

/**
 * What to pin when only plain releases fit: the nearest one at or below the asked version, or, when every
 * listed release is newer (`1.4.0` asked, `1.8.0, …` listed: this Python came after that release), the
 * oldest listed one and the other way out, a Python that release was built for. The command goes in a
 * code span of the template (`plainPinLead` `plainPinCmd` `plainPinTail`).
 */
function plainPinAdvice(installer: Installer, name: string, version: string, versions: string | undefined): Record<string, string> {
  const plain = nearestPlainRelease(version, versions);
  if (plain !== null) {
    return { plainPinLead: 'Pin a plain release from that list, the nearest to the one asked:', plainPinCmd: install(installer, `${name}==${plain}`) };
  }
  const oldest = (versions ?? '').split(',').map((v) => v.trim()).find((v) => /^\d+(?:\.\d+){0,3}$/.test(v));
  if (oldest === undefined) {
    return { plainPinLead: `Pin a plain release of ${name} that this Python and platform have, as listed by`, plainPinCmd: `pip index versions ${name}` };
  }
  return {
    plainPinLead: `Every release in that list is newer than ${version}: this Python and platform have no build of ${name} ${version} at all. Pin the oldest listed one,`,
    plainPinCmd: install(installer, `${name}==${oldest}`),
    plainPinTail: `, or keep ${version} on a base image with an older Python, one that release was built for`,
  };
}

/** `[major, minor]` of a pip version, or null. */
function pipMajorMinor(version: string | undefined): [number, number] | null {
  const m = /^(\d+)\.(\d+)/.exec(version ?? '');
  return m ? [Number(m[1]), Number(m[2])] : null;
}

/**
 * The pip the log shows (its upgrade notice), when older than the helper commands: `pip index` came in 21.2 (pip NEWS,
 * 21.2), `pip install --dry-run --report` in 22.2 (pip docs, installation-report, "versionadded 22.2").
 * `conflictPipOld`: older than 22.2; `conflictPipNoIndex`: older than 21.2 too.
 */
export function conflictPipFlags(version: string | undefined): Record<string, string> {
  const v = pipMajorMinor(version);
  if (v === null) return {};
  const before = (major: number, minor: number): boolean => v[0] < major || (v[0] === major && v[1] < minor);
  if (!before(22, 2)) return {};
  return before(21, 2) ? { conflictPipOld: version!, conflictPipNoIndex: version! } : { conflictPipOld: version! };
}

/**
 * A dependency pins a local build (`torch-npu 2.3.1 depends on torch==2.3.1+cpu`, InternLM/lmdeploy#2745) and the
 * other side asks for the plain release: under PEP 440 the plain release does not match a pin with a local label, and
 * local builds are not on PyPI. PyTorch publishes its `+cpu` / `+cuNNN` builds on download.pytorch.org/whl/<label>
 * (https://pytorch.org/get-started/previous-versions/); for another project the index is what to find out.
 * `--no-deps` (pip's `install` options) installs a package without its dependencies.
 */
function localPinAdvice(wanted: { requirement: string; project: string }, against: { requirement: string }, requirer: string): string | undefined {
  const pin = /==\s{0,5}([^\s,;]{1,100}\+([a-z0-9.]{1,40}))$/i.exec(against.requirement.trim());
  if (pin === null || /\+/.test(wanted.requirement)) return undefined;
  const [, version, label] = pin;
  const spec = `${wanted.project}==${version!}`;
  const torchLike = /^torch(?:vision|audio)?$/i.test(wanted.project) && /^(?:cpu|cu\d{2,3})$/i.test(label!);
  const where = torchLike
    ? `PyTorch publishes its \`+${label!}\` builds on https://download.pytorch.org/whl/${label!.toLowerCase()}, not on PyPI; ` +
      `check that it has one for this Python and platform with \`pip download --no-deps --index-url https://download.pytorch.org/whl/${label!.toLowerCase()} "${spec}"\``
    : `a local build is not on PyPI: ${requirer}'s install docs name the index that publishes it`;
  return (
    `${requirer} pins the local build ${spec}, and a plain ${wanted.project} release does not satisfy that pin (PEP 440 compares the ` +
    `\`+${label!}\` label when the pin has one). Either ask for ${spec} yourself, from the index that has it (${where}), or install ` +
    `${wanted.project} first and then ${requirer} with \`--no-deps\`, so pip does not enforce its pin (check afterwards that it imports).`
  );
}

/**
 * The other side asks for a compatible release (`tensorflow 2.6.4 depends on numpy~=1.19.2`): the range it accepts, in
 * words (compatibleRange), so the fix can say which releases of the project fit it.
 */
function compatibleAdvice(wanted: { requirement: string; project: string }, against: { requirement: string; requirerVersion?: string | null }, requirer: string, other: string): string | undefined {
  const range = compatibleRange(against.requirement);
  if (range === null) return undefined;
  const spec = against.requirement.trim();
  return (
    `\`${spec}\` means >=${range.lower} and <${range.upper} (PEP 440's compatible release), and ${wanted.requirement.trim()} is ` +
    `outside it. Make the two agree: pin ${wanted.project} in ${other} to a release in that range (\`${spec}\` takes the newest ` +
    `one), or install a release of ${requirer} whose requirement accepts ${wanted.requirement.trim()} (its release notes, or ` +
    `the \`Requires-Dist\` of its wheels on PyPI, list what each release requires).`
  );
}

/**
 * pip was asked for one package (`Cannot install unsloth because …`: pip names the requirement that brought the conflicting
 * dependencies in, pip 23.2.1 factory.py `describe_trigger`) and the pair is two of its dependencies, neither the user's
 * request (unslothai/unsloth#1136: `xformers 0.0.24 depends on torch==2.2.0` from the `[cu121-ampere-torch220]` extra,
 * `unsloth-zoo 2024.10.1 depends on torch>=2.4.0` from the current release). Neither pin is the user's to relax; what the user
 * chooses is the extra and the release of that package. A release's extras are `Provides-Extra` lines of the core metadata
 * in a wheel's `*.dist-info/METADATA` (beside `Requires-Dist`; the installed METADATA files on this machine carry them, e.g.
 * `Provides-Extra: test`), and `pip download --no-deps -d <dir>` fetches a release without its dependencies (pip 23.2.1's
 * `pip download --help`). In pyproject.toml the extras are the `[project.optional-dependencies]` table (PEP 621).
 */
function dependencyTreeAdvice(
  conflict: NonNullable<ReturnType<typeof findConflict>>,
  causes: ReturnType<typeof parseCauses>,
  captures: Readonly<Record<string, string>>,
): { top: string; advice: Record<string, string> } | null {
  const top = captures['context.oneTrigger.name'];
  if (top === undefined || conflict.wanted.requirer === null || causes.some((c) => c.requirer === null)) return null;
  const topName = normaliseProject(top);
  const sides = [conflict.wanted.requirer, conflict.against.requirer!];
  if (sides.some((r) => normaliseProject(withoutExtras(r)) === topName)) return null;
  // the extra, when pip names it (`Cannot install hanlp[full]`, or a cause line `unstructured[pdf] 0.11.8 depends on …`)
  const fromLine = causes.find((c) => c.requirer !== null && normaliseProject(withoutExtras(c.requirer)) === topName && c.requirer.includes('['));
  const extra = captures['context.oneTrigger.extra'] ?? (fromLine ? fromLine.requirer!.slice(fromLine.requirer!.indexOf('[') + 1, -1) : undefined);
  const w = conflict.wanted;
  const a = conflict.against;
  return {
    top,
    advice: {
      treeTop: top,
      treeWanted: `${w.requirer} ${w.requirerVersion}`,
      treeWantedReq: w.requirement.trim(),
      treeAgainst: `${a.requirer} ${a.requirerVersion}`,
      treeFloor: a.requirement.trim(),
      ...(extra !== undefined ? { treeExtra: `${top}[${extra}]` } : {}),
    },
  };
}

function conflictCommands(installer: Installer, requirer: string, pipVersion?: string): Record<string, string> {
  return {
    ...conflictPipFlags(pipVersion),
    conflictRequirer: requirer,
    conflictDryRun: dryRunCommand('pip', requirer),
    conflictVersions: `pip index versions ${requirer}`,
    conflictOptional: install(installer, requirer),
  };
}

/**
 * The command that puts a module a setup.py imports into the Python itself (pip's legacy `setup.py
 * egg_info` runs there): `moduleFirstCmd`. torch comes from PyTorch's index for the CUDA the log
 * shows (`torchCuda`, else the toolkit's `cuda`, the newest index tag of its major not above it);
 * with neither, no command: the fix says how to find the CUDA (`moduleFirstNote` stays unset too).
 */
function missingModuleInstall(installer: Installer, module: string, facts: FactView): Record<string, string> {
  if (module !== 'torch') return { moduleFirstCmd: install(installer, module) };
  const torchCuda = facts.value('torchCuda');
  const cuda = facts.value('cuda');
  const tag = torchCuda ?? (cuda !== null ? wheelTagFor(cuda) : null);
  const url = tag === 'cpu' ? CPU_INDEX : tag !== null ? indexUrl(tag) : null;
  if (tag === null || url === null) return {};
  const why = torchCuda !== null ? `the CUDA build the log shows (${tag})` : `CUDA ${cuda}, as the log shows`;
  return { moduleFirstCmd: install(installer, 'torch', { indexUrl: url }), moduleFirstNote: `The index is PyTorch's for ${why}.` };
}

export function pipAdviceEnrich(
  captures: Readonly<Record<string, string>>,
  step: Step | null,
  _model: BuildModel,
  facts: FactView,
): Record<string, string> {
  // uv's own resolver report (`No solution found when resolving dependencies`) says the installer, whatever the facts
  const uvReport = captures['context.uv'] !== undefined;
  const installer = uvReport ? 'uv' : installerOf(facts);
  const out: Record<string, string> = { installer: uvReport ? 'uv' : (facts.value('installer') ?? 'pip') };
  const requirement = requirementOf(captures, step);
  if (requirement !== null) {
    out.requirement = requirement;
    // the project's name alone (`cadquery-ocp` of `cadquery-ocp<7.9,>=7.8`): its page on PyPI, https://pypi.org/project/<name>/
    const project = /^[A-Za-z0-9][A-Za-z0-9._-]*/.exec(requirement);
    if (project !== null) out.project = project[0];
    out.noIsolationCmd = install(installer, requirement, { noBuildIsolation: true });
    out.verboseCmd = verboseCommand(installer, requirement);
    out.installCmd = install(installer, requirement);
    out.breakCmd = install(installer, requirement, { breakSystemPackages: true });
    out.constrainedCmd = install(installer, requirement, { constraint: '/opt/base-constraints.txt' });
    if (installer !== 'uv' && /^[A-Za-z0-9][^\s]*$/.test(requirement)) {
      out.dryRunCmd = dryRunCommand('pip', requirement);
      out.versionsCmd = `pip index versions ${/^[A-Za-z0-9][A-Za-z0-9._-]*/.exec(requirement)![0]}`;
    }
  }

  const causes = parseCauses(causeLines(captures, step));
  const conflict = findConflict(causes);
  const firstDep = causes.find((c) => c.requirer !== null);
  if (conflict !== null) {
    const requirer = withoutExtras(conflict.against.requirer!);
    const other = conflict.wanted.requirer === null
      ? conflict.wanted.constraint ? 'the constraints file' : 'your own request'
      : conflict.wanted.requirer;
    Object.assign(out, conflictCommands(installer, requirer, captures['context.pipVersion.version']), {
      conflict: describeConflict(conflict),
      conflictAdvice: localPinAdvice(conflict.wanted, conflict.against, requirer) ??
        compatibleAdvice(conflict.wanted, conflict.against, requirer, other) ??
        `Make the two agree: relax the pin on ${conflict.wanted.project} in ${other}, or install a release of ${requirer} whose requirement accepts it.`,
    });
    const tree = dependencyTreeAdvice(conflict, causes, captures);
    if (tree !== null) Object.assign(out, conflictCommands(installer, tree.top, captures['context.pipVersion.version']), tree.advice);
    // torch against torchvision / torchaudio: the pair each release pins (torch-pair-conflict.ts)
    const pair = torchPairAdvice(conflict, out.conflictPipOld ?? null);
    if (pair !== null) Object.assign(out, pair);
  } else if (firstDep !== undefined) {
    // Every requirement in the block agrees, yet nothing resolves: no release of the dependency fits (pip 26 says so in words).
    const requirer = withoutExtras(firstDep.requirer!);
    const others = causes.filter((c) => c.requirer !== null && c.requirer === firstDep.requirer && c !== firstDep).length;
    Object.assign(out, conflictCommands(installer, requirer, captures['context.pipVersion.version']), {
      conflict:
        `${firstDep.requirer} ${firstDep.requirerVersion}${others > 0 ? ` (and ${others} other release${others === 1 ? '' : 's'})` : ''} ` +
        `depends on ${firstDep.requirement}, and pip found no release of ${firstDep.project} it could install here`,
      conflictAdvice:
        `Check that ${firstDep.project} is published on the index this build uses, for this Python and platform ` +
        `(pip index versions ${firstDep.project}), or install a release of ${requirer} that does not need it.`,
    });
    // A request or constraint pins one version that every requirement on it accepts: no file of that release installs here
    // (aboutcode-org/vulnerablecode#2426: `The user requested (constraint) extractcode-7z==16.5.210531`, x86_64 wheels only).
    const pin = causes.find((c) => c.requirer === null && c.project === firstDep.project && pinnedVersion(c.requirement) !== null);
    const deps = causes.filter((c) => c.requirer !== null && c.project === firstDep.project);
    const version = pin === undefined ? null : pinnedVersion(pin.requirement);
    if (pin !== undefined && version !== null && deps.length > 0 && deps.every((d) => satisfies(d.requirement, version) === true)) {
      const name = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(pin.requirement)?.[1] ?? firstDep.project;
      Object.assign(out, {
        noFileProject: name,
        noFileVersion: version,
        noFilePin: `the pinned \`${pin.requirement.split(';')[0]!.trim()}\`${pin.constraint ? ' (constraints file)' : ''}`,
        noFileBy: `${firstDep.requirer} ${firstDep.requirerVersion}'s \`${firstDep.requirement.split(';')[0]!.trim()}\``,
      });
    }
  }

  // Build isolation: what the build needs installed first. torch already in the image (NGC ships it,
  // or the log shows it) is not installed again: a PyPI torch would replace the image's build.
  const module = captures.module;
  if (module !== undefined) {
    const torchInImage = facts.value('torch') !== null || facts.value('imageFlavour') === 'ngc' || /^pytorch\/pytorch:/.test(facts.value('baseImage') ?? '');
    const deps = module === 'torch' && torchInImage ? [] : [module];
    out.buildDepsCmd = installCommand(installer, { requirements: [...deps, 'ninja', 'packaging', 'wheel', 'setuptools'] });
    Object.assign(out, missingModuleInstall(installer, module, facts));
  }

  // Resolver backtracking: how far pip went (its reporter's thresholds), and the release it settled on.
  if (captures['context.longer'] !== undefined) {
    out.rejectNote = `: it rejected at least 13 candidate versions of ${captures['context.still.package'] ?? 'one of them'} and printed "This is taking longer than usual"`;
  } else if (captures['context.still'] !== undefined) {
    out.rejectNote = `: it rejected at least 8 candidate versions of ${captures['context.still.package'] ?? 'one of them'}`;
  }
  const settled = settledVersion(captures['context.installed'], requirement);
  if (requirement !== null && settled !== null) {
    out.settledNote = `pip settled on ${requirement} ${settled} (the Successfully installed line).`;
    out.pinCmd = install(installer, `${requirement}==${settled}`);
  } else if (requirement !== null) {
    out.settledNote = `The installed line does not name ${requirement}; find the release with ${out.versionsCmd ?? 'pip index versions'}.`;
    out.pinCmd = out.versionsCmd ?? install(installer, requirement);
  }

  // A `+cuNNN` / `+cpu` local version asked of an index that does not have it: the PyTorch index that does.
  // pip's `requirement`, or uv's `there is no version of torch==1.6.0+cu101`
  const localSpec = captures['context.uvLocal.spec'] ?? captures.requirement ?? '';
  const local = /^(?<name>torch(?:vision|audio)?)==(?<version>[\w.]+)\+(?<tag>cu\d{2,3}|cpu)$/.exec(localSpec.trim());
  if (local?.groups) {
    const { name, version, tag } = local.groups as { name: string; version: string; tag: string };
    if (beforeIndexes(version)) {
      Object.assign(out, legacyLocalAdvice(installer, name, version, tag, facts.value('cuda')));
    } else {
      const advice = localIndex(name, version, tag, facts.value('cuda'));
      if (advice !== null) {
        out.localIndexCmd = install(installer, `${name}==${version}`, { indexUrl: advice.url });
        out.localIndexUrl = advice.url;
        out.localIndexNote = advice.note;
      }
    }
    // a uv project (`your project depends on …`): the same options on `uv add`, which takes them too
    if (captures['context.uvProject'] !== undefined) {
      for (const key of ['localIndexCmd', 'localFindLinksCmd', 'localPlainCmd']) {
        if (out[key]?.startsWith('uv pip install ')) out[key] = `uv add ${out[key]!.slice('uv pip install '.length)}`;
      }
    }
    // PyTorch's index was read and still no local build was listed: this platform / Python has only the plain
    // releases pip printed. The nearest one at or below the asked version, from that list.
    Object.assign(out, plainPinAdvice(installer, name, version, captures.versions));
  }

  // A package that asked for another torch (`Collecting torch==2.2.2 (from x)`): if that torch is really
  // needed, the CUDA build of it for this image's toolkit, from the index the table says has it.
  const wanted = /^==(\d[\w.]*)$/.exec(captures['context.requestedBy.spec'] ?? '')?.[1];
  const cuda = facts.value('cuda');
  if (captures['context.requestedBy.pkg'] === 'torch' && wanted !== undefined && cuda !== null) {
    const tag = wheelTagFor(cuda, wanted);
    const url = tag !== null ? indexUrl(tag) : null;
    if (url !== null) {
      out.torchSwapNote =
        `If torch ${wanted} is really needed, install its CUDA ${cuda} build from PyTorch's index rather than PyPI's default ` +
        `build: ${install(installer, `torch==${wanted}`, { indexUrl: url })}.`;
    }
  }
  // a PyTorch release pinned on a CUDA index it was never built for (torch-index-release-enricher.ts)
  Object.assign(out, torchIndexReleaseEnrich(captures, step, _model, facts));
  Object.assign(out, torchIndexNoWheelAdvice(captures['context.uvTorchIndex.index'], captures['context.uvTorchIndex.pkg'] ?? 'torch', facts.value('cuda')));
  // pip run as the step ran it (`python3.11 -m pip`, `pip3`): the same pip of the same Python; `pipForm` for templates
  // that write a command of their own.
  // The command is the step's instruction, else the builder's error naming it (BuildKit's `process "/bin/sh -c …"`,
  // podman's `error building at STEP "RUN …"`).
  const builderError = step?.error ?? (step === null || step.id === _model.failedStep ? _model.solveError?.message : undefined);
  const form = installer === 'pip' ? pipFormOf(step?.instruction) ?? pipFormOf(failedRunCommand(step, _model)) ?? pipFormOf(builderError) : null;
  if (form !== null) {
    out.pipForm = form;
    for (const [key, value] of Object.entries(out)) out[key] = inPipForm(value, form);
  }
  // A floor above every version pip listed, and who asked for it (knowledge/unreleased-floor-enricher.ts).
  Object.assign(out, unreleasedFloorEnrich(captures, step, _model, facts));
  return out;
}

/**
 * uv took a package from a download.pytorch.org index (its hint: `` `torch` was found on https://download.pytorch.org/whl/cu134 ``)
 * and found no wheel there for this interpreter. The index's CUDA tag, read from its URL when the log shows it whole, set
 * against the checked table (torch-wheels.ts): a tag no release in it was published on (`cu134`) is an index path derived
 * from a CUDA version PyTorch builds nothing for. `torchIndexFit`: the index of the same CUDA major not above it, which
 * torch-wheels.ts's `wheelTagFor` picks (a wheel of an older minor of the same major runs there). Nothing when no
 * PyTorch index is named.
 */
export function torchIndexNoWheelAdvice(index: string | undefined, pkg: string, cuda: string | null): Record<string, string> {
  if (index === undefined) return {};
  const newest = torchReleases[0]!;
  const oldest = torchReleases[torchReleases.length - 1]!;
  const out: Record<string, string> = {
    torchIndexNewest: `torch ${newest.torch} on ${newest.cudaTags.join(', ')}`,
    torchIndexWhy: `That index serves no ${pkg} for this Python.`,
  };
  const whole = /^https?:\/\/download\.pytorch\.org\/whl\/(?:nightly\/)?(?<tag>cu\d{2,3}|cpu|rocm[\d.]+|xpu)\/?$/.exec(index.trim());
  const tag = whole?.groups?.tag;
  if (tag === undefined) {
    out.torchIndexSeen = `a download.pytorch.org index (its URL is cut off in this log at ${index}; the Dockerfile or the command sets it)`;
    const fit = cuda !== null ? wheelTagFor(cuda) : null;
    if (fit !== null && cuda !== null) out.torchIndexFit = `for the CUDA ${cuda} this log shows, ${fit} (${indexUrl(fit)!})`;
    return out;
  }
  out.torchIndexSeen = index.trim();
  if (!/^cu\d{3}$/.test(tag)) return out;
  const tagVersion = tagCuda(tag);
  const releases = releasesForCuda(tag);
  if (releases.length === 0) {
    out.torchIndexWhy =
      `No PyTorch release from ${oldest.torch} to ${newest.torch} was published on a ${tag} index (the checked table of ` +
      `PyTorch's indexes per release): a path built from the image's CUDA version (${tagVersion}) names an index PyTorch does ` +
      'not publish for it.';
    const fit = wheelTagFor(tagVersion);
    if (fit !== null) out.torchIndexFit = `for CUDA ${tagVersion}, ${fit} (${indexUrl(fit)!}), the newest index of CUDA ${tagVersion.split('.')[0]} not above it`;
  }
  return out;
}
