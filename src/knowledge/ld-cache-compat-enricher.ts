// The `ld-cache-compat` enricher: whether the first libcuda.so.1 an `ldconfig -p` listing of the log shows is a CUDA
// forward-compatibility copy (`libcuda.so.1 (libc6,AArch64) => /usr/local/cuda-13.0/compat/libcuda.so.1` above the host
// driver's `/usr/lib/aarch64-linux-gnu/nvidia/libcuda.so.1`, NVIDIA/nvidia-container-toolkit#1679). ldconfig -p prints
// the ld.so cache, which the dynamic loader searches after LD_LIBRARY_PATH, in its order; a compat directory in that cache
// comes from a file in /etc/ld.so.conf.d: one of the image's, or the toolkit's enable-cuda-compat hook, which writes
// `/etc/ld.so.conf.d/00-compat-*.conf` at container start ("The 00-compat prefix is chosen to ensure that these libraries
// have a higher precedence", cmd/nvidia-cdi-hook/cudacompat/cudacompat.go).
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';

/** `ldCompatFirst`: the compat libcuda path, when it is the first libcuda.so.1 of the listing (the rule's `ldLibcuda` context). */
export function ldCacheCompatEnrich(
  captures: Readonly<Record<string, string>>,
  _step: Step | null,
  _model: BuildModel,
  _facts: FactView,
): Record<string, string> {
  const path = captures['context.ldLibcuda.path'];
  return path !== undefined && /\/compat\/libcuda\.so/.test(path) ? { ldCompatFirst: path } : {};
}
