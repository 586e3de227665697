// The `xformers-build` enricher: xFormers' check at import, `xFormers can't load C++/CUDA extensions. xFormers was
// built for:` / `PyTorch 2.3.0+cu121 with CUDA 1201 (you have 2.4.0+cu121)`, names the torch its wheel was compiled
// against and the torch installed. From the two it builds the two ways out.
//
// Sources:
// - Each xFormers wheel is built for one torch release and pins it exactly: pip's `xformers 0.0.26.post1 depends on
//   torch==2.3.0` (a fixture of pip/resolution-impossible, knowledge/pip-conflict.ts); its README installs the stable
//   release with `pip3 install -U xformers --index-url https://download.pytorch.org/whl/cu121` (one index per CUDA;
//   facebookresearch/xformers README.md @042abc8, "Installing xFormers"), and the PyTorch index serves the xformers wheels
//   (`https://download.pytorch.org/whl/cu124/xformers/`, facebookresearch/xformers#1241). So naming the installed torch
//   exactly beside `xformers` on its CUDA's index lets pip pick the xformers release built for it.
// - `(you have 2.1.2+cpu)` is a CPU-only torch (open-mmlab/PIA#30, invoke-ai/InvokeAI#4788; the maintainer's answer in
//   PIA#30: install the CUDA build of torch).
// - The torchvision / torchaudio of a torch release: knowledge/torch-wheels.ts.
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';
import { indexUrl, pairedPackages } from './torch-wheels.js';

/** `pip install …` for torch `version` with its torchvision / torchaudio when the table knows them. */
function torchWithPairs(version: string, index: string): string {
  const pairs = pairedPackages(version);
  const extra = pairs ? ` "torchvision==${pairs.torchvision}" "torchaudio==${pairs.torchaudio}"` : '';
  return `pip install "torch==${version}"${extra} --index-url ${index}`;
}

export function xformersBuildEnrich(
  captures: Readonly<Record<string, string>>,
  _step: Step | null,
  _model: BuildModel,
  _facts: FactView,
): Record<string, string> {
  const built = captures['builtTorch'];
  const have = captures['haveTorch'];
  if (built === undefined || have === undefined) return {};
  const builtTag = captures['builtTag'] ?? '';
  const haveTag = captures['haveTag'] ?? '';
  const out: Record<string, string> = {};
  const builtIndex = indexUrl(builtTag);
  const haveIndex = indexUrl(haveTag);
  if (haveTag === 'cpu' && builtIndex !== null) {
    // the CUDA build of the same torch xFormers was built for
    out['xfCpuFix'] = `pip install --force-reinstall "torch==${built}" --index-url ${builtIndex}`;
    return out;
  }
  if (built === have) return out;
  if (haveIndex !== null) out['xfMatchFix'] = `pip install -U "torch==${have}" xformers --index-url ${haveIndex}`;
  if (builtIndex !== null) out['xfRollbackFix'] = torchWithPairs(built, builtIndex);
  return out;
}
