// The `cupti` enricher: CUPTI's packages and library name for the CUDA version the step shows, so
// the CUPTI findings name `cuda-cupti-12-4` and `libcupti.so.12` instead of a stand-in (cuptiFor in
// cuda-packages.ts holds the sources). Nothing when the CUDA version is unknown.
//
// The load check is a `ctypes.CDLL(<soname>)`: it asks the dynamic loader, which honours
// LD_LIBRARY_PATH, unlike `ldconfig -p` (it prints /etc/ld.so.cache only: ldconfig(8), and
// tensorflow/tensorflow#39526 on `ldconfig -p | grep libcupti` being misleading). It needs no GPU,
// unlike `torch.profiler.supported_activities()` (CUDA only when a GPU is visible: torch/csrc/autograd/init.cpp).
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';
import { stepCudaVersion } from './cuda-arch-enricher.js';
import { cuptiFor } from './cuda-packages.js';

/** `cuptiCuda`, `cuptiApt`, `cuptiDevApt`, `cuptiPip`, and with a verified soname `cuptiSoname` / `cuptiLoadCheck`. */
export function cuptiEnrich(
  captures: Readonly<Record<string, string>>,
  _step: Step | null,
  _model: BuildModel,
  facts: FactView,
): Record<string, string> {
  const version = stepCudaVersion(captures, facts);
  const cupti = version === null ? null : cuptiFor(version);
  if (version === null || cupti === null) return {};
  const out: Record<string, string> = { cuptiCuda: version, cuptiApt: cupti.aptLib, cuptiDevApt: cupti.aptDev };
  if (cupti.pip !== null) out.cuptiPip = cupti.pip;
  if (cupti.soname !== null) {
    out.cuptiSoname = cupti.soname;
    out.cuptiLoadCheck = `python3 -c "import ctypes; ctypes.CDLL('${cupti.soname}')"`;
  }
  return out;
}
