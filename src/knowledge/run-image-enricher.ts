// The `run-image` enricher: the nvidia/cuda image a `docker run` line of the log starts, and the same
// image in its `-devel` flavour, for a container that has no CUDA compiler. The rule captures the
// command with the shared `docker run` context (`context.runCommand.head`, `.args`: runtime/run-command.ts)
// and the image is read as the run-command enricher reads it, so the fix is the user's own command with
// only the image changed.
//
// Sources: the flavours as NVIDIA's nvidia/cuda page describes them (hub.docker.com/r/nvidia/cuda,
// "base: Includes the CUDA runtime (cudart)", "runtime: Builds on the base and includes the CUDA math
// libraries, and NCCL", "devel: Builds on the runtime and includes headers, development tools for
// building CUDA images"); tag parsing and deletion of end-of-life tags: nvidia-images.ts.
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';
import { parseImageRef, withFlavour } from './nvidia-images.js';
import { cudaTagsUrl } from './cuda-image-tags.js';
import { parseRunCommand } from './run-command-enricher.js';

/**
 * `runFlavour` (`base` / `runtime`), `runDevelImage` (the `-devel` image of the same CUDA, cuDNN, OS
 * and registry), `runDevelCommand` (the captured `docker run` with that image) and `runTagsUrl` (the
 * tags of that CUDA release): only for an nvidia/cuda image that is not `-devel` already.
 */
export function runImageEnrich(captures: Readonly<Record<string, string>>, _step: Step | null, _model: BuildModel, _facts: FactView): Record<string, string> {
  const head = captures['context.runCommand.head'];
  const args = captures['context.runCommand.args'];
  const ref = args === undefined ? null : parseRunCommand(args).image;
  const image = ref === null ? null : parseImageRef(ref);
  if (image === null || image.kind !== 'nvidia-cuda' || image.flavour === 'devel') return {};
  const devel = withFlavour(image, 'devel');
  const out: Record<string, string> = { runFlavour: image.flavour, runImageRef: ref!, runDevelImage: devel, runTagsUrl: cudaTagsUrl(image.cuda)! };
  const at = args!.indexOf(ref!);
  if (head !== undefined) out.runDevelCommand = `${head}${args!.slice(0, at)}${devel}${args!.slice(at + ref!.length)}`.trim();
  return out;
}
