// The `cuda-arches` enricher: for a rejected GPU architecture, find the CUDA version the build
// used (from the failing step's own output, its instruction, or the stage's base image) and say
// which architectures that version accepts. A pure function of what the log showed.
import type { BuildModel, Step } from '../model/types.js';
import { buildFormats, type FactView } from '../facts/fact-view.js';
import { compareVersions } from '../text/compare-versions.js';
import { archSupport, toolkitArches, earlierName, normaliseCudaVersion, parseArch, supportedArches, toolkitFor, toolkitsRejecting, toolkitsSupporting, type ArchSupport } from './cuda-arches.js';
import { cudaTagsUrl, cudnnTagPart, develTagChoice, develTagFor } from './cuda-image-tags.js';
import { parseImageRef, withFlavour } from './nvidia-images.js';
import { indexUrl, pairedPackages, releaseInstall, releasesForCuda, torchReleases, wheelTagFor } from './torch-wheels.js';
import { installCommand, installerOf } from './installer-forms.js';
import { exactTorchSide } from './cuda-exact-torch.js';
import { generationGapPin, releaseRange, sameReleaseInstall } from './torch-index-pin.js';
import { preIndexBuilds } from './torch-find-links.js';
import { askedArches } from './asked-arches.js';
import { firstDriversFor, RELEASE_NOTES_URL } from './cuda-release-drivers.js';
import { ngcPytorchImageUpTo } from '../facts/ngc-pytorch-cuda.js';

/**
 * The CUDA version the failing step compiled with: the rule's own capture when it has one (the
 * nvcc line next to the error), else the build facts as seen from the step (its own output, then
 * its stage, then the whole log; nvcc before CMake before packages before the image tag).
 */
export function cudaVersionOf(captured: string | undefined, facts: FactView): string | null {
  if (captured !== undefined) {
    const v = normaliseCudaVersion(captured);
    if (v) return v;
  }
  return facts.value('cuda');
}

/**
 * The CUDA version an enricher works with: a version the rule captured itself (`cudaVersion`, in
 * a match or in a context matcher's group), else the build facts' for the step.
 */
export function stepCudaVersion(captures: Readonly<Record<string, string>>, facts: FactView): string | null {
  const captured = captures.cudaVersion ?? Object.entries(captures).find(([k]) => k.endsWith('.cudaVersion'))?.[1];
  return cudaVersionOf(captured, facts);
}

/**
 * `compute_` / `sm_` with no number: the arch list was empty when the command line was made. The
 * usual cause is `CMAKE_CUDA_ARCHITECTURES=native` (or a script asking the GPU for its capability)
 * on a builder that has no GPU, so detection found nothing.
 */
function isEmptyArch(arch: string): boolean {
  return /^(?:compute|sm|lto)_$/.test(arch);
}

const EMPTY_ARCH_VERDICT =
  'The architecture is empty: the arch list was detected from a GPU, and a build step has none unless the builder passes one in (CMAKE_CUDA_ARCHITECTURES=native, or a script reading the GPU\'s compute capability).';

function verdict(s: ArchSupport, versionKnown: boolean): string {
  if (isEmptyArch(s.arch)) return EMPTY_ARCH_VERDICT;
  const where = toolkitsSupporting(s.arch);
  const span = where.length ? `CUDA ${where[0]} … ${where[where.length - 1]}` : 'no CUDA release listed here';
  if (!versionKnown) {
    return `The log does not show which CUDA version compiled this; ${s.arch} is accepted by ${span}.`;
  }
  if (s.supported === null) return `CUDA ${s.cudaVersion} is newer than the table of supported architectures here; ${s.arch} is accepted by ${span}.`;
  const accepts = `CUDA ${s.cudaVersion}'s nvcc accepts ${s.min} … ${s.max} (${s.accepted.join(', ')})`;
  switch (s.reason) {
    case 'too-old':
      return `${accepts}: ${s.arch} was removed (last accepted by CUDA ${where[where.length - 1] ?? '?'}).`;
    case 'too-new':
      return `${accepts}: ${s.arch} needs CUDA ${where[0] ?? '(a newer release)'} or newer.`;
    case 'suffix':
      return `${accepts}; the \`${s.arch.slice(-1)}\` suffix of ${s.arch} is not accepted for that arch by this release.`;
    case 'not-an-arch':
      return `${accepts}: ${s.arch} is not one of them.`;
    default:
      return `${accepts}, ${s.arch} included: the nvcc that ran is probably not the one of this CUDA version (check PATH and CUDA_HOME).`;
  }
}

/**
 * Enricher values: `cudaVersion` (`12.4` or empty), `accepted` (the list), `range`
 * (`sm_50 … sm_90`), `verdict` (one sentence), `suggestion` (what to change).
 */
export function cudaArchesEnrich(
  captures: Readonly<Record<string, string>>,
  step: Step | null,
  model: BuildModel,
  facts: FactView,
): Record<string, string> {
  const arch = captures.arch;
  if (arch === undefined) return {};
  const place = buildPlace(model, facts);
  // A rule can capture the version itself, in a match or in a context matcher's `cudaVersion` group.
  const version = stepCudaVersion(captures, facts);
  const support = archSupport(version ?? '', arch);
  const out: Record<string, string> = {
    cudaVersion: version ?? '',
    accepted: support.accepted.join(', '),
    range: support.min && support.max ? `${support.min} … ${support.max}` : '',
    verdict: verdict(support, version !== null),
  };
  const where = toolkitsSupporting(support.arch);
  const asked = askedArches(captures, step);
  if (isEmptyArch(support.arch)) {
    out.suggestion = `name the architectures explicitly instead of detecting them at build time${support.accepted.length ? ` (this toolkit accepts ${support.min} … ${support.max})` : ''}`;
  } else if (support.reason === 'too-old') {
    const last = where[where.length - 1];
    out.suggestion = `remove ${support.arch} from the arch list (the oldest this toolkit builds is ${support.min})`;
    if (last !== undefined) {
      out.suggestion += `, or, if that GPU must be supported, build on CUDA ${last} (${toolkitOrImage(last, facts, place, true)})`;
      out.lastCuda = last;
    }
  } else if (support.reason === 'too-new') {
    // nvcc names only the first arch it rejects: the newest one the step asked for sets the floor
    const { arches: tooNew, floor } = tooNewAsked(support.arch, asked, (c) => !toolkitFor(version!)!.arches.includes(c), where[0]);
    out.suggestion = `remove ${listed(tooNew)} from the arch list, or build on CUDA ${floor ?? 'a newer release'} or newer`;
    if (floor !== undefined) out.firstCuda = floor;
    if (floor !== undefined) {
      const newer = newerCuda(floor, facts);
      Object.assign(out, newer);
      out.newerToolkit = toolkitOrImage(floor, facts, place);
      out.suggestion += ` (${out.newerToolkit}${newer.newerIndex ? `; PyTorch wheels built with it: ${newer.newerIndex}, torch ${newer.newerTorch}` : ''})`;
    }
    if (where[0] !== undefined) {
      const idx = out.newerIndex;
      // For a torch without kernels for the GPU: a wheel built with a CUDA that compiles the arch.
      out.wheelAdvice = idx
        ? `install a torch built with CUDA ${floor} or newer, from ${idx} (torch ${out.newerTorch} there)`
        : `install a torch built with CUDA ${floor} or newer`;
      if (idx) out.wheelAdviceIndex = idx;
    }
  } else {
    out.suggestion = `use only architectures this toolkit accepts${support.accepted.length ? ` (${support.min} … ${support.max})` : ''}`;
  }
  // the version unknown: what the rejection itself proves of the toolkit, and the change for each case
  if (version === null && !isEmptyArch(support.arch)) Object.assign(out, inferredToolkit(support.arch, facts, asked, place));
  // a torch without kernels for the GPU, its CUDA unknown: the first CUDA that compiles the arch and its wheels
  if (version === null && out.wheelAdvice === undefined && where[0] !== undefined && !isEmptyArch(support.arch)) {
    const newer = newerCuda(where[0], facts);
    if (newer.newerIndex) {
      out.wheelAdvice = `install a torch built with CUDA ${where[0]} or newer, from ${newer.newerIndex} (torch ${newer.newerTorch} there)`;
      out.wheelAdviceIndex = newer.newerIndex;
    }
  }
  if (!isEmptyArch(support.arch)) Object.assign(out, shadowedToolkit(captures, support.arch, version));
  return out;
}

/**
 * A newer toolkit the log names (an installed `/usr/local/cuda-12.9`, the CUDA samples of release 12.9 in
 * `cuda-samples-12.9`, the reporter's `with CUDA 12.9`) that accepts the rejected arch, while the nvcc that ran did not
 * (its release older, or unknown): an older nvcc came first on PATH (NVIDIA/cuda-samples#367: 12.9 samples, an old
 * 12.0 toolkit picked up). `shadowedCuda` is that release (`shadowedCudaApt` its package suffix, `12-9`; `shadowedSeen` where the log names it); nothing when
 * the named release does not accept the arch either, or is not newer than the nvcc that ran.
 */
function shadowedToolkit(captures: Readonly<Record<string, string>>, arch: string, version: string | null): Record<string, string> {
  for (const from of ['installedPath', 'samplesDir', 'withCuda'] as const) {
    const raw = captures[`context.${from}.v`];
    const named = raw === undefined ? null : normaliseCudaVersion(raw);
    if (!named || toolkitFor(named) === undefined || archSupport(named, arch).supported !== true) continue;
    if (version !== null && compareVersions(named, version) <= 0) continue;
    const seen =
      from === 'installedPath'
        ? `The log shows CUDA ${named} installed under \`/usr/local/cuda-${named}\`.`
        : from === 'samplesDir'
          ? `These are the CUDA samples of release ${named} (\`cuda-samples-${named}\`), which build for the arches CUDA ${named} compiles.`
          : `The log names CUDA ${named} as the toolkit of this build.`;
    return { shadowedCuda: named, shadowedCudaApt: named.replace('.', '-'), shadowedSeen: seen };
  }
  return {};
}

/**
 * No architecture in the log: the torch that the most common case of 2025-26 needs, a GeForce RTX 50 series GPU (Blackwell,
 * sm_120): the first CUDA whose nvcc compiles sm_120 (cuda-arches.ts: 12.8) and the first PyTorch index built with it
 * (torch-wheels.ts: cu128, torch 2.7.0 and later). `blackwellTorch` is plain text for a fix, absent when the tables lack it.
 */
export function blackwellTorchEnrich(
  captures: Readonly<Record<string, string>>,
  _step: Step | null,
  _model: BuildModel,
  facts: FactView,
): Record<string, string> {
  const first = toolkitsSupporting('sm_120')[0];
  if (first === undefined) return {};
  const newer = newerCuda(first, facts);
  if (!newer.newerIndex) return {};
  return {
    blackwellTorch:
      `sm_120 (capability (12, 0): GeForce RTX 50 series, Blackwell) needs a torch built with CUDA ${first} or newer, ` +
      `torch ${newer.newerTorch} on its first index, ${newer.newerIndex}`,
    ...blackwellDriver(first, captures['context.driverShown.v']),
  };
}

/**
 * `blackwellDriver`: with sm_120 in torch's list, the driver comes next (the text leads into `a CUDA extension … was compiled for other
 * architectures`). Code built with CUDA `first` (12.8, the first
 * to compile sm_120) needs that release's driver (cuda-release-drivers.ts, Table 3 of NVIDIA's release notes: 12.8 GA,
 * 570.26 on Linux, 570.65 on Windows). pytorch/pytorch#149845: `no kernel image` on an RTX 5090 D with a cu128 nightly,
 * solved by reinstalling the driver of CUDA 12.8.1. Nothing when the log shows a driver (`nvidia-smi`'s `Driver
 * Version: 575.51.03`, captured as `driverShown`) that is new enough on both systems.
 */
function blackwellDriver(first: string, shown: string | undefined): Record<string, string> {
  const drivers = firstDriversFor(first);
  if (drivers === null) return {};
  const newest = drivers.windows !== null && compareVersions(drivers.windows, drivers.linux) > 0 ? drivers.windows : drivers.linux;
  if (shown !== undefined && compareVersions(shown, newest) >= 0) return {};
  const windows = drivers.windows === null ? '' : `, ${drivers.windows} on Windows`;
  return {
    blackwellDriver:
      `for sm_120, check the driver first (code built with CUDA ${first} needs driver ${drivers.linux} or newer on Linux${windows}: ` +
      `${RELEASE_NOTES_URL}, "CUDA Toolkit and Corresponding Driver Versions"; nvidia-smi prints the driver's version): an older ` +
      'driver, or a broken driver install, is the cause then (install a current driver on the machine with the GPU, the host for a container, and reboot); otherwise a CUDA extension',
  };
}

/**
 * With the CUDA version unknown, what the rejection itself proves: an arch a later release removed
 * was rejected by that release or a newer one (`sm_50` → CUDA 13.0 or newer), an arch a later release
 * added by an older toolkit (`sm_80` → older than CUDA 11.0). `inferred` says so (and what the newer
 * toolkit accepts), `suggestion` what to change for each case. Nothing for an arch no release accepts.
 */
function inferredToolkit(arch: string, facts: FactView, asked: readonly string[], place: BuildPlace): Record<string, string> {
  const rejecting = toolkitsRejecting(arch);
  if (rejecting === null) return {};
  const where = toolkitsSupporting(arch);
  const last = where[where.length - 1]!;
  const { removedIn, needs } = rejecting;
  const renamed = earlierName(arch);
  const removed =
    removedIn === null
      ? null
      : {
          said: `CUDA ${removedIn} removed ${arch} (CUDA ${last} is the last release that accepts it; CUDA ${removedIn} accepts ${supportedArches(removedIn)!.join(', ')})`,
          fix: `remove ${arch} from the arch list, or, if that GPU must be supported, build on CUDA ${last} (${toolkitOrImage(last, facts, place, true)})`,
        };
  const added =
    needs === null
      ? null
      : {
          said: `${arch} needs CUDA ${needs} or newer${renamed ? ` (CUDA 12.8 and 12.9 call the same GPU ${renamed.name})` : ''}`,
          fix:
            `build on CUDA ${needs} or newer (${toolkitOrImage(needs, facts, place)})` +
            (renamed ? `, or, on CUDA 12.8 / 12.9, name that GPU ${renamed.name}` : '') +
            `, or remove ${arch} from the arch list`,
        };
  if (removed && added) {
    return {
      inferred: `The log does not show which CUDA version compiled this, but the rejection narrows it: ${removed.said}; ${added.said}. So this nvcc is CUDA ${removedIn} or newer, or older than CUDA ${needs}.`,
      suggestion: `if \`nvcc --version\` says CUDA ${removedIn} or newer, ${removed.fix}; if it is older than CUDA ${needs}, ${added.fix}`,
    };
  }
  if (removed) {
    return {
      inferred: `The log does not show which CUDA version compiled this, but the rejection narrows it: ${removed.said}. So this nvcc is most likely CUDA ${removedIn} or newer.`,
      suggestion: removed.fix,
    };
  }
  // Older than CUDA `needs`, this nvcc rejects every arch the step asked for that came with `needs` or later too.
  const { arches: tooNew, floor } = tooNewAsked(arch, asked, (c) => firstCuda(c) !== undefined && compareVersions(firstCuda(c)!, needs!) >= 0, needs!);
  const needed = { neededCuda: floor ?? needs!, neededCudaApt: (floor ?? needs!).replace('.', '-'), ...sameMajorFallback(tooNew, needs!), ...ptxFallback(needs!) };
  if (tooNew.length > 1 && floor !== undefined) {
    const others = tooNew.filter((a) => a !== parseArch(arch)!.name);
    return {
      ...needed,
      inferred:
        `The log does not show which CUDA version compiled this, but the rejection narrows it: ${added!.said}, so this nvcc is older than CUDA ${needs}. ` +
        `The same build also asks for ${others.length > 1 ? `${listed(others)}, the newest of which needs` : `${others[0]}, which needs`} CUDA ${floor} or newer.`,
      suggestion: `build on CUDA ${floor} or newer (${toolkitOrImage(floor, facts, place)}), or remove ${listed(tooNew)} from the arch list`,
    };
  }
  return {
    ...needed,
    inferred: `The log does not show which CUDA version compiled this, but the rejection narrows it: ${added!.said}, so this nvcc is older than CUDA ${needs}.`,
    suggestion: added!.fix,
  };
}

/**
 * For arches a toolkit older than CUDA `needs` rejects: the newest arch of the same major that such a toolkit
 * builds, when one exists (`sm_89` → `8.6`), as `fallbackArch` in TORCH_CUDA_ARCH_LIST notation. A cubin
 * for compute capability X.y runs on devices of X.z with z ≥ y (CUDA C++ Programming Guide, "Binary
 * Compatibility"), so an 8.6 build runs on an 8.9 GPU; no such arch for X.0 (sm_80, sm_90).
 */
/** Jetson modules' arches (NVIDIA's CUDA GPUs list: TX1 5.3, TX2 6.2, Xavier 7.2, Orin 8.7, Thor 10.1 / 11.0): never a desktop GPU's fallback. */
const JETSON: readonly number[] = [53, 62, 72, 87, 101, 110];

export function sameMajorFallback(tooNew: readonly string[], needs: string): Record<string, string> {
  const oldest = parseArch(tooNew[0]!)!.capability;
  const major = Math.floor(oldest / 10);
  for (let c = oldest - 1; c >= major * 10; c--) {
    if (JETSON.includes(c)) continue;
    const first = firstCuda(c);
    if (first !== undefined && compareVersions(first, needs) < 0) return { fallbackArch: `${major}.${c % 10}`, fallbackFor: tooNew[0]! };
  }
  return {};
}

/**
 * For a toolkit older than CUDA `needs`: the newest desktop arch of the release just before it (`12.8` → `90`,
 * from CUDA 12.6), as `ptxArch` (CMake's notation), `ptxTorch` (`9.0`) and `ptxFirst` (the first CUDA that
 * compiles it). Built with its PTX, it runs on the newer GPU: the driver JIT-compiles PTX for any later compute
 * capability (CUDA C++ Programming Guide, "Application Compatibility"). Nothing when no older release is listed.
 */
function ptxFallback(needs: string): Record<string, string> {
  const index = toolkitArches.findIndex((t) => t.version === needs);
  const before = index > 0 ? toolkitArches[index - 1] : undefined;
  const newest = before?.arches.filter((c) => !JETSON.includes(c)).reduce((a, b) => Math.max(a, b), 0);
  if (newest === undefined || newest === 0) return {};
  return { ptxArch: String(newest), ptxTorch: `${Math.floor(newest / 10)}.${newest % 10}`, ptxFirst: firstCuda(newest)! };
}

/** The first CUDA release here whose nvcc accepts compute capability `c` (`86` → `11.1`). */
function firstCuda(c: number): string | undefined {
  return toolkitsSupporting(`sm_${c}`)[0];
}

/**
 * The rejected arch and every other arch the step asked for that the toolkit rejects for being too new
 * (`rejects`), as `sm_` names, oldest first; and the first CUDA that accepts all of them (`floor`, the
 * rejected arch's own `first` when the step asked for nothing newer).
 */
function tooNewAsked(
  arch: string,
  asked: readonly string[],
  rejects: (capability: number) => boolean,
  first: string | undefined,
): { arches: string[]; floor: string | undefined } {
  const own = parseArch(arch)!.capability;
  const caps = new Set([own]);
  for (const a of asked) {
    const c = parseArch(a)?.capability;
    if (c !== undefined && c > own && rejects(c) && firstCuda(c) !== undefined) caps.add(c);
  }
  const sorted = [...caps].sort((a, b) => a - b);
  const newest = sorted[sorted.length - 1]!;
  return { arches: sorted.map((c) => `sm_${c}`), floor: newest === own ? first : firstCuda(newest) };
}

/** `sm_80`, `sm_80 and sm_86`, `sm_80, sm_86 and sm_89`. */
function listed(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * The `cuda-version` enricher, for what the log proves only (nothing when it does not tell: the
 * rule's `!fact.cuda` variant then says how to find out): `cudaVersion` (`12.4`), `aptSuffix`
 * (`12-4`: NVIDIA's apt packages are `cuda-cupti-12-4`), `cudaMajor` (`12`), `wheelTag` (`cu124`),
 * `baseImage` (the stage's base image as printed), `develImage` (the `-devel` flavour of an
 * nvidia/cuda base image, else one of the same CUDA version) and `stageNote` (a sentence naming the
 * base image).
 */
export function cudaVersionEnrich(
  captures: Readonly<Record<string, string>>,
  _step: Step | null,
  _model: BuildModel,
  facts: FactView,
): Record<string, string> {
  const version = stepCudaVersion(captures, facts);
  const base = facts.value('baseImage');
  const out: Record<string, string> = {};
  if (base !== null) {
    out.baseImage = base;
    out.stageNote = `The base image of this stage is ${base}.`;
  }
  const devel = develImageOf(base, version, facts.value('os'));
  if (devel !== null) out.develImage = devel;
  const ref = base === null ? null : parseImageRef(base);
  if (ref?.kind === 'nvidia-cuda') {
    // the same image with the CUDA libraries (`-runtime`) and with cuDNN (`-cudnn…-runtime`)
    if (ref.flavour === 'base') out.runtimeImage = withFlavour(ref, 'runtime');
    const cudnn = ref.cudnn === null ? cudnnTagPart(ref.cuda) : null;
    if (cudnn !== null && develTagFor(ref.cuda, facts.value('os')) !== null) {
      out.cudnnImage = `nvidia/cuda:${develTagFor(ref.cuda, facts.value('os'))!.split(':')[1]!.split('-')[0]}-${cudnn}-${ref.flavour === 'devel' ? 'devel' : 'runtime'}-${ref.os}${ref.osRelease}`;
    }
  }
  if (version !== null) {
    out.cudaVersion = version;
    out.cudaMajor = version.split('.')[0]!;
    out.aptSuffix = version.replace('.', '-');
    const tags = cudaTagsUrl(version);
    if (tags !== null) out.tagsUrl = tags;
    // A real PyTorch index for this toolkit: same major, minor ≤ the toolkit's, published for the
    // build's torch release when the log shows it (torch-wheels.ts). Absent when none fits.
    // `wheelTorch` is the build's torch when its release has such an index, else the newest release that has one.
    // `2.3.1+cu121` → `2.3.1` (split, not a regex: src/ regexes are checked for linear time)
    const torch = facts.value('torch')?.split('+')[0] ?? null;
    const own = torch !== null ? wheelTagFor(version, torch) : null;
    const tag = own ?? wheelTagFor(version);
    const torchCudaOf = captures.torchCuda !== undefined ? normaliseCudaVersion(captures.torchCuda) : null;
    const gap = own === null && torch === null && tag !== null && torchCudaOf !== null ? generationGapPin(torchCudaOf, tag) : null;
    if (tag !== null) {
      out.wheelTag = tag;
      out.wheelIndex = indexUrl(tag)!;
      out.wheelTorch = own !== null ? torch! : (releasesForCuda(tag)[0]?.torch ?? '');
      if (own !== null) {
        out.torchInstall = installCommand(installerOf(facts), { requirements: [`torch==${out.wheelTorch}`], indexUrl: out.wheelIndex });
        out.envTorchInstall = out.torchInstall;
        // The releases PyTorch published together with it (torch-wheels.ts): a torchvision of
        // another release fails to import against this torch.
        const paired = pairedPackages(out.wheelTorch);
        if (paired !== null) {
          out.pairedNote = `(torchvision ${paired.torchvision} and torchaudio ${paired.torchaudio} are the releases that pair with torch ${out.wheelTorch}: install those from the same index if the image uses them);`;
        }
      } else if (gap !== null) {
        // torch's own CUDA dates it (cu113 → torch 1.10 … 1.12): no build of that release is on this index, so pin one that is
        out.wheelTorch = gap.pick.torch;
        out.torchGap = 'yes';
        // the same switch with the release left for the reader to fill: the log does not show which torch the project pins
        out.gapBuiltFor = `${gap.builtFor}`;
        out.gapRange = releaseRange(tag) ?? `the releases on ${tag}`;
        out.gapPlaceholderInstall = installCommand(installerOf(facts), {
          requirements: ['torch==RELEASE', 'torchvision==PAIRED', 'torchaudio==RELEASE'],
          indexUrl: out.wheelIndex,
        });
        out.torchInstall = installCommand(installerOf(facts), releaseInstall(gap.pick, tag));
        // torch's CUDA dates the torch that ran the check; in pip's isolated build environment that is not the
        // environment's torch, which the rule's `isolated` variant reinstalls in its cu… build instead
        const same = sameReleaseInstall(installerOf(facts), tag);
        if (same !== null) out.envTorchInstall = same;
        out.pairedNote =
          `(the torch builds for CUDA ${torchCudaOf!} on PyTorch's pages are ${gap.builtFor}, and its ${tag} index begins at torch ${releasesForCuda(tag).at(-1)!.torch} ` +
          `(pytorch.org/get-started/previous-versions), so no build of the installed release exists there. ${gap.pick.torch} is the nearest release on it, ` +
          'with the torchvision / torchaudio published beside it; moving to torch 2 can need newer releases of the packages built on torch, so check their requirements. ' +
          `Any other release on the index works the same way: ${releaseRange(tag)});`;
      } else {
        // The log does not say which torch the project wants: the newest on the index may be years past
        // its stack, so keep the release its requirements resolved, in this index's build (torch-index-pin.ts).
        const same = sameReleaseInstall(installerOf(facts), tag);
        const range = releaseRange(tag);
        const older = preIndexBuilds(tag);
        if (same !== null && range !== null) {
          out.torchInstall = same;
          out.envTorchInstall = same;
          out.pairedNote =
            `(it keeps the torch release the project's requirements resolved, in its ${tag} build. PyTorch published ${range} on the ${tag} index ` +
            `(pytorch.org/get-started/previous-versions): if the project's release is not among them, pin the newest of those its requirements allow (torch== that release, from the same index)` +
            // older releases for the same CUDA came from find-links pages or PyPI itself (torch-find-links.ts)
            `${older === null ? '' : `. ${older}`}. ` +
            'Install the torchvision / torchaudio of the same release from the same index if the image uses them);';
        }
      }
    }
    // checks that want the same minor too (apex): a torch for exactly this release, or why there is none
    out.exactTorchSide = exactTorchSide(version, torch, installerOf(facts));
  }
  // The CUDA torch was built with, when the rule captured it (`torchCuda`, `11.8`): a devel image of it.
  const torchCuda = captures.torchCuda !== undefined ? normaliseCudaVersion(captures.torchCuda) : null;
  if (torchCuda !== null) {
    const image = develTagFor(torchCuda, facts.value('os')) ?? develTagChoice(torchCuda);
    if (image !== null) out.torchCudaImage = image;
    out.torchCudaTags = cudaTagsUrl(torchCuda)!;
  }
  return out;
}

/**
 * The `-devel` image of the same CUDA (and cuDNN, OS) as the stage: the nvidia/cuda or pytorch/pytorch
 * base image in its devel flavour; else a published nvidia/cuda devel tag of the CUDA version and OS the
 * log shows (cuda-image-tags.ts). Null when neither is known.
 */
export function develImageOf(base: string | null, cuda: string | null, os: string | null): string | null {
  const ref = base === null ? null : parseImageRef(base);
  if (ref?.kind === 'nvidia-cuda') return withFlavour(ref, 'devel');
  if (ref?.kind === 'pytorch') return `pytorch/pytorch:${ref.torch}-cuda${ref.cuda}-cudnn${ref.cudnn}-devel`;
  if (ref?.kind === 'ngc') return base; // NGC framework images ship the full toolkit
  return cuda === null ? null : develTagFor(cuda, os);
}

/** The build uses NVIDIA's NGC PyTorch image (its base image, or the image its report names). */
function usesNgcPytorch(facts: FactView): boolean {
  const named = (text: string | undefined) => text !== undefined && text.includes('nvidia/pytorch:');
  return named(facts.value('baseImage') ?? undefined) || named(facts.get('cuda')?.evidence);
}

/**
 * Where the build ran, for the way to another CUDA: `image` (a build step, or the log says `docker build` / `docker run`),
 * `host` (a shell prompt or a pasted command on this machine), `unknown` (a paste with no build framing, no base image and no sign).
 */
type BuildPlace = 'image' | 'host' | 'unknown';

function buildPlace(model: BuildModel, facts: FactView): BuildPlace {
  // the place the facts settled for this step (a build step, or the log's own signs)
  if (facts.place === 'host-shell') return 'host';
  if (facts.place !== null) return 'image';
  // a base image the log names (an NGC image's shell, a stage's FROM): the image's way
  if (facts.value('baseImage') !== null || usesNgcPytorch(facts)) return 'image';
  return buildFormats.has(model.format) ? 'image' : 'unknown';
}

/**
 * A CUDA release on this machine rather than in an image: NVIDIA's repository names the toolkit `cuda-toolkit-X-Y` and
 * installs it under /usr/local/cuda-X.Y (cuda-toolkit-apt-names.ts); its other releases are on the toolkit archive page.
 * CMake keeps the nvcc it found first in CMakeCache.txt (CMAKE_CUDA_COMPILER; `cmake --help-variable CMAKE_LANG_COMPILER`,
 * CMake 3.25 on this machine: "Once set, you can not change this variable", "set by the user during the first time a build
 * tree is configured"), so a new toolkit needs a fresh build directory configured with that variable. An unframed paste may come from either place:
 * the host's way first, the image's after it.
 */
function toolkitOrImage(cuda: string, facts: FactView, place: BuildPlace, olderWanted = false): string {
  if (place === 'image') return imageOrSearch(cuda, facts, olderWanted);
  const host =
    `on this machine: NVIDIA's package cuda-toolkit-${cuda.replace('.', '-')} (https://developer.nvidia.com/cuda-toolkit-archive), ` +
    `which installs under /usr/local/cuda-${cuda}; for CMake, configure a fresh build directory with ` +
    `-DCMAKE_CUDA_COMPILER=/usr/local/cuda-${cuda}/bin/nvcc`;
  return place === 'host' ? host : `${host}; in an image build, ${imageOrSearch(cuda, facts, olderWanted)}`;
}

/**
 * A devel tag of `cuda` for the build's OS, or where to pick one. On an NGC PyTorch image, an earlier month of
 * it on that same CUDA, where ngc-pytorch-cuda.ts lists one (for an arch a later release removed: `cuda` is the last that accepts it).
 */
function imageOrSearch(cuda: string, facts: FactView, olderWanted = false): string {
  if (olderWanted && usesNgcPytorch(facts)) {
    const ngc = ngcPytorchImageUpTo(cuda);
    if (ngc !== null && ngc.cuda === cuda) return `the NGC image ${ngc.image}, on CUDA ${ngc.cuda}`;
  }
  const image = develTagFor(cuda, facts.value('os'));
  return image ?? `pick a -devel tag of ${cuda} for your OS at ${cudaTagsUrl(cuda) ?? 'hub.docker.com/r/nvidia/cuda/tags'}`;
}

/**
 * What brings a newer CUDA for an arch first accepted by `cuda`: a devel tag of that release for the
 * build's OS (`newerImage`, or `newerTagsUrl` to pick one), and the first PyTorch index built with that
 * CUDA or newer (`newerIndex`) with the torch releases on it (`newerTorch`).
 */
function newerCuda(cuda: string, facts: FactView): Record<string, string> {
  const out: Record<string, string> = { newerCuda: cuda };
  const image = develTagFor(cuda, facts.value('os'));
  if (image !== null) out.newerImage = image;
  else out.newerTagsUrl = cudaTagsUrl(cuda) ?? '';
  const [major, minor] = cuda.split('.').map(Number) as [number, number];
  const tags = [...new Set(torchReleases.flatMap((r) => r.cudaTags))]
    .map((t) => ({ t, v: /^cu(\d{2})(\d)$/.exec(t) }))
    .filter((x): x is { t: string; v: RegExpExecArray } => x.v !== null)
    .map(({ t, v }) => ({ t, major: Number(v[1]), minor: Number(v[2]) }))
    .filter((x) => x.major > major || (x.major === major && x.minor >= minor))
    .sort((a, b) => a.major - b.major || a.minor - b.minor);
  const first = tags[0];
  if (first !== undefined) {
    out.newerIndex = indexUrl(first.t)!;
    const releases = releasesForCuda(first.t).map((r) => r.torch);
    out.newerTorch = releases.length > 1 ? `${releases[releases.length - 1]} … ${releases[0]}` : (releases[0] ?? '');
  }
  return out;
}
