// PyG's prebuilt extension wheels (torch_scatter, torch_sparse, torch_cluster, torch_spline_conv,
// pyg_lib) and the torch they were built for. Their local version names both: `2.1.2+pt21cu118` is
// built against torch 2.1 with CUDA 11.8. A wheel built for a CUDA major other than torch's is a
// broken install that pip reports as a success: the extension checks at import time and raises.
//
// Sources:
// - The local version's form `+pt<torch major><minor>cu<CUDA>`: pip's own lines in public logs
//   (`Successfully installed pyg_lib-0.4.0+pt20cu118 torch_cluster-1.6.3+pt20cu118 …`, downloaded
//   from `https://data.pyg.org/whl/torch-2.0.0%2Bcu118/…`), kept as fixtures of
//   pip/extension-cuda-mismatch.
// - The install page: rusty1s/pytorch_scatter README.md @648dda3c (2026-01-21): `pip install
//   torch-scatter -f https://data.pyg.org/whl/torch-2.8.0+${CUDA}.html`, `${CUDA}` one of `cpu`,
//   `cu126`, …, "depending on your PyTorch installation"; every wheel listed at https://data.pyg.org/whl.
//   One page serves a torch minor's releases: the log above asked `-f …/torch-2.0.1+cu118.html` and
//   got wheels from `torch-2.0.0%2Bcu118/`.
// - What breaks: torch_scatter/__init__.py @648dda3c raises `RuntimeError: Detected that PyTorch and
//   torch_scatter were compiled with different CUDA versions. …` when `torch.version.cuda`'s major
//   differs from the extension's (`if t_major != major`); a minor difference passes. Releases before
//   2021 compared the minor too (the relaxation: rusty1s/pytorch_scatter#187, maintainer's comment).
//   torch_sparse, torch_cluster and torch_spline_conv carry the same check with their own name
//   (rusty1s/pytorch_sparse#86, #117; pyg-team/pytorch_geometric#4073 show it raised for torch_sparse).
// - Pages exist for released torch versions only (`torch-2.8.0+cu126.html`): an NGC torch (`2.3.0a0+ebedce2`) or a
//   nightly has none, and the extension is built from source against it (PyG's "Installation from Source").
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';
import { cudaOfLocal } from './torch-replacement.js';

/** The PyG extension packages, as pip spells their distribution names (`torch-scatter` or `torch_scatter`). */
export const pygPackagePattern = 'torch[_-]scatter|torch[_-]sparse|torch[_-]cluster|torch[_-]spline[_-]conv|pyg[_-]lib';

/** What a PyG wheel's local version says it was built for. */
export interface PygBuild {
  /** torch `major.minor` (`2.1`). */
  torch: string;
  /** PyTorch's CUDA tag (`cu118`). */
  cudaTag: string;
  /** CUDA `major.minor` (`11.8`). */
  cuda: string;
}

/** `2.1.2+pt21cu118` → torch 2.1, cu118 (11.8); null for a CPU build or another form. */
export function pygBuildOf(version: string | undefined): PygBuild | null {
  const m = /\+pt(\d)(\d{1,2})(cu\d{2,3})$/.exec(version ?? '');
  if (!m) return null;
  const cuda = cudaOfLocal(m[3]);
  return cuda === null ? null : { torch: `${m[1]}.${m[2]}`, cudaTag: m[3]!, cuda };
}

/** `2.1.0+cu121`, `cu121` → the page of PyG wheels for that torch and CUDA: `https://data.pyg.org/whl/torch-2.1.0+cu121.html`. */
export function pygFindLinks(torchVersion: string, cudaTag: string): string | null {
  // PyG publishes pages for torch releases only: an NGC or nightly torch (`2.3.0a0+ebedce2`) has none
  const bare = /^\d{1,2}\.\d{1,3}\.\d{1,3}(?=\+|$)/.exec(torchVersion)?.[0];
  return bare === undefined ? null : `https://data.pyg.org/whl/torch-${bare}+${cudaTag}.html`;
}

/** `12.1` → `12`. */
function majorOf(cuda: string): string {
  return cuda.split('.')[0]!;
}

/** The pip command that installs `pkg` from the page for this torch (PyG's documented form). */
function pipFromPage(pkg: string, page: string): string {
  return `pip install ${pkg} -f ${page}`;
}

/**
 * The source build PyG's installation page gives where no wheel fits (`pip install --verbose torch_scatter`,
 * pytorch_geometric docs/source/install/installation.rst, "Installation from Source"), without build isolation: its
 * setup.py imports the installed torch, which an isolated build environment does not have.
 */
function sourceBuild(pkg: string): string {
  return `pip install --verbose --no-build-isolation ${pkg}`;
}

/**
 * The `extension-cuda` enricher: compares a PyG wheel's CUDA (`{version}` of the match) with the CUDA
 * of the torch the log shows for the step. `{enrich.mismatch}` is set only when the majors differ
 * (what the extension's import check refuses); the versions and the page of matching wheels are given
 * whenever both CUDA versions are known.
 * A runtime error that names both CUDA versions (`{torchCuda}`, `{extensionCuda}` captures) gets the
 * same values from the error itself.
 */
export function extensionCudaEnrich(
  captures: Readonly<Record<string, string>>,
  _step: Step | null,
  _model: BuildModel,
  facts: FactView,
): Record<string, string> {
  const pkg = (captures.package ?? '').replace(/-/g, '_');
  const built = pygBuildOf(captures.version);
  const extensionCuda = built?.cuda ?? captures.extensionCuda;
  // the error's own words first: it is what the import compared
  const torchCuda = captures.torchCuda ?? cudaOfLocal(facts.value('torchCuda') ?? undefined);
  if (pkg === '' || extensionCuda === undefined || torchCuda === null) return { mismatch: '' };
  const tag = `cu${torchCuda.replace('.', '')}`;
  const torch = facts.value('torch');
  const out: Record<string, string> = {
    // what the import check of current releases refuses; the install command is given either way
    mismatch: majorOf(extensionCuda) === majorOf(torchCuda) ? '' : 'yes',
    pkg,
    extensionCuda,
    torchCuda,
    torchNote: torch === null ? `torch built for CUDA ${torchCuda}` : `torch ${torch}`,
  };
  const page = torch === null ? null : pygFindLinks(torch, tag);
  if (page !== null) {
    out.install = pipFromPage(pkg, page);
  } else if (torch !== null) {
    // a pre-release torch (NGC's `2.3.0a0+ebedce2`, a nightly): PyG has no page for it, so the extension is compiled against it
    out.install = sourceBuild(pkg);
  } else {
    // the torch version is not in the log: the command reads it from the environment it installs into, and compiles
    // against a pre-release there (a `data.pyg.org/whl/torch-2.3.0a0+…` page does not exist)
    out.install =
      `TORCH=$(python -c "import torch; print(torch.__version__.split('+')[0])") && case "$TORCH" in *[!0-9.]*) ${sourceBuild(pkg)} ;; ` +
      `*) ${pipFromPage(pkg, `https://data.pyg.org/whl/torch-$TORCH+${tag}.html`)} ;; esac`;
  }
  return out;
}
