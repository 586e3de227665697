// The `distro-nvcc` enricher: a build whose CUDA compiler is `/usr/bin/nvcc` (the distribution's `nvidia-cuda-toolkit`)
// while the log names another toolkit (`-isystem /usr/local/cuda-12.3/…`, `with CUDA 12.6`). It gives that other
// release only when it differs from the release the compiler identified itself as (CMake's `The CUDA compiler
// identification is NVIDIA 11.5.119`): a log whose two numbers agree shows one toolkit, not a shadowed one.
import { compareVersions } from '../text/compare-versions.js';

/** `otherCuda` (`12.6`): the other toolkit's release, when it is not the one the compiler identified as. */
export function distroNvccEnrich(captures: Readonly<Record<string, string>>): Record<string, string> {
  const other = captures['context.otherPath.v'] ?? captures['context.otherWords.v'];
  if (other === undefined) return {};
  const nvcc = captures['context.nvccId.v'];
  if (nvcc !== undefined && compareVersions(nvcc, other) === 0) return {};
  return { otherCuda: other };
}
