// PyTorch releases → the CUDA wheel indexes (`https://download.pytorch.org/whl/cuXYZ`) they were published
// on, and the torchvision / torchaudio versions released with them. Used to turn "torch X with CUDA Y"
// into a runnable `--index-url` and to explain "no matching distribution" for a tag a release lacks.
//
// Sources:
// - pytorch.org/get-started/previous-versions (the "Linux and Windows" wheel commands). Read as
//   _get_started/previous-versions.md of github.com/pytorch/pytorch.github.io at commit e3f009bb (1.12.0
//   … 2.3.1) and the docs pages docs.pytorch.org/get-started/previous-versions (v2.6.0) and
//   pytorch.org/get-started/previous-versions (v2.9.0, v2.9.1).
// - Releases 2.4.x, 2.5.x, 2.7.x and 2.8.0 are left out: the copies read here showed their conda
//   commands but not their wheel commands, so their index tags are not verified.
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

/** Newest first. */
export const torchReleases: readonly TorchRelease[] = [
  { torch: '2.9.1', torchvision: '0.24.1', torchaudio: '2.9.1', cudaTags: ['cu126', 'cu128', 'cu130'], source: `${DOCS_PAGE} (v2.9.1)` },
  { torch: '2.9.0', torchvision: '0.24.0', torchaudio: '2.9.0', cudaTags: ['cu126', 'cu128', 'cu130'], source: `${DOCS_PAGE} (v2.9.0)` },
  { torch: '2.6.0', torchvision: '0.21.0', torchaudio: '2.6.0', cudaTags: ['cu118', 'cu124', 'cu126'], source: 'docs.pytorch.org/get-started/previous-versions (v2.6.0)' },
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
