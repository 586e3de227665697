// How to move a build's torch onto the PyTorch wheel index of a CUDA release when the log does not show
// which torch release the project wants. The newest release on that index is no answer: a project pinned
// to a 2023 stack breaks on a torch two years newer. Two things the build itself knows are used instead:
// - the torch release pip already resolved from the project's requirements, reinstalled in its build for
//   the index's CUDA: PyTorch's per-CUDA indexes name those wheels with a local version (`2.1.2+cu118`,
//   pytorch.org/get-started/previous-versions), and an installed `2.1.2+cu121` already satisfies a plain
//   `torch==2.1.2` (PEP 440: a specifier without a local version ignores it), so the local label is spelled out;
// - the range of releases PyTorch published on that index (torch-wheels.ts, from the same page), to pick from
//   when the resolved release has no build there.
import { indexUrl, releasesForCuda, torchReleases, type TorchRelease } from './torch-wheels.js';
import { findLinksReleases } from './torch-find-links.js';
import { compareVersions } from '../text/compare-versions.js';
import { installCommand, type Installer } from './installer-forms.js';

/** Reads the installed torch's release without its local version (`2.1.2+cu121` → `2.1.2`). */
const TORCH_RELEASE = `TORCH="$(python3 -c 'import torch; print(torch.__version__.split("+")[0])')"`;

/**
 * One shell line: reinstall the torch release the environment holds, in its build for `tag` (`cu118`).
 * Null when `tag` is not a PyTorch CUDA index tag.
 */
export function sameReleaseInstall(installer: Installer, tag: string): string | null {
  const url = indexUrl(tag);
  if (url === null) return null;
  // installCommand quotes words with `$`; the requirement is put in afterwards so the shell expands it
  const command = installCommand(installer, { requirements: ['torch'], indexUrl: url }).replace(/ torch$/, ` "torch==\${TORCH}+${tag}"`);
  return `${TORCH_RELEASE} && ${command}`;
}

/** `torch 2.0.0 through 2.7.1` for `cu118` (oldest to newest in the table), or null when the table has none. */
export function releaseRange(tag: string): string | null {
  const releases = releasesForCuda(tag);
  if (releases.length === 0) return null;
  const newest = releases[0]!.torch;
  const oldest = releases[releases.length - 1]!.torch;
  return oldest === newest ? `torch ${newest}` : `torch ${oldest} through ${newest}`;
}

/**
 * When the log shows the CUDA torch was built with (`11.3`) but not the torch release: if every torch PyTorch built for
 * that CUDA (torch-wheels.ts for the indexes, torch-find-links.ts for the find-links pages and plain PyPI builds) is older
 * than the oldest release on `tag`'s index, the installed torch has no build there at all (cu113 torch is 1.10 … 1.12.1,
 * and the cu121 index begins at 2.1.0: pytorch.org/get-started/previous-versions). A `torch==${TORCH}+cu121` line would
 * then ask for a wheel that does not exist, so the fix pins a release that is on the index: the newest patch of its oldest
 * minor, the nearest generation to the project's torch. Null when the table knows no build for that CUDA or the ranges overlap.
 */
export function generationGapPin(torchCuda: string, tag: string): { builtFor: string; pick: TorchRelease } | null {
  const m = /^(\d{1,2})\.(\d)$/.exec(torchCuda.trim());
  if (m === null) return null;
  const ownTag = `cu${m[1]}${m[2]}`;
  const builtFor = [
    ...torchReleases.filter((r) => r.cudaTags.includes(ownTag)).map((r) => r.torch),
    ...findLinksReleases.filter((r) => r.cudaTags.includes(ownTag) || r.pypiCuda === torchCuda.trim()).map((r) => r.torch),
  ].sort(compareVersions);
  const onIndex = releasesForCuda(tag); // newest first
  if (builtFor.length === 0 || onIndex.length === 0) return null;
  const newestBuilt = builtFor[builtFor.length - 1]!;
  const oldest = onIndex[onIndex.length - 1]!;
  if (compareVersions(newestBuilt, oldest.torch) >= 0) return null;
  const minor = oldest.torch.split('.').slice(0, 2).join('.');
  const pick = onIndex.find((r) => r.torch.startsWith(`${minor}.`)) ?? oldest;
  return { builtFor: builtFor[0] === newestBuilt ? `torch ${newestBuilt}` : `torch ${builtFor[0]} through ${newestBuilt}`, pick };
}
