// For checks that want torch's CUDA and the toolkit's to be the SAME release, minor included
// (NVIDIA apex's setup.py, check_cuda_torch_binary_vs_bare_metal: it raises when the nvcc major OR
// minor differs from torch.version.cuda; NVIDIA/apex setup.py@705cba91 and later): the torch side of
// the fix exists only when PyTorch published an index for exactly that release (torch-wheels.ts).
// The `≤ minor` index that torch.utils.cpp_extension tolerates (wheelTagFor) does not pass that check.
import { indexUrl, releasesForCuda, torchRelease } from './torch-wheels.js';
import { installCommand, type Installer } from './installer-forms.js';

/** `12.1` → `cu121`; null for a version that is not `major.minor`. */
function exactTag(cudaVersion: string): string | null {
  const m = /^(\d{1,2})\.(\d)$/.exec(cudaVersion.trim());
  return m ? `cu${m[1]}${m[2]}` : null;
}

/**
 * One sentence for the "keep this toolkit, move torch" side (no backticks: enrich values are escaped as log text): the install command of a torch built for
 * exactly `cudaVersion` (the build's own torch release when it has that index), or the statement that
 * PyTorch published none, so only the toolkit can move.
 */
export function exactTorchSide(cudaVersion: string, buildTorch: string | null, installer: Installer): string {
  const tag = exactTag(cudaVersion);
  const releases = tag === null ? [] : releasesForCuda(tag);
  if (tag === null || releases.length === 0) {
    return `PyTorch publishes no torch built for exactly CUDA ${cudaVersion}${tag === null ? '' : ` (no ${tag} index at https://download.pytorch.org/whl/)`}, so torch cannot be matched to this toolkit: move the toolkit instead`;
  }
  const own = buildTorch === null ? null : torchRelease(buildTorch);
  const torch = own !== null && own.cudaTags.includes(tag) ? own.torch : releases[0]!.torch;
  const command = installCommand(installer, { requirements: [`torch==${torch}`], indexUrl: indexUrl(tag)! });
  return `keep this toolkit (CUDA ${cudaVersion}) and install a torch built for exactly it, ${command} (with the torchvision / torchaudio of the same release, from the same index)`;
}
