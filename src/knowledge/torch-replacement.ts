// The `torch-replacement` enricher: what changed when pip put another torch in place of the one an
// image had, read from the two versions the step shows (the uninstalled one and pip's `Successfully
// installed … torch-X` line): a CPU-only build, or a build for another CUDA. The local version says
// which build a torch wheel is: PyTorch's wheel indexes publish `+cpu` builds without CUDA support
// and `+cuXYZ` builds for CUDA X.Y (pytorch.org/get-started/locally and previous-versions: the
// `--index-url https://download.pytorch.org/whl/cpu` and `…/whl/cu121` commands). A torch without a
// local version says nothing here (PyPI's default build differs from release to release).
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';

/** `cu121` → `12.1`, `cu118` → `11.8`; null for anything else. */
export function cudaOfLocal(local: string | undefined): string | null {
  const m = /^cu(\d{1,2})(\d)$/.exec(local ?? '');
  return m ? `${Number(m[1])}.${m[2]}` : null;
}

/** The local version of `2.3.1+cu121` (`cu121`), or undefined. */
function localOf(version: string | undefined): string | undefined {
  const plus = (version ?? '').indexOf('+');
  return plus < 0 ? undefined : version!.slice(plus + 1);
}

/**
 * Whether pip's `Successfully installed …` line (`context.installed`) names the uninstalled
 * `package-version` itself: the same build put back (`--force-reinstall`), nothing replaced.
 */
function sameBuildBack(captures: Readonly<Record<string, string>>): boolean {
  const line = captures['context.installed'];
  const { package: pkg, version } = captures;
  if (line === undefined || pkg === undefined || version === undefined) return false;
  return line.split(/\s+/).includes(`${pkg}-${version}`);
}

/**
 * `{enrich.replacementNote}`: a sentence on the torch pip installed, when its build differs from
 * the removed one's in a way the versions show; '' otherwise. `{enrich.sameBuild}`: set when pip
 * installed the very version it uninstalled.
 */
export function torchReplacementEnrich(
  captures: Readonly<Record<string, string>>,
  _step: Step | null,
  _model: BuildModel,
  _facts: FactView,
): Record<string, string> {
  if (sameBuildBack(captures)) return { replacementNote: '', sameBuild: 'yes' };
  const installed = captures['context.installedTorch.version'];
  if (installed === undefined) return { replacementNote: '' };
  const newLocal = localOf(installed);
  const removed = captures.package === 'torch' ? captures.version : undefined;
  if (newLocal === 'cpu') {
    return {
      replacementNote:
        `The torch it installed, ${installed}, is PyTorch's CPU-only build (+cpu): torch in this image no longer has CUDA support, ` +
        'so torch.cuda.is_available() is False on any GPU.',
    };
  }
  const newCuda = cudaOfLocal(newLocal);
  const oldLocal = localOf(removed);
  const oldCuda = cudaOfLocal(oldLocal);
  if (newCuda !== null && oldCuda !== null && newCuda !== oldCuda) {
    return {
      replacementNote: `The torch it installed, ${installed}, is built for CUDA ${newCuda}; the one it removed was built for CUDA ${oldCuda}.`,
    };
  }
  return { replacementNote: '' };
}
