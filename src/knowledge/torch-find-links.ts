// PyTorch releases before the per-CUDA wheel indexes (torch 1.0.0 … 1.10.1): their CUDA and CPU
// wheels were published on find-links pages, not on `https://download.pytorch.org/whl/cuXYZ`
// indexes, so an `--index-url` for them is no answer. What each release's own install command was,
// and for which CUDA versions it was built, tells the fix for a `torch==1.9.0+cu102` that pip could
// not find.
//
// Source: pytorch.org/get-started/previous-versions, "Wheel" / "Linux and Windows" commands, read as
// _get_started/previous-versions.md of github.com/pytorch/pytorch.github.io @04862e37:
// - 1.2.0 … 1.10.0: `pip install torch==1.9.0+cu111 torchvision==0.10.0+cu111 torchaudio==0.9.0
//   -f https://download.pytorch.org/whl/torch_stable.html`; 1.10.1: the same with a page per CUDA
//   (`-f https://download.pytorch.org/whl/cu111/torch_stable.html`).
// - The CUDA version the plain PyPI release was built for has no local build: "# CUDA 10.2
//   pip install torch==1.7.1 torchvision==0.8.2 torchaudio==0.7.2" (1.5.0 … 1.8.0 for 10.2, 1.4.0 for
//   10.1, 1.2.0 for 10.0). 1.8.1 … 1.10.1 list a `+cu102` build too.
// - 1.0.0 … 1.1.0: "Download and install wheel from https://download.pytorch.org/whl/cu90/torch_stable.html"
//   (cu80 for 1.0.0 only, cu90, cu100): those wheels carry no local version. pip's own list of the
//   versions on torch_stable.html and PyPI (pytorch/TensorRT#1151: `1.1.0, 1.2.0, 1.2.0+cpu,
//   1.2.0+cu92, …`) shows the first local builds at 1.2.0.
// - 1.11.0 and later use indexes: torch-wheels.ts.

export interface FindLinksRelease {
  torch: string;
  torchvision: string;
  /** Absent where the page's command installs no torchaudio (1.6.0 and older). */
  torchaudio?: string;
  /** CUDA tags with a local build (`+cu111`) on the find-links page, oldest CUDA first. */
  cudaTags: readonly string[];
  /** The CUDA version of the plain PyPI release, which has no `+cu…` build of its own. */
  pypiCuda?: string;
  /** The page per CUDA tag (1.10.1) instead of the one torch_stable.html. */
  pagePerTag?: boolean;
}

const STABLE_PAGE = 'https://download.pytorch.org/whl/torch_stable.html';

/** Newest first. */
export const findLinksReleases: readonly FindLinksRelease[] = [
  { torch: '1.10.1', torchvision: '0.11.2', torchaudio: '0.10.1', cudaTags: ['cu102', 'cu111'], pagePerTag: true },
  { torch: '1.10.0', torchvision: '0.11.0', torchaudio: '0.10.0', cudaTags: ['cu102', 'cu111'] },
  { torch: '1.9.1', torchvision: '0.10.1', torchaudio: '0.9.1', cudaTags: ['cu102', 'cu111'] },
  { torch: '1.9.0', torchvision: '0.10.0', torchaudio: '0.9.0', cudaTags: ['cu102', 'cu111'] },
  { torch: '1.8.1', torchvision: '0.9.1', torchaudio: '0.8.1', cudaTags: ['cu101', 'cu102', 'cu111'] },
  { torch: '1.8.0', torchvision: '0.9.0', torchaudio: '0.8.0', cudaTags: ['cu111'], pypiCuda: '10.2' },
  { torch: '1.7.1', torchvision: '0.8.2', torchaudio: '0.7.2', cudaTags: ['cu92', 'cu101', 'cu110'], pypiCuda: '10.2' },
  { torch: '1.7.0', torchvision: '0.8.0', torchaudio: '0.7.0', cudaTags: ['cu92', 'cu101', 'cu110'], pypiCuda: '10.2' },
  { torch: '1.6.0', torchvision: '0.7.0', cudaTags: ['cu92', 'cu101'], pypiCuda: '10.2' },
  { torch: '1.5.1', torchvision: '0.6.1', cudaTags: ['cu92', 'cu101'], pypiCuda: '10.2' },
  { torch: '1.5.0', torchvision: '0.6.0', cudaTags: ['cu92', 'cu101'], pypiCuda: '10.2' },
  { torch: '1.4.0', torchvision: '0.5.0', cudaTags: ['cu92'], pypiCuda: '10.1' },
  { torch: '1.2.0', torchvision: '0.4.0', cudaTags: ['cu92'], pypiCuda: '10.0' },
];

/** Releases whose CUDA wheels have no local version at all, on one page per CUDA version. */
export const unversionedPageReleases: Readonly<Record<string, readonly string[]>> = {
  '1.1.0': ['cu90', 'cu100'],
  '1.0.1': ['cu90', 'cu100'],
  '1.0.0': ['cu80', 'cu90', 'cu100'],
};

/** `1.9.0`, `1.9.0+cu102` → its row; null when the release is not a find-links one. */
export function findLinksRelease(version: string): FindLinksRelease | null {
  const v = version.trim().split('+')[0]!;
  return findLinksReleases.find((r) => r.torch === v) ?? null;
}

/** The find-links page that lists a release's `+tag` builds (`cpu` included). */
export function findLinksPage(release: FindLinksRelease, tag: string): string {
  return release.pagePerTag ? `https://download.pytorch.org/whl/${tag}/torch_stable.html` : STABLE_PAGE;
}

/** `https://download.pytorch.org/whl/cu90/torch_stable.html` for the releases whose wheels carry no local version. */
export function unversionedPage(version: string, tag: string): string | null {
  const tags = unversionedPageReleases[version.trim().split('+')[0]!];
  return tags?.includes(tag) ? `https://download.pytorch.org/whl/${tag}/torch_stable.html` : null;
}

/** `cu102` → `10.2`; null for a tag that is not `cuNNN`. */
export function tagCuda(tag: string): string | null {
  const m = /^cu(\d{1,2})(\d)$/.exec(tag);
  return m ? `${Number(m[1])}.${m[2]}` : null;
}

/** `torch 1.8.1 through 1.10.1` from a newest-first list, or null when empty. */
function span(releases: readonly FindLinksRelease[]): string | null {
  if (releases.length === 0) return null;
  const newest = releases[0]!.torch;
  const oldest = releases[releases.length - 1]!.torch;
  return oldest === newest ? `torch ${newest}` : `torch ${oldest} through ${newest}`;
}

/**
 * The builds of a CUDA release made before its wheel index existed, said in a sentence: the `+cu102` builds on the
 * find-links page (1.8.1 … 1.10.1 for cu102) and the plain PyPI releases built for that CUDA (1.5.0 … 1.8.0 for 10.2).
 * The same wheels are files under https://download.pytorch.org/whl/cu102/ (`torch-1.5.0-cp38-…`, `torch-1.8.1%2Bcu102-…`,
 * `torch-1.10.0%2Bcu102-…`: direct wheel links in public Dockerfiles and READMEs, code corpus). Null when there are none.
 */
export function preIndexBuilds(tag: string): string | null {
  const withTag = findLinksReleases.filter((r) => r.cudaTags.includes(tag));
  const local = span(withTag);
  const cuda = tagCuda(tag);
  const plain = cuda === null ? null : span(findLinksReleases.filter((r) => r.pypiCuda === cuda));
  // the page each release's own command names (one page per CUDA for 1.10.1), as pip -f takes it
  const pages = withTag.map((r) => `${findLinksPage(r, tag)} for ${r.torch}`);
  const pageList = [...new Set(withTag.map((r) => findLinksPage(r, tag)))]
    .map((page) => `${page} for ${pages.filter((p) => p.startsWith(`${page} `)).map((p) => p.split(' for ')[1]).join(', ')}`)
    .join('; ');
  const parts = [
    local === null ? null : `${local} as +${tag} builds on find-links pages (pip install -f the page: ${pageList})`,
    plain === null ? null : `${plain} as the plain PyPI release, which was built for CUDA ${cuda} (torch== the release, no +${tag})`,
  ].filter((p): p is string => p !== null);
  return parts.length === 0 ? null : `Before the index, PyTorch published ${parts.join(', and ')}`;
}
