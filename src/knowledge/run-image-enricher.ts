// The `run-image` enricher: the nvidia/cuda image a `docker run` line of the log starts, and the same
// image in its `-devel` flavour, for a container that has no CUDA compiler. The rule captures the
// command in three parts (`context.runImage.cmd`, `.image`, `.rest`), so the fix is the user's own
// command with only the image changed.
//
// Sources: the flavours as NVIDIA's nvidia/cuda page describes them (hub.docker.com/r/nvidia/cuda,
// "base: Includes the CUDA runtime (cudart)", "runtime: Builds on the base and includes the CUDA math
// libraries, and NCCL", "devel: Builds on the runtime and includes headers, development tools for
// building CUDA images"); tag parsing and deletion of end-of-life tags: nvidia-images.ts.
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';
import { parseImageRef, withFlavour } from './nvidia-images.js';
import { cudaTagsUrl } from './cuda-image-tags.js';

/**
 * `runFlavour` (`base` / `runtime`), `runDevelImage` (the `-devel` image of the same CUDA, cuDNN, OS
 * and registry), `runDevelCommand` (the captured `docker run` with that image) and `runTagsUrl` (the
 * tags of that CUDA release): only for an nvidia/cuda image that is not `-devel` already.
 */
export function runImageEnrich(captures: Readonly<Record<string, string>>, _step: Step | null, _model: BuildModel, _facts: FactView): Record<string, string> {
  const ref = captures['context.runImage.image'];
  const image = ref === undefined ? null : parseImageRef(ref);
  if (image === null || image.kind !== 'nvidia-cuda' || image.flavour === 'devel') return {};
  const devel = withFlavour(image, 'devel');
  const out: Record<string, string> = { runFlavour: image.flavour, runDevelImage: devel, runTagsUrl: cudaTagsUrl(image.cuda)! };
  const cmd = captures['context.runImage.cmd'];
  if (cmd !== undefined) out.runDevelCommand = `${cmd}${devel}${captures['context.runImage.rest'] ?? ''}`.trim();
  return out;
}
