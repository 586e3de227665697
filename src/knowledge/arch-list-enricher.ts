// The `arch-lists` enricher: an architecture list to put in TORCH_CUDA_ARCH_LIST /
// CMAKE_CUDA_ARCHITECTURES / nvcc flags that THIS build's toolkit accepts. It keeps what the step
// asked for (its instruction's lists, a rule's `list` capture) where the toolkit accepts it, and
// falls back to common GPUs the toolkit accepts; nothing when the CUDA version is unknown (the
// rule's `!fact.cuda` variant then says how to read it), so no fix suggests an arch the toolkit rejects.
// Notations: torch.utils.cpp_extension reads `8.0;8.6;9.0+PTX` (`;` or blank separated, `+PTX` adds
// PTX of that arch); CMake's CUDA_ARCHITECTURES reads `80;86;90` (cmake --help-property
// CUDA_ARCHITECTURES, CMake 3.25 on this machine); nvcc reads `-gencode arch=compute_80,code=sm_80`.
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';
import { parseArch, toolkitFor } from './cuda-arches.js';
import { stepCudaVersion } from './cuda-arch-enricher.js';
import { askedArches } from './asked-arches.js';

export { archesIn } from './asked-arches.js';

/**
 * Common data-centre and desktop GPUs, oldest first: T4 / RTX 20 (7.5), A100 (8.0), A10 / RTX 30 (8.6),
 * L4 / RTX 40 (8.9), H100 (9.0), B200 (10.0), RTX 50 (12.0). Only a fallback when the step names none.
 */
const COMMON = [75, 80, 86, 89, 90, 100, 120];

/** Compute capabilities (`86`) for a toolkit: the asked ones it accepts, else the common ones it accepts; null when the toolkit is unknown. */
export function archListFor(cudaVersion: string, asked: readonly string[]): number[] | null {
  const t = toolkitFor(cudaVersion);
  if (t === null) return null;
  const keep = [...new Set(asked.map((a) => parseArch(a)?.capability).filter((c): c is number => c !== undefined && t.arches.includes(c)))];
  const list = keep.length > 0 ? keep : COMMON.filter((c) => t.arches.includes(c));
  return list.sort((a, b) => a - b);
}

const dotted = (c: number): string => `${Math.floor(c / 10)}.${c % 10}`;

/** `8.0;8.6;9.0+PTX`: PTX of the newest arch lets newer GPUs JIT-compile it. */
export function torchArchList(caps: readonly number[]): string {
  return caps.map((c, i) => (i === caps.length - 1 ? `${dotted(c)}+PTX` : dotted(c))).join(';');
}

export function cmakeArchList(caps: readonly number[]): string {
  return caps.join(';');
}

export function gencodeFlags(caps: readonly number[]): string {
  return caps.map((c) => `-gencode arch=compute_${c},code=sm_${c}`).join(' ');
}

/** `archCuda`, `torchArchList`, `cmakeArchList`, `gencode`: only when the step's CUDA version is known. */
export function archListsEnrich(
  captures: Readonly<Record<string, string>>,
  step: Step | null,
  _model: BuildModel,
  facts: FactView,
): Record<string, string> {
  const version = stepCudaVersion(captures, facts);
  if (version === null) return {};
  // torch.utils.cpp_extension's `Unknown CUDA arch (10.1)` writes the arch as torch lists it, a dotted number: torch
  // rejected it, so no list for this torch may hold it, whatever the toolkit compiles.
  const torchRejected = captures.arch !== undefined && /^\d{1,2}\.\d[a-z]?(?:\+PTX)?$/.test(captures.arch) ? parseArch(captures.arch)?.capability : undefined;
  const asked = [
    ...askedArches(captures, step).filter((a) => torchRejected === undefined || parseArch(a)?.capability !== torchRejected),
    // the device's arch, or one nvcc rejected: kept only where the toolkit accepts it (a GPU without kernels)
    ...(captures.arch !== undefined && torchRejected === undefined ? [captures.arch] : []),
  ];
  const caps = archListFor(version, asked);
  if (caps === null || caps.length === 0) return {};
  const t = toolkitFor(version)!;
  const keptAsked = asked.some((a) => { const c = parseArch(a)?.capability; return c !== undefined && t.arches.includes(c); });
  return {
    archCuda: version,
    // what the list is, for the sentence that introduces it
    archListBasis: keptAsked
      ? `the architectures this step named that CUDA ${version} compiles`
      : `common GPUs CUDA ${version} compiles (T4 / RTX 20 to RTX 50, as far as it goes); keep only the ones you run on`,
    torchArchList: torchArchList(caps),
    cmakeArchList: cmakeArchList(caps),
    gencode: gencodeFlags(caps),
  };
}
