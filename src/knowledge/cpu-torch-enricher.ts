// The `cpu-torch` enricher: the command that installs torch from PyTorch's CPU-only index, in the step's
// installer. CPU wheels leave out the CUDA libraries (libtorch_cuda.so and the nvidia-* wheels CUDA builds pull
// in), so an image that never runs on a GPU can drop gigabytes with them. The index is the one PyTorch's install
// page gives for Compute Platform "CPU" (pytorch.org/get-started/locally: `pip3 install torch torchvision
// torchaudio --index-url https://download.pytorch.org/whl/cpu`); a conda environment gets the pip form from
// installer-forms.ts, which runs in the active environment.
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';
import { installCommand, installerOf } from './installer-forms.js';

export const CPU_TORCH_INDEX = 'https://download.pytorch.org/whl/cpu';

export function cpuTorchEnrich(
  _captures: Readonly<Record<string, string>>,
  _step: Step | null,
  _model: BuildModel,
  facts: FactView,
): Record<string, string> {
  return { cpuTorchInstall: installCommand(installerOf(facts), { requirements: ['torch'], indexUrl: CPU_TORCH_INDEX }) };
}
