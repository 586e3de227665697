// The `asked-arch` enricher: for a compile that failed with its own error out of the log (ninja's `FAILED:` line and the
// nvcc command, nothing after), the newest GPU architecture the command asks for and the first CUDA release whose nvcc
// compiles it (cuda-arches.ts, from NVIDIA's nvcc docs per release: sm_89 first in CUDA 11.8). An older toolkit stops
// there with `nvcc fatal : Unsupported gpu architecture`, so that is the likely cause when the log shows an older
// CUDA, and the first thing to check when it shows none. Nothing when the log shows a CUDA that compiles the arch.
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';
import { archSupport, parseArch, toolkitsSupporting } from './cuda-arches.js';
import { compareVersions } from '../text/compare-versions.js';
import { askedArches } from './asked-arches.js';
import { sameMajorFallback, stepCudaVersion } from './cuda-arch-enricher.js';

/**
 * `askedArch` (`sm_89`), `askedNeeds` (`11.8`), `askedOlder` (the log's CUDA, only when it is older than that), and
 * `askedFallback` / `askedFallbackCuda` (`8.6` / `11.1`: the same major's newest arch an older toolkit compiles, which
 * runs on the newer GPU, in TORCH_CUDA_ARCH_LIST notation; only when the log's CUDA, if shown, compiles it).
 */
export function askedArchEnrich(captures: Readonly<Record<string, string>>, step: Step | null, _model: BuildModel, facts: FactView): Record<string, string> {
  const caps = askedArches(captures, step)
    .map((a) => parseArch(a)?.capability)
    .filter((c): c is number => c !== undefined);
  if (caps.length === 0) return {};
  const arch = `sm_${Math.max(...caps)}`;
  const needs = toolkitsSupporting(arch)[0];
  if (needs === undefined) return {};
  const version = stepCudaVersion(captures, facts);
  if (version !== null && compareVersions(version, needs) >= 0) return {};
  const out: Record<string, string> = { askedArch: arch, askedNeeds: needs };
  if (version !== null) out.askedOlder = version;
  const { fallbackArch } = sameMajorFallback([arch], needs);
  if (fallbackArch !== undefined && (version === null || archSupport(version, fallbackArch).supported === true)) {
    out.askedFallback = fallbackArch;
    out.askedFallbackCuda = toolkitsSupporting(fallbackArch)[0]!;
  }
  return out;
}
