// PyTorch releases → the CUDA wheel indexes (`https://download.pytorch.org/whl/cuXYZ`) they were published
// on, and the torchvision / torchaudio versions released with them. Used to turn "torch X with CUDA Y"
// into a runnable `--index-url` and to explain "no matching distribution" for a tag a release lacks.
//
// Sources:
// - pytorch.org/get-started/previous-versions (the "Linux and Windows" wheel commands). Read as
//   _get_started/previous-versions.md of github.com/pytorch/pytorch.github.io at commit e3f009bb (1.12.0
//   … 2.3.1), the docs pages docs.pytorch.org/get-started/previous-versions (v2.6.0) and
//   pytorch.org/get-started/previous-versions (v2.9.0, v2.9.1), and a copy of pytorch.org's page fetched
//   2026-03-31 (v2.10.0, v2.9.x, v2.8.0, v2.7.1, v2.7.0, v2.6.0, v2.5.1, v2.5.0: the rows below agree with it).
//   The CUDA tags agree with the "Release Compatibility Matrix" of pytorch/pytorch RELEASE.md (stable and
//   experimental CUDA per release: 2.5 11.8 / 12.1 / 12.4; 2.7 11.8 / 12.6 + 12.8; 2.8 12.6 / 12.8 + 12.9;
//   2.10 12.6 / 12.8 + 13.0).
// - Releases 2.4.x are left out: the copies read here showed their conda commands but cut off their wheel
//   commands, so their index tags are not verified. Releases after 2.10.0 are not on the pages read.
// - cu102 is listed for 1.12.x as the page lists it; CPU and ROCm indexes are not in this table.

export interface TorchRelease {
  torch: string;
  torchvision: string;
  torchaudio: string;
  /** Wheel index tags on download.pytorch.org, oldest CUDA first. */
  cudaTags: readonly string[];
  source: string;
}

const GH_PAGE = 'pytorch.org/get-started/previous-versions (pytorch.github.io _get_started/previous-versions.md @e3f009bb)';
const DOCS_PAGE = 'pytorch.org/get-started/previous-versions';
const PAGE_2026 = 'pytorch.org/get-started/previous-versions (copy fetched 2026-03-31)';

/** Newest first. */
export const torchReleases: readonly TorchRelease[] = [
  { torch: '2.10.0', torchvision: '0.25.0', torchaudio: '2.10.0', cudaTags: ['cu126', 'cu128', 'cu130'], source: `${PAGE_2026} (v2.10.0)` },
  { torch: '2.9.1', torchvision: '0.24.1', torchaudio: '2.9.1', cudaTags: ['cu126', 'cu128', 'cu130'], source: `${DOCS_PAGE} (v2.9.1)` },
  { torch: '2.9.0', torchvision: '0.24.0', torchaudio: '2.9.0', cudaTags: ['cu126', 'cu128', 'cu130'], source: `${DOCS_PAGE} (v2.9.0)` },
  { torch: '2.8.0', torchvision: '0.23.0', torchaudio: '2.8.0', cudaTags: ['cu126', 'cu128', 'cu129'], source: `${PAGE_2026} (v2.8.0)` },
  { torch: '2.7.1', torchvision: '0.22.1', torchaudio: '2.7.1', cudaTags: ['cu118', 'cu126', 'cu128'], source: `${PAGE_2026} (v2.7.1)` },
  { torch: '2.7.0', torchvision: '0.22.0', torchaudio: '2.7.0', cudaTags: ['cu118', 'cu126', 'cu128'], source: `${PAGE_2026} (v2.7.0)` },
  { torch: '2.6.0', torchvision: '0.21.0', torchaudio: '2.6.0', cudaTags: ['cu118', 'cu124', 'cu126'], source: 'docs.pytorch.org/get-started/previous-versions (v2.6.0)' },
  { torch: '2.5.1', torchvision: '0.20.1', torchaudio: '2.5.1', cudaTags: ['cu118', 'cu121', 'cu124'], source: `${PAGE_2026} (v2.5.1)` },
  { torch: '2.5.0', torchvision: '0.20.0', torchaudio: '2.5.0', cudaTags: ['cu118', 'cu121', 'cu124'], source: `${PAGE_2026} (v2.5.0)` },
  { torch: '2.3.1', torchvision: '0.18.1', torchaudio: '2.3.1', cudaTags: ['cu118', 'cu121'], source: GH_PAGE },
  { torch: '2.3.0', torchvision: '0.18.0', torchaudio: '2.3.0', cudaTags: ['cu118', 'cu121'], source: GH_PAGE },
  { torch: '2.2.2', torchvision: '0.17.2', torchaudio: '2.2.2', cudaTags: ['cu118', 'cu121'], source: GH_PAGE },
  { torch: '2.2.1', torchvision: '0.17.1', torchaudio: '2.2.1', cudaTags: ['cu118', 'cu121'], source: GH_PAGE },
  { torch: '2.2.0', torchvision: '0.17.0', torchaudio: '2.2.0', cudaTags: ['cu118', 'cu121'], source: GH_PAGE },
  { torch: '2.1.2', torchvision: '0.16.2', torchaudio: '2.1.2', cudaTags: ['cu118', 'cu121'], source: GH_PAGE },
  { torch: '2.1.1', torchvision: '0.16.1', torchaudio: '2.1.1', cudaTags: ['cu118', 'cu121'], source: GH_PAGE },
  { torch: '2.1.0', torchvision: '0.16.0', torchaudio: '2.1.0', cudaTags: ['cu118', 'cu121'], source: GH_PAGE },
  // 2.0.x: the default PyPI wheel is the CUDA 11.7 build; the page lists cu117 and cu118 indexes.
  { torch: '2.0.1', torchvision: '0.15.2', torchaudio: '2.0.2', cudaTags: ['cu117', 'cu118'], source: GH_PAGE },
  { torch: '2.0.0', torchvision: '0.15.1', torchaudio: '2.0.1', cudaTags: ['cu117', 'cu118'], source: GH_PAGE },
  { torch: '1.13.1', torchvision: '0.14.1', torchaudio: '0.13.1', cudaTags: ['cu116', 'cu117'], source: GH_PAGE },
  { torch: '1.13.0', torchvision: '0.14.0', torchaudio: '0.13.0', cudaTags: ['cu116', 'cu117'], source: GH_PAGE },
  { torch: '1.12.1', torchvision: '0.13.1', torchaudio: '0.12.1', cudaTags: ['cu102', 'cu113', 'cu116'], source: GH_PAGE },
  { torch: '1.12.0', torchvision: '0.13.0', torchaudio: '0.12.0', cudaTags: ['cu102', 'cu113', 'cu116'], source: GH_PAGE },
  // the first release on per-CUDA indexes (`--extra-index-url https://download.pytorch.org/whl/cu113`); older ones: torch-find-links.ts
  { torch: '1.11.0', torchvision: '0.12.0', torchaudio: '0.11.0', cudaTags: ['cu102', 'cu113'], source: `${DOCS_PAGE} (pytorch.github.io _get_started/previous-versions.md @04862e37)` },
];

const INDEX_ROOT = 'https://download.pytorch.org/whl';

/** `cu121` → `https://download.pytorch.org/whl/cu121`; null when the tag is not a `cuNNN` tag. */
export function indexUrl(tag: string): string | null {
  const t = tag.trim().toLowerCase();
  return /^cu\d{2,3}$/.test(t) ? `${INDEX_ROOT}/${t}` : null;
}

/** `2.3.1`, `2.3.1+cu121`, `torch==2.3.1` → the row; `2.3` → the newest 2.3.x row; null when not in the table. */
export function torchRelease(version: string): TorchRelease | null {
  const bare = version.trim().replace(/^torch\s{0,4}==\s{0,4}/i, '');
  const plus = bare.indexOf('+');
  const v = plus < 0 ? bare : bare.slice(0, plus);
  const exact = torchReleases.find((r) => r.torch === v);
  if (exact) return exact;
  if (/^\d+\.\d+$/.test(v)) return torchReleases.find((r) => r.torch.startsWith(`${v}.`)) ?? null;
  return null;
}

/** The releases published on a CUDA index tag, newest first. */
export function releasesForCuda(tag: string): TorchRelease[] {
  const t = tag.trim().toLowerCase();
  return torchReleases.filter((r) => r.cudaTags.includes(t));
}

/** The torchvision / torchaudio released with a torch version, or null. */
export function pairedPackages(torchVersion: string): { torchvision: string; torchaudio: string } | null {
  const r = torchRelease(torchVersion);
  return r ? { torchvision: r.torchvision, torchaudio: r.torchaudio } : null;
}

/** `cu121` → [12, 1]. */
function tagVersion(tag: string): [number, number] | null {
  const m = /^cu(\d{2})(\d)$/.exec(tag);
  return m ? [Number(m[1]), Number(m[2])] : null;
}

/**
 * The wheel index to use with a local CUDA toolkit: the newest tag of the same CUDA major whose minor is
 * ≤ the toolkit's. Same major because torch.utils.cpp_extension's _check_cuda_version raises when the
 * nvcc major differs from torch.version.cuda and only warns on a minor difference (read in the
 * cpp_extension.py of the torch 2.13.0 wheel on this machine); ≤ because a wheel built with a newer
 * minor can need a newer driver than the toolkit's. With `torchVersion`, only that release's tags count;
 * without it, every tag in the table. Null when nothing fits.
 */
export function wheelTagFor(cudaVersion: string, torchVersion?: string): string | null {
  const m = /^(?:cu(?:da)?)?(\d{1,2})\.(\d{1,2})/i.exec(cudaVersion.trim());
  if (!m) return null;
  const [major, minor] = [Number(m[1]), Number(m[2])];
  let tags: string[];
  if (torchVersion !== undefined) {
    const r = torchRelease(torchVersion);
    if (!r) return null;
    tags = [...r.cudaTags];
  } else {
    tags = [...new Set(torchReleases.flatMap((r) => r.cudaTags))];
  }
  let best: { tag: string; minor: number } | null = null;
  for (const tag of tags) {
    const tv = tagVersion(tag);
    if (!tv || tv[0] !== major || tv[1] > minor) continue;
    if (!best || tv[1] > best.minor) best = { tag, minor: tv[1] };
  }
  return best?.tag ?? null;
}

/**
 * The newest index tag whose CUDA is not above `cudaVersion`, of any major: what a driver of that CUDA
 * (torch's `found version 11060` → 11.6) runs without leaning on minor version compatibility. Null when
 * every tag in the table is newer.
 */
export function newestTagNotAbove(cudaVersion: string): string | null {
  const m = /^(\d{1,2})\.(\d{1,2})/.exec(cudaVersion.trim());
  if (!m) return null;
  const want = Number(m[1]) * 10 + Number(m[2]);
  let best: { tag: string; v: number } | null = null;
  for (const tag of new Set(torchReleases.flatMap((r) => r.cudaTags))) {
    const tv = tagVersion(tag);
    const v = tv === null ? null : tv[0] * 10 + tv[1];
    if (v === null || v > want) continue;
    if (best === null || v > best.v) best = { tag, v };
  }
  return best?.tag ?? null;
}

/**
 * A release's CUDA wheels as its own command on the previous-versions page installs them: from 2.0 on,
 * plain pins with `--index-url …/cuNNN`; for 1.11 … 1.13, `+cuNNN` pins of torch and torchvision (torchaudio
 * plain) with `--extra-index-url`, since those indexes then held only PyTorch's own packages.
 */
export function releaseInstall(release: TorchRelease, tag: string): { requirements: string[]; indexUrl?: string; extraIndexUrls?: string[] } {
  const url = indexUrl(tag)!;
  if (Number(release.torch.split('.')[0]) >= 2) {
    return { requirements: [`torch==${release.torch}`, `torchvision==${release.torchvision}`, `torchaudio==${release.torchaudio}`], indexUrl: url };
  }
  return {
    requirements: [`torch==${release.torch}+${tag}`, `torchvision==${release.torchvision}+${tag}`, `torchaudio==${release.torchaudio}`],
    extraIndexUrls: [url],
  };
}
