// The `cuda-arches` enricher: for a rejected GPU architecture, find the CUDA version the build
// used (from the failing step's own output, its instruction, or the stage's base image) and say
// which architectures that version accepts. A pure function of what the log showed.
import type { BuildModel, Step } from '../model/types.js';
import { archSupport, normaliseCudaVersion, toolkitsSupporting, type ArchSupport } from './cuda-arches.js';

/** Where a CUDA version shows in a log or an instruction, most trustworthy first. */
const versionEvidence: readonly RegExp[] = [
  // nvcc --version: `Cuda compilation tools, release 12.4, V12.4.131`
  /Cuda compilation tools, release (?<v>\d{1,2}\.\d{1,2})/,
  // CMake: `-- The CUDA compiler identification is NVIDIA 12.4.131`, `Found CUDAToolkit: … (found version "12.4.131")`
  /CUDA compiler identification is NVIDIA (?<v>\d{1,2}\.\d{1,2})/,
  /Found CUDA(?:Toolkit)?: \S+ \(found (?:suitable )?version "(?<v>\d{1,2}\.\d{1,2})/,
  // environment of NVIDIA's images, or set by the Dockerfile
  /\bCUDA_VERSION=(?<v>\d{1,2}\.\d{1,2})/,
  // base images: nvidia/cuda:12.4.1-devel-ubuntu22.04, pytorch/pytorch:2.3.0-cuda12.1-cudnn8-devel
  /nvidia\/cuda:(?<v>\d{1,2}\.\d{1,2})/,
  /[:-]cuda(?<v>\d{1,2}\.\d{1,2})/,
  // torch's own report: `torch.version.cuda` printed, or cpp_extension's mismatch error
  /\bversion \((?<v>\d{1,2}\.\d{1,2})\) mismatches/,
];

function versionIn(text: string): string | null {
  for (const re of versionEvidence) {
    const v = re.exec(text)?.groups?.v;
    if (v !== undefined) return normaliseCudaVersion(v);
  }
  return null;
}

/** The base image instructions of a stage (`FROM docker.io/nvidia/cuda:12.4.1-devel…`). */
function fromInstructions(model: BuildModel, stage: string | null): string[] {
  return model.steps
    .filter((s) => (stage === null || s.stage === stage) && /^FROM\s/i.test(s.instruction))
    .map((s) => s.instruction);
}

/** The CUDA version the failing step compiled with, as far as the log tells. */
export function cudaVersionOf(captured: string | undefined, step: Step | null, model: BuildModel): string | null {
  if (captured !== undefined) {
    const v = normaliseCudaVersion(captured) ?? versionIn(captured);
    if (v) return v;
  }
  if (step) {
    for (const line of step.tail) {
      const v = versionIn(line);
      if (v) return v;
    }
    const v = versionIn(step.instruction);
    if (v) return v;
    for (const from of fromInstructions(model, step.stage)) {
      const fv = versionIn(from);
      if (fv) return fv;
    }
  }
  // No step (an unframed paste) or nothing in its stage: one CUDA image in the whole build is
  // still an answer; several different ones are not.
  const seen = new Set<string>();
  for (const s of model.steps) {
    const v = versionIn(s.instruction);
    if (v) seen.add(v);
  }
  return seen.size === 1 ? [...seen][0]! : null;
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
  step: Step | null,
  model: BuildModel,
): Record<string, string> {
  const arch = captures.arch;
  if (arch === undefined) return {};
  // A rule can capture the version itself, in a match or in a context matcher's `cudaVersion` group.
  const captured = captures.cudaVersion ?? Object.entries(captures).find(([k]) => k.endsWith('.cudaVersion'))?.[1];
  const version = cudaVersionOf(captured, step, model);
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

/** The base image of the step's stage, as BuildKit printed it (`docker.io/nvidia/cuda:12.4.1-runtime-ubuntu22.04`). */
function baseImageOf(step: Step | null, model: BuildModel): string | null {
  const froms = fromInstructions(model, step?.stage ?? null);
  const from = froms.find((f) => f.includes('cuda')) ?? froms[0];
  if (from === undefined) return null;
  const ref = /^FROM\s+(?:--platform=\S+\s+)?(?<ref>[^\s@]+)/i.exec(from)?.groups?.ref;
  return ref === undefined ? null : ref.replace(/^docker\.io\//, '');
}

/**
 * The `cuda-version` enricher: `cudaVersion` (`12.4`, or `X.Y` when the log does not tell),
 * `aptSuffix` (`12-4`: NVIDIA's apt packages are `cuda-cupti-12-4`), `wheelTag` (`cu124`, PyTorch's wheel index), `baseImage` (the stage's
 * CUDA base image as printed, or empty), `develImage` (the `-devel` flavour of it) and `stageNote`
 * (a sentence naming the base image, empty when the log shows none).
 */
export function cudaVersionEnrich(
  captures: Readonly<Record<string, string>>,
  step: Step | null,
  model: BuildModel,
): Record<string, string> {
  const captured = captures.cudaVersion ?? Object.entries(captures).find(([k]) => k.endsWith('.cudaVersion'))?.[1];
  const version = cudaVersionOf(captured, step, model);
  const base = baseImageOf(step, model);
  const nvidiaBase = base !== null && base.startsWith('nvidia/cuda:') ? base : null;
  const devel =
    nvidiaBase !== null
      ? nvidiaBase.replace(/-(?:runtime|base)(?=-|$)/, '-devel')
      : `nvidia/cuda:${version ?? 'X.Y'}${version ? '.0' : '.Z'}-devel-ubuntu22.04`;
  return {
    cudaVersion: version ?? 'X.Y',
    aptSuffix: version ? version.replace('.', '-') : 'X-Y',
    // PyTorch's wheel index names a CUDA version without its dot: 12.1 → cu121
    wheelTag: version ? `cu${version.replace('.', '')}` : 'cuXY',
    baseImage: base ?? '',
    develImage: devel,
    // A whole sentence, so a message reads right when the log shows no base image (a pasted snippet).
    stageNote: base !== null ? `The base image of this stage is ${base}.` : '',
  };
}
