// The `unpinned-torch` enricher: a failed step that dies inside torch.utils.cpp_extension while building an
// extension (`torch/utils/cpp_extension.py", line …, in build_extensions`), after an EARLIER step installed
// torch with no exact version (`pip3 install "torch>=2.0.0"`). Without a pin and an index pip takes the
// newest torch on PyPI, built for the CUDA PyTorch chose for that release, not the image's toolkit; the
// extension build then stops at cpp_extension's CUDA check (mistralai/mistral-inference#76: a cu121 torch
// in a CUDA 11.8 image, fixed by pinning a cu118 torch from its index, mistral-inference#81 and #54). Keys:
// `unpinnedTorch` (the requirement as written), `unpinnedTorchStep` (that step's instruction), and with the
// build's CUDA known, `unpinnedTorchIndex` / `unpinnedTorchInstall` / `unpinnedTorchRange` (torch-wheels.ts).
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';
import { indexUrl, wheelTagFor } from './torch-wheels.js';
import { installCommand, installerOf } from './installer-forms.js';
import { releaseRange } from './torch-index-pin.js';

/** An install of `torch` with no `==` pin and no PyTorch index: bare, or with a range (`torch>=2.0.0`). */
const UNPINNED_TORCH = /\b(?:pip3?|uv pip|python3? -m pip) install\b[^\n]{0,300}?[\s"'](?<req>torch(?:(?:>=|>|~=|<=|<|!=)[^\s"']{1,60})?)(?=["'\s]|$)/;
const CPP_EXTENSION_FRAME = 'torch/utils/cpp_extension.py';

export function unpinnedTorchEnrich(_captures: Readonly<Record<string, string>>, step: Step | null, model: BuildModel, facts: FactView): Record<string, string> {
  if (step === null || !step.tail.some((line) => line.includes(CPP_EXTENSION_FRAME))) return {};
  const at = model.steps.indexOf(step);
  for (const earlier of model.steps.slice(0, Math.max(at, 0))) {
    const text = earlier.instruction ?? '';
    if (text.includes('download.pytorch.org')) continue; // an index of a chosen CUDA: not this trap
    const req = UNPINNED_TORCH.exec(text)?.groups?.req;
    if (req === undefined) continue;
    const out: Record<string, string> = { unpinnedTorch: req, unpinnedTorchStep: text.trim() };
    const cuda = facts.value('cuda');
    const tag = cuda === null ? null : wheelTagFor(cuda);
    const range = tag === null ? null : releaseRange(tag);
    if (tag !== null && range !== null) {
      out.unpinnedTorchIndex = indexUrl(tag)!;
      out.unpinnedTorchInstall = installCommand(installerOf(facts), { requirements: [req], indexUrl: out.unpinnedTorchIndex });
      out.unpinnedTorchRange = `PyTorch published ${range} for ${tag} (pytorch.org/get-started/previous-versions)`;
    }
    return out;
  }
  return {};
}
