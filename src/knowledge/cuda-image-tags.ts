// Which `nvidia/cuda:<X.Y.Z>-devel-ubuntu<R>` tags were published, so a fix can name a real tag for a
// CUDA `major.minor` the log shows (nvcc, the environment) when the base image itself is not known,
// or for the newer CUDA an architecture needs.
//
// Source: github.com/replicate/cog pkg/config/cuda_compatibility.json @001f9477 (the nvidia/cuda
// `-cudnn…-devel-ubuntu…` tags cog builds on; NVIDIA builds the plain `devel` image and its `devel/cudnn…`
// variant from the same dist/<X.Y.Z>/<os>/devel directory of gitlab.com/nvidia/container-images/cuda,
// see nvidia-images.ts). The newest patch release per minor is kept, with the Ubuntu releases listed there.
// CUDA 13 and non-Ubuntu tags are not in that list: for them the fix links Docker Hub's tag search.
// NVIDIA deletes tags six months after a release's end of life (CUDA_TAG_POLICY): an old tag can be gone.
// Checked against NVIDIA's own tag tables (doc/supported-tags.md and doc/unsupported-tags.md of
// gitlab.com/nvidia/container-images/cuda, as merged into its mirror github.com/pranavmishra90/
// nvidia-container-images-cuda at a7c9be98, 2025-08): every tag named below is listed as supported there
// (`12.0.1-cudnn8-devel-ubuntu18.04`, `12.9.1-cudnn-devel-ubuntu22.04`, …), and no CUDA 10 or older tag is in
// either table (the unsupported one lists the tags that "still exist"): those majors are gone entirely.
import { normaliseCudaVersion } from './cuda-arches.js';
import { compareVersions } from '../text/compare-versions.js';

/** Newest published patch release per CUDA minor, and the Ubuntu releases it was tagged for. */
const develTags: Readonly<Record<string, { full: string; ubuntu: readonly string[] }>> = {
  '12.9': { full: '12.9.1', ubuntu: ['24.04', '22.04', '20.04'] },
  '12.8': { full: '12.8.1', ubuntu: ['24.04', '22.04', '20.04'] },
  '12.6': { full: '12.6.3', ubuntu: ['24.04', '22.04', '20.04'] },
  '12.5': { full: '12.5.1', ubuntu: ['22.04', '20.04'] },
  '12.4': { full: '12.4.1', ubuntu: ['22.04', '20.04'] },
  '12.3': { full: '12.3.2', ubuntu: ['22.04', '20.04'] },
  '12.2': { full: '12.2.2', ubuntu: ['22.04', '20.04'] },
  '12.1': { full: '12.1.1', ubuntu: ['22.04', '20.04'] },
  '12.0': { full: '12.0.1', ubuntu: ['22.04', '20.04', '18.04'] },
  '11.8': { full: '11.8.0', ubuntu: ['22.04', '20.04', '18.04'] },
  '11.7': { full: '11.7.1', ubuntu: ['22.04', '20.04', '18.04'] },
  '11.6': { full: '11.6.2', ubuntu: ['20.04', '18.04'] },
  '11.5': { full: '11.5.2', ubuntu: ['20.04', '18.04'] },
  '11.4': { full: '11.4.3', ubuntu: ['20.04', '18.04'] },
  '11.3': { full: '11.3.1', ubuntu: ['20.04', '18.04', '16.04'] },
  '11.2': { full: '11.2.2', ubuntu: ['20.04', '18.04', '16.04'] },
  '11.1': { full: '11.1.1', ubuntu: ['20.04', '18.04', '16.04'] },
  '11.0': { full: '11.0.3', ubuntu: ['20.04', '18.04', '16.04'] },
};

/** `Ubuntu 22.04` → `ubuntu22.04`, `UBI 9` → `ubi9`, `Rocky Linux 8` → `rockylinux8`: the OS part of an nvidia/cuda tag. */
export function osTagPart(os: string | null): string | null {
  if (os === null) return null;
  const m = /^(Ubuntu|UBI|Rocky Linux|CentOS|Oracle Linux)\s+(\d{1,2}(?:\.\d{2})?)$/.exec(os.trim());
  return m ? `${m[1]!.toLowerCase().replace(/\s+/g, '')}${m[2]}` : null;
}

/**
 * A published `nvidia/cuda:<X.Y.Z>-devel-ubuntu<R>` tag for a CUDA `major.minor` and an OS as the facts
 * write it (`Ubuntu 22.04`). Null without the OS, or when the list has no such tag.
 */
export function develTagFor(cuda: string, os: string | null): string | null {
  const v = normaliseCudaVersion(cuda);
  const row = v === null ? undefined : develTags[v];
  if (row === undefined) return null;
  // Without the OS the log shows, no tag: a fix must not move the build to another distro release.
  const wanted = os === null ? undefined : /^Ubuntu (\d{2}\.\d{2})$/.exec(os.trim())?.[1];
  if (wanted === undefined || !row.ubuntu.includes(wanted)) return null;
  return `nvidia/cuda:${row.full}-devel-ubuntu${wanted}`;
}

/**
 * When the OS is not in the log: the published `-devel` tags of a CUDA `major.minor` for each Ubuntu release
 * the list has, as one phrase (`nvidia/cuda:12.1.1-devel-ubuntu22.04 or nvidia/cuda:12.1.1-devel-ubuntu20.04,
 * the one of the base image's Ubuntu release`): the reader picks, the fix does not move the distro. Null when
 * the list has no tag of that release.
 */
export function develTagChoice(cuda: string): string | null {
  const v = normaliseCudaVersion(cuda);
  const row = v === null ? undefined : develTags[v];
  if (row === undefined) return null;
  const tags = row.ubuntu.map((u) => `nvidia/cuda:${row.full}-devel-ubuntu${u}`);
  return tags.length === 1 ? tags[0]! : `${tags.join(' or ')}, the one of the base image's Ubuntu release`;
}

/**
 * The newest patch tag of the same CUDA minor for a `-devel` Ubuntu tag the list covers: `11.3.0-cudnn8-devel-ubuntu20.04`
 * → `11.3.1-cudnn8-devel-ubuntu20.04`. Null when the tag already is that patch, or the list has no such tag.
 */
export function laterPatchTag(cudaFull: string, form: string, ubuntu: string | null): string | null {
  const v = normaliseCudaVersion(cudaFull);
  const row = v === null ? undefined : develTags[v];
  if (row === undefined || row.full === cudaFull || ubuntu === null || !row.ubuntu.includes(ubuntu)) return null;
  if (!/(?:^|-)devel-ubuntu/.test(form)) return null;
  return `${row.full}-${form}`;
}

/** Docker Hub's tag search for one CUDA release: `https://hub.docker.com/r/nvidia/cuda/tags?name=12.1`. */
export function cudaTagsUrl(cuda: string): string | null {
  const v = normaliseCudaVersion(cuda);
  return v === null ? null : `https://hub.docker.com/r/nvidia/cuda/tags?name=${v}`;
}

/**
 * The cuDNN part of nvidia/cuda tags per CUDA release, as the tag list shows it: `cudnn8` up to 12.2,
 * `cudnn9` for 12.3, `cudnn` (cuDNN 9) from 12.4 (same cog list; nvidia-images.ts for the dist tree). Null
 * where the list has no cuDNN tag (CUDA 13 here).
 */
export function cudnnTagPart(cuda: string): string | null {
  const v = normaliseCudaVersion(cuda);
  if (v === null || develTags[v] === undefined) return null;
  const [major, minor] = v.split('.').map(Number) as [number, number];
  if (major === 11 || (major === 12 && minor <= 2)) return 'cudnn8';
  return major === 12 && minor === 3 ? 'cudnn9' : 'cudnn';
}

/** The newest CUDA major of which NVIDIA deleted every nvidia/cuda tag (no CUDA ≤ 10 tag in either tag table). */
const LAST_DELETED_MAJOR = 10;

/** Every nvidia/cuda tag of this CUDA release's major is deleted: no tag of the same major is left to move to. */
export function cudaMajorDeleted(cuda: string): boolean {
  const major = Number(cuda.split('.')[0]);
  return Number.isInteger(major) && major <= LAST_DELETED_MAJOR;
}

/**
 * The Ubuntu release a moved base image is offered on when its own release has no tag left: 22.04 has tags of every
 * CUDA 12 minor in the list and of CUDA 13 (supported-tags.md, 2025-08).
 */
export const CURRENT_UBUNTU = '22.04';

/**
 * The published `X.Y.Z` for an Ubuntu release nearest a CUDA `major.minor`: that minor's own when it is tagged for the
 * release, else the oldest newer minor that is (`11.4` on `22.04` → `11.7.1`, the first minor tagged for 22.04). Null
 * when the list has neither. `same` says which.
 */
export function cudaTagOnUbuntu(cuda: string, ubuntu: string): { full: string; same: boolean } | null {
  const v = normaliseCudaVersion(cuda);
  if (v === null) return null;
  const own = develTags[v];
  if (own?.ubuntu.includes(ubuntu) === true) return { full: own.full, same: true };
  let best: string | null = null;
  for (const [minor, row] of Object.entries(develTags)) {
    if (compareVersions(minor, v) <= 0 || !row.ubuntu.includes(ubuntu)) continue;
    if (best === null || compareVersions(row.full, best) < 0) best = row.full;
  }
  return best === null ? null : { full: best, same: false };
}

/** The newest published `X.Y.Z` of the list tagged for an Ubuntu release (`18.04` → `12.0.1`); null when none is. */
export function newestCudaForUbuntu(ubuntu: string): string | null {
  let best: string | null = null;
  for (const row of Object.values(develTags)) {
    if (!row.ubuntu.includes(ubuntu)) continue;
    if (best === null || compareVersions(row.full, best) > 0) best = row.full;
  }
  return best;
}

