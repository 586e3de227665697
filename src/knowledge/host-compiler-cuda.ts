// The `host-compiler-cuda` enricher: when a build names nvcc's host compiler itself (`-ccbin /usr/bin/g++-10`),
// the gcc it chose is deliberate, so the first fix is a CUDA release whose nvcc accepts that gcc.
// The first CUDA release whose nvcc accepts each gcc major, from NVIDIA's release notes and installation guides as
// tabulated in nixpkgs' nvcc compatibility table (pkgs/development/cuda-modules, "Added support for … GCC 10" at
// 11.1, GCC 11 at 11.4, GCC 12 at 12.0, GCC 13 at 12.4, each with its docs.nvidia.com/cuda/archive link), and
// CUDA 13.0's own `include/crt/host_config.h` on this machine (`#if __GNUC__ > 15`). gcc 14 is left out: its
// first release is not in a source checked here, so the fix points at NVIDIA's table instead.
// nvcc names the newest gcc it accepts (`gcc versions later than 5 are not supported`): a `-ccbin` gcc at or below that
// number is not the compiler it refused, and neither is a gcc the log reports at or below it (`gcc version 5.4.1`, the
// system's default). Then the build handed nvcc another compiler of its own choosing (FloopCZ/tensorflow_cc#47: the
// system's gcc 5.4.1 fits CUDA 8, the project's script set gcc-6), and installing the accepted gcc changes nothing.
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';
import { develTagChoice, develTagFor } from './cuda-image-tags.js';

const FIRST_CUDA_FOR_GCC: Readonly<Record<number, string>> = {
  10: '11.1',
  11: '11.4',
  12: '12.0',
  13: '12.4',
  15: '13.0',
};

/** The gcc major a compiler path names: `/usr/bin/g++-10` → 10, `gcc-12` → 12; null for a bare `g++`. */
export function gccMajorOfPath(path: string): number | null {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const m = /(?:^|-)g(?:\+\+|cc)-(\d{1,2})$/.exec(name);
  return m ? Number(m[1]) : null;
}

/** The first CUDA release whose nvcc accepts this gcc major, or null when not in the table. */
export function firstCudaForGcc(gcc: number): string | null {
  return FIRST_CUDA_FOR_GCC[gcc] ?? null;
}

/**
 * `acceptedGcc` when the log shows a gcc this nvcc accepts (so not the one it refused); and
 * `chosenGcc` (10), `firstCuda` (11.1) and `develTag` (a published `nvidia/cuda:…-devel-ubuntu…` tag of that release, of
 * the log's Ubuntu release when it shows one, else the choice of releases) for the compiler the build named with
 * `-ccbin`, when it is newer than the one nvcc names as its newest.
 */
export function hostCompilerCudaEnrich(
  captures: Readonly<Record<string, string>>,
  _step: Step | null,
  _model: BuildModel,
  facts: FactView,
): Record<string, string> {
  const max = captures.max === undefined ? null : Number(captures.max);
  const accepted = acceptedGcc(captures, max);
  const path = captures['context.ccbin.path'];
  const gcc = path === undefined ? null : gccMajorOfPath(path);
  if (gcc === null || (max !== null && gcc <= max)) return accepted;
  const first = firstCudaForGcc(gcc);
  if (first === null) return { ...accepted, chosenGcc: String(gcc) };
  const tag = develTagFor(first, facts.get('os')?.value ?? null) ?? develTagChoice(first);
  return { ...accepted, chosenGcc: String(gcc), firstCuda: first, ...(tag === null ? {} : { develTag: tag }) };
}

/** `acceptedGcc` (5.4.1) when the log shows a gcc this nvcc accepts: by `-ccbin gcc-N` or by its version. */
function acceptedGcc(captures: Readonly<Record<string, string>>, max: number | null): Record<string, string> {
  if (max === null) return {};
  const version = captures['context.systemGcc.version'];
  if (version !== undefined && Number(version.split('.')[0]) <= max) return { acceptedGcc: version };
  const path = captures['context.ccbin.path'];
  const gcc = path === undefined ? null : gccMajorOfPath(path);
  return gcc !== null && gcc <= max ? { acceptedGcc: String(gcc) } : {};
}
