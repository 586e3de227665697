// The `kernel-arch` enricher: for ptxas refusing a kernel whose PTX uses an instruction newer than the target
// (`Feature '.m16n8k16' requires .target sm_80 or higher`), the arch the kernel needs, the arch the build
// targeted, and arch lists that start at the needed one, in each build system's notation.
//
// - The needed arch is the highest `requires .target sm_N` the step printed: one kernel may use `ldmatrix`
//   (sm_75) and `mma.m16n8k16` (sm_80), and only a list from the higher one compiles both.
// - The targeted arch is the PTX file's arch (`gemm_kernels.compute_70.ptx`, torch's extension builder passes
//   one `-gencode` per arch) or the nvcc command's `--gpu-architecture=sm_70` / `-arch=sm_70` (bindgen_cuda
//   passes the one compute capability it builds for: Narsil/bindgen_cuda src/lib.rs@0b9bf3bc).
// - The lists keep the common GPUs (arch-list-enricher.ts) from the needed arch up that the step's CUDA
//   compiles (cuda-arches.ts); with the CUDA version unknown, only the needed arch, which the toolkit accepts
//   (its ptxas named it).
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';
import { parseArch } from './cuda-arches.js';
import { archListFor, cmakeArchList, gencodeFlags, torchArchList } from './arch-list-enricher.js';
import { stepCudaVersion } from './cuda-arch-enricher.js';

const REQUIRED = /requires \.target sm_(\d{2,3})\b/g;
const TARGETED = /\.(compute_\d{2,3}[af]?)\.ptx\b|(?:--gpu-architecture[= ]|-arch[= ]|--gpu-name[= ]|arch=)(?:"|')?((?:sm|compute)_\d{2,3}[af]?)/g;

/** The highest `requires .target sm_N` among the lines, as a capability (80), or null. */
export function requiredCapability(lines: readonly string[]): number | null {
  let best: number | null = null;
  for (const line of lines) for (const m of line.matchAll(REQUIRED)) best = Math.max(best ?? 0, Number(m[1]));
  return best;
}

/** The arches the lines say the build compiled for (`sm_70`), lowest first, below `required` only. */
export function targetedArches(lines: readonly string[], required: number): string[] {
  const caps = new Set<number>();
  for (const line of lines) {
    for (const m of line.matchAll(TARGETED)) {
      const c = parseArch(m[1] ?? m[2]!)?.capability;
      if (c !== undefined && c < required) caps.add(c);
    }
  }
  return [...caps].sort((a, b) => a - b).map((c) => `sm_${c}`);
}

const dotted = (c: number): string => `${Math.floor(c / 10)}.${c % 10}`;

/**
 * `required` (`sm_80`), `requiredDotted` (`8.0`), `requiredCap` (`80`), `targeted` (`sm_70, sm_75`, when the log
 * names one), `torchArchList`, `cmakeArchList`, `gencode`, and `listBasis` (what the lists hold). Empty when the
 * step names no needed arch.
 */
export function kernelArchEnrich(
  captures: Readonly<Record<string, string>>,
  step: Step | null,
  _model: BuildModel,
  facts: FactView,
): Record<string, string> {
  const lines = [...(step?.tail ?? []), ...Object.values(captures)];
  const required = requiredCapability(lines);
  if (required === null) return {};
  const targeted = targetedArches(lines, required);
  const version = stepCudaVersion(captures, facts);
  const known = version === null ? null : archListFor(version, []);
  const upward = known?.filter((c) => c >= required) ?? [];
  const caps = upward.length > 0 ? [...new Set([required, ...upward])].sort((a, b) => a - b) : [required];
  return {
    required: `sm_${required}`,
    requiredDotted: dotted(required),
    requiredCap: String(required),
    ...(targeted.length > 0 ? { targeted: targeted.join(', ') } : {}),
    listBasis:
      caps.length > 1
        ? `common GPUs from sm_${required} up that CUDA ${version} compiles; keep the ones you run on`
        : `sm_${required} only; add the newer GPUs you run on`,
    torchArchList: torchArchList(caps),
    cmakeArchList: cmakeArchList(caps),
    gencode: gencodeFlags(caps),
  };
}
