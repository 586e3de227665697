// The `cuda-arches` enricher: for a rejected GPU architecture, find the CUDA version the build
// used (from the failing step's own output, its instruction, or the stage's base image) and say
// which architectures that version accepts. A pure function of what the log showed.
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';
import { archSupport, normaliseCudaVersion, toolkitsSupporting, type ArchSupport } from './cuda-arches.js';

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
 * `compute_` / `sm_` with no number: the arch list was empty when the command line was made. The
 * usual cause is `CMAKE_CUDA_ARCHITECTURES=native` (or a script asking the GPU for its capability)
 * on a builder that has no GPU, so detection found nothing.
 */
function isEmptyArch(arch: string): boolean {
  return /^(?:compute|sm|lto)_$/.test(arch);
}

const EMPTY_ARCH_VERDICT =
  'The architecture is empty: the arch list was detected from a GPU, and a docker build has none (CMAKE_CUDA_ARCHITECTURES=native, or a script reading the GPU\'s compute capability).';

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
  _step: Step | null,
  _model: BuildModel,
  facts: FactView,
): Record<string, string> {
  const arch = captures.arch;
  if (arch === undefined) return {};
  // A rule can capture the version itself, in a match or in a context matcher's `cudaVersion` group.
  const captured = captures.cudaVersion ?? Object.entries(captures).find(([k]) => k.endsWith('.cudaVersion'))?.[1];
  const version = cudaVersionOf(captured, facts);
  const support = archSupport(version ?? '', arch);
  const out: Record<string, string> = {
    cudaVersion: version ?? '',
    accepted: support.accepted.join(', '),
    range: support.min && support.max ? `${support.min} … ${support.max}` : '',
    verdict: verdict(support, version !== null),
  };
  const where = toolkitsSupporting(support.arch);
  if (isEmptyArch(support.arch)) {
    out.suggestion = `name the architectures explicitly instead of detecting them at build time${support.accepted.length ? ` (this toolkit accepts ${support.min} … ${support.max})` : ''}`;
  } else if (support.reason === 'too-old') {
    out.suggestion = `remove ${support.arch} from the arch list (the oldest this toolkit builds is ${support.min}), or build on a CUDA ${where[where.length - 1] ?? 'older'} base image if that GPU must be supported`;
  } else if (support.reason === 'too-new') {
    out.suggestion = `use a base image with CUDA ${where[0] ?? 'newer'} or newer (nvidia/cuda:${where[0] ?? 'X.Y'}.*-devel-…), or remove ${support.arch} from the arch list`;
  } else {
    out.suggestion = `use only architectures this toolkit accepts${support.accepted.length ? ` (${support.min} … ${support.max})` : ''}`;
  }
  return out;
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
  const captured = captures.cudaVersion ?? Object.entries(captures).find(([k]) => k.endsWith('.cudaVersion'))?.[1];
  const version = cudaVersionOf(captured, facts);
  const base = facts.value('baseImage');
  const out: Record<string, string> = {};
  if (base !== null) {
    out.baseImage = base;
    out.stageNote = `The base image of this stage is ${base}.`;
    if (/^(?:nvcr\.io\/)?nvidia\/cuda:/.test(base)) out.develImage = base.replace(/-(?:runtime|base)(?=-|$)/, '-devel');
  }
  if (version !== null) {
    out.cudaVersion = version;
    out.cudaMajor = version.split('.')[0]!;
    out.aptSuffix = version.replace('.', '-');
    // PyTorch's wheel index names a CUDA version without its dot: 12.1 → cu121
    out.wheelTag = `cu${version.replace('.', '')}`;
  }
  return out;
}
