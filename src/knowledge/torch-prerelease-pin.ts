// Two torch pins that no index serves any more, told apart by their version:
// - a dated nightly, `torch==1.13.0.dev20220921+cu116` (pytorch/TensorRT#1478): PyTorch's nightly index keeps recent nightlies
//   only; old ones are archived off it (pytorch/test-infra#5673 "Archive nightly whl index", whose log lists
//   `whl/nightly/cu102/torch-1.13.0.dev20220803%2Bcu102-…`; downstream projects report about 60 to 90 days: replicate/monobase#17,
//   pytorch/executorch#7670; the conda nightlies were deleted at each upload, pytorch/pytorch#70045). The way out is the release
//   the nightly led to (the version before `.dev`), from its CUDA index (knowledge/torch-wheels.ts, the previous-versions page;
//   pytorch/TensorRT#1477 moved that pin to the released 1.13.0 / cu116), or a current nightly.
// - Intel's XPU build, `torch==2.0.1a0` with `intel_extension_for_pytorch==…+xpu`, asked of Intel's find-links page
//   (`-f https://developer.intel.com/ipex-whl-stable-xpu`, ahmetoner/whisper-asr-webservice#169) that no longer lists it: pip
//   saw PyPI's releases only. Intel's install guides give the XPU wheels from the index
//   `--extra-index-url https://pytorch-extension.intel.com/release-whl/stable/xpu/us/` (intel.github.io/intel-extension-for-pytorch,
//   xpu/1.13.10+xpu and 1.13.120+xpu "Getting Started": `torch==1.13.0a0 … intel_extension_for_pytorch==1.13.10+xpu`); from
//   PyTorch 2.5 PyTorch publishes XPU wheels itself, `--index-url https://download.pytorch.org/whl/xpu` (docs.pytorch.org/docs/2.5/
//   notes/get_start_xpu, "For release wheels").
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';
import { installCommand, installerOf } from './installer-forms.js';
import { releaseInstall, torchRelease } from './torch-wheels.js';

export const INTEL_XPU_INDEX = 'https://pytorch-extension.intel.com/release-whl/stable/xpu/us/';
export const PYTORCH_XPU_INDEX = 'https://download.pytorch.org/whl/xpu';

/** `torch==1.13.0.dev20220921+cu116` → its parts; null for anything else. */
export function nightlyPin(requirement: string): { pkg: string; base: string; date: string; tag: string | null } | null {
  const m = /^(torch|torchvision|torchaudio)==(\d{1,2}\.\d{1,2}\.\d{1,2})\.dev(20\d{2})(\d{2})(\d{2})(?:\+([a-z0-9.]{1,20}))?$/.exec(requirement.trim());
  return m ? { pkg: m[1]!, base: m[2]!, date: `${m[3]}-${m[4]}-${m[5]}`, tag: m[6] ?? null } : null;
}

/**
 * `nightlyDate` (2022-09-21), `nightlyBase` (1.13.0), and `nightlyReleaseCmd` (the release's install from its CUDA index,
 * for a torch pin whose release and tag the table holds); `xpuIntelIndex` / `xpuPytorchIndex` and `xpuCheckCmd` for a
 * torch `a0` pin read from one of Intel's pages (`context.intelLinks`).
 */
export function torchPrereleasePinEnrich(
  captures: Readonly<Record<string, string>>,
  _step: Step | null,
  _model: BuildModel,
  facts: FactView,
): Record<string, string> {
  const requirement = captures.requirement ?? '';
  const nightly = nightlyPin(requirement);
  if (nightly !== null) {
    const out: Record<string, string> = { nightlyDate: nightly.date, nightlyBase: nightly.base, nightlyPkg: nightly.pkg };
    const release = nightly.pkg === 'torch' ? torchRelease(nightly.base) : null;
    if (release !== null && nightly.tag !== null && release.cudaTags.includes(nightly.tag)) {
      out.nightlyReleaseCmd = installCommand(installerOf(facts), releaseInstall(release, nightly.tag));
    }
    return out;
  }
  if (captures['context.intelLinks'] !== undefined && /^torch==\d{1,2}\.\d{1,2}\.\d{1,2}a0(?:\+[\w.]{1,40})?$/.test(requirement)) {
    return {
      xpuIntelIndex: INTEL_XPU_INDEX,
      xpuPytorchIndex: PYTORCH_XPU_INDEX,
      xpuCheckCmd: `pip download --no-deps -d /tmp/xpu-check ${requirement} --extra-index-url ${INTEL_XPU_INDEX}`,
    };
  }
  return {};
}
