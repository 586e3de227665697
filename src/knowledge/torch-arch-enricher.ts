// The `torch-known-arch` enricher: for torch.utils.cpp_extension's `Unknown CUDA arch (X)`, the first torch release
// that lists X (torch-extension-arches.ts), the torch and CUDA the log shows (a fact, or the reporter's words
// "with cuda 11.8 and pytorch 1.12.1" that the rule captures), the wheel command of that first release for the
// log's CUDA (torch-wheels.ts), and an arch this torch does list to keep instead, with `+PTX`: the driver
// JIT-compiles PTX for any newer GPU (nvcc docs, "GPU Compilation": PTX is forward compatible).
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';
import { compareVersions } from '../text/compare-versions.js';
import { archSupport } from './cuda-arches.js';
import { stepCudaVersion } from './cuda-arch-enricher.js';
import { installCommand, installerOf } from './installer-forms.js';
import { torchArchRow } from './torch-extension-arches.js';
import { releaseInstall, torchRelease, wheelTagFor } from './torch-wheels.js';

/** Every torch from 1.7.0 on lists 8.6 (torch-extension-arches.ts), and its lists only grow. */
const KEEP = { arch: '8.6', sm: 'sm_86', since: '1.7.0' };

/** `2.1.0+cu121`, `2.1.0a0` → `2.1.0`. */
const bareVersion = (v: string): string => v.trim().split(/[+a-z]/i)[0] ?? '';

/**
 * `torchArch` (`9.0`), `torchFirst` (`2.0.0`), `torchRejectedBy` (`1.13.1`); with the log's torch older than
 * `torchFirst`: `torchSeen`; with its CUDA: `torchCuda`, `torchCudaNote` (a sentence, when the toolkit compiles the arch) and
 * `torchUpgrade` (the install command of the first release's newest patch built for that CUDA); `torchKeep`
 * (`8.6+PTX`) when the log's torch is known to list it and the CUDA, if shown, compiles it.
 */
export function torchKnownArchEnrich(captures: Readonly<Record<string, string>>, _step: Step | null, _model: BuildModel, facts: FactView): Record<string, string> {
  const row = captures.arch === undefined ? null : torchArchRow(captures.arch);
  if (row === null) return {};
  const out: Record<string, string> = { torchArch: row.arch, torchFirst: row.firstTorch, torchRejectedBy: row.rejectedBy };
  const said = facts.value('torch') ?? captures['context.torchSaid.v'];
  const torch = said === undefined ? null : bareVersion(said);
  if (torch !== null && /^\d+\.\d+/.test(torch) && compareVersions(torch, row.firstTorch) < 0) out.torchSeen = torch;
  const cuda = stepCudaVersion(captures, facts) ?? captures['context.cudaSaid.v'] ?? null;
  const sm = `sm_${row.arch.replace('.', '')}`;
  if (cuda !== null) {
    out.torchCuda = cuda;
    if (archSupport(cuda, sm).supported === true) out.torchCudaNote = `CUDA ${cuda} compiles ${sm}: torch's list is all that stands in the way.`;
    const release = torchRelease(row.firstTorch.split('.').slice(0, 2).join('.'));
    const tag = release === null ? null : wheelTagFor(cuda, release.torch);
    if (release !== null && tag !== null) {
      const { requirements, ...where } = releaseInstall(release, tag);
      out.torchUpgrade = installCommand(installerOf(facts), { requirements: requirements.slice(0, 1), ...where });
    }
  }
  const keepListed = out.torchSeen !== undefined && compareVersions(out.torchSeen, KEEP.since) >= 0 && compareVersions(row.arch, KEEP.arch) > 0;
  if (keepListed && (cuda === null || archSupport(cuda, KEEP.sm).supported === true)) out.torchKeep = `${KEEP.arch}+PTX`;
  return out;
}
