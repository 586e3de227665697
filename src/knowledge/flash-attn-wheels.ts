// flash-attn's prebuilt wheels: for a flash-attn release and the torch / CUDA / Python a build
// used, whether the release published a wheel that flash-attn's own setup.py would have found
// instead of compiling (a 30–90 minute nvcc build), and the URL it looks for.
//
// How flash-attn finds its wheel (setup.py, read at every tag below): pip runs `setup.py
// bdist_wheel`; its CachedWheelsCommand prints `Guessing wheel URL: <url>` and downloads
// https://github.com/Dao-AILab/flash-attention/releases/download/v{version}/{name} with urllib;
// on an HTTPError / URLError it prints `Precompiled wheel not found. Building from source...` and
// compiles. `FLASH_ATTENTION_FORCE_BUILD=TRUE` skips the download and compiles. The name is
// `flash_attn-{version}+cu{C}torch{A.B}cxx11abi{TRUE|FALSE}-cp{XY}-cp{XY}-linux_x86_64.whl` with
// A.B = torch.__version__'s major.minor, the ABI = torch._C._GLIBCXX_USE_CXX11_ABI, and C from
// torch.version.cuda's major through a fixed table (`guessedCuda`): 11 → 11.8, 12 → the release's
// one CUDA 12 build, written as major and minor (`cu122`) up to 2.6.3 and as the major alone
// (`cu12`) from 2.7.0 on (v2.6.3 setup.py get_wheel_url: `parse("11.8") if torch_cuda_version.major == 11 else
// parse("12.3")` then `cuda_version = f"{torch_cuda_version.major}{torch_cuda_version.minor}"`, so
// `flash_attn-2.6.3+cu123torch2.4…` / `+cu118torch2.4…`; v2.7.0: `cuda_version = f"{torch_cuda_version.major}"`).
// A release older than the table's first has no row: the fixes list its assets instead of guessing a name. The platform is `linux_{uname machine}`: only x86_64 is published.
//
// What each release published: .github/workflows/publish.yml at the same tag (it runs on the tag's
// creation): python-version × torch-version × cuda-version × cxx11_abi ['FALSE', 'TRUE'] minus
// `exclude`, on an ubuntu runner. Its "Build wheel" step renames each wheel with the same
// `+cu{C}torch{A.B}cxx11abi{…}` scheme. A torch entry such as `2.4.0.dev20240514` (a nightly) still
// names its wheel `torch2.4`. Both ABIs are always built, so the ABI never decides whether a wheel
// exists, only which of the two setup.py asks for.
//
// The matrix is what the release's workflow set out to build, not a listing of its assets: a job
// of the matrix that failed uploaded nothing. The fixes therefore give the URL to check with
// `curl -sIf` rather than claim the file is there.
//
// Source: github.com/Dao-AILab/flash-attention, setup.py and .github/workflows/publish.yml at each
// tag v2.5.0 … v2.8.3.post1 (read from the repository's tags, snapshot of 2026-08-15).

export interface FlashAttnRelease {
  /** flash-attn versions (tags without the `v`) that share this matrix and this naming. */
  versions: readonly string[];
  /** publish.yml `python-version`. */
  pythons: readonly string[];
  /** publish.yml `torch-version`, as written (nightlies included). */
  torches: readonly string[];
  /** publish.yml `cuda-version`. */
  cudas: readonly string[];
  /** publish.yml `exclude`: a combination that matches every key given is not built. */
  excludes: readonly { torch?: string; python?: string; cuda?: string }[];
  /** setup.py: the CUDA it names in the URL for torch.version.cuda's major. */
  guessedCuda: Readonly<Record<number, string>>;
  /** How the CUDA is written in the wheel's name: `cu122` (major-minor) or `cu12` (major). */
  wheelCuda: 'major-minor' | 'major';
}

/** Oldest first, as the tags were made. */
export const flashAttnReleases: readonly FlashAttnRelease[] = [
  {
    versions: ['2.5.0'],
    pythons: ['3.7', '3.8', '3.9', '3.10', '3.11'],
    torches: ['1.12.1', '1.13.1', '2.0.1', '2.1.1', '2.2.0.dev20231130'],
    cudas: ['11.8.0', '12.2.2'],
    excludes: [{ torch: '1.12.1', python: '3.11' }, { torch: '2.0.1', python: '3.7' }, { torch: '2.1.1', python: '3.7' }, { torch: '2.2.0.dev20231130', python: '3.7' }, { torch: '1.12.1', cuda: '12.2.2' }, { torch: '1.13.1', cuda: '12.2.2' }, { torch: '2.0.1', cuda: '12.2.2' }],
    guessedCuda: { 11: '11.8', 12: '12.2' },
    wheelCuda: 'major-minor',
  },
  {
    versions: ['2.5.1', '2.5.1.post1'],
    pythons: ['3.7', '3.8', '3.9', '3.10', '3.11'],
    torches: ['1.12.1', '1.13.1', '2.0.1', '2.1.2', '2.2.0.dev20231106', '2.3.0.dev20240126'],
    cudas: ['11.8.0', '12.2.2'],
    excludes: [{ torch: '1.12.1', python: '3.11' }, { torch: '2.0.1', python: '3.7' }, { torch: '2.1.2', python: '3.7' }, { torch: '2.2.0.dev20231106', python: '3.7' }, { torch: '2.3.0.dev20240126', python: '3.7' }, { torch: '1.12.1', cuda: '12.2.2' }, { torch: '1.13.1', cuda: '12.2.2' }, { torch: '2.0.1', cuda: '12.2.2' }],
    guessedCuda: { 11: '11.8', 12: '12.2' },
    wheelCuda: 'major-minor',
  },
  {
    versions: ['2.5.2', '2.5.3', '2.5.4', '2.5.5'],
    pythons: ['3.7', '3.8', '3.9', '3.10', '3.11'],
    torches: ['1.12.1', '1.13.1', '2.0.1', '2.1.2', '2.2.0', '2.3.0.dev20240126'],
    cudas: ['11.8.0', '12.2.2'],
    excludes: [{ torch: '1.12.1', python: '3.11' }, { torch: '2.0.1', python: '3.7' }, { torch: '2.1.2', python: '3.7' }, { torch: '2.2.0', python: '3.7' }, { torch: '2.3.0.dev20240126', python: '3.7' }, { torch: '1.12.1', cuda: '12.2.2' }, { torch: '1.13.1', cuda: '12.2.2' }, { torch: '2.0.1', cuda: '12.2.2' }],
    guessedCuda: { 11: '11.8', 12: '12.2' },
    wheelCuda: 'major-minor',
  },
  {
    versions: ['2.5.6'],
    pythons: ['3.7', '3.8', '3.9', '3.10', '3.11'],
    torches: ['1.12.1', '1.13.1', '2.0.1', '2.1.2', '2.2.0', '2.3.0.dev20240105'],
    cudas: ['11.8.0', '12.2.2'],
    excludes: [{ torch: '1.12.1', python: '3.11' }, { torch: '2.0.1', python: '3.7' }, { torch: '2.1.2', python: '3.7' }, { torch: '2.2.0', python: '3.7' }, { torch: '2.3.0.dev20240105', python: '3.7' }, { torch: '1.12.1', cuda: '12.2.2' }, { torch: '1.13.1', cuda: '12.2.2' }, { torch: '2.0.1', cuda: '12.2.2' }],
    guessedCuda: { 11: '11.8', 12: '12.2' },
    wheelCuda: 'major-minor',
  },
  {
    versions: ['2.5.7'],
    pythons: ['3.7', '3.8', '3.9', '3.10', '3.11'],
    torches: ['1.12.1', '1.13.1', '2.0.1', '2.1.2', '2.2.0', '2.3.0.dev20240207'],
    cudas: ['11.8.0', '12.2.2'],
    excludes: [{ torch: '1.12.1', python: '3.11' }, { torch: '2.0.1', python: '3.7' }, { torch: '2.1.2', python: '3.7' }, { torch: '2.2.0', python: '3.7' }, { torch: '2.3.0.dev20240207', python: '3.7' }, { torch: '1.12.1', cuda: '12.2.2' }, { torch: '1.13.1', cuda: '12.2.2' }, { torch: '2.0.1', cuda: '12.2.2' }],
    guessedCuda: { 11: '11.8', 12: '12.2' },
    wheelCuda: 'major-minor',
  },
  {
    versions: ['2.5.8'],
    pythons: ['3.7', '3.8', '3.9', '3.10', '3.11'],
    torches: ['1.12.1', '1.13.1', '2.0.1', '2.1.2', '2.2.2', '2.3.0'],
    cudas: ['11.8.0', '12.2.2'],
    excludes: [{ torch: '1.12.1', python: '3.11' }, { torch: '2.0.1', python: '3.7' }, { torch: '2.1.2', python: '3.7' }, { torch: '2.2.2', python: '3.7' }, { torch: '2.3.0', python: '3.7' }, { torch: '1.12.1', cuda: '12.2.2' }, { torch: '1.13.1', cuda: '12.2.2' }, { torch: '2.0.1', cuda: '12.2.2' }],
    guessedCuda: { 11: '11.8', 12: '12.2' },
    wheelCuda: 'major-minor',
  },
  {
    versions: ['2.5.9', '2.5.9.post1'],
    pythons: ['3.7', '3.8', '3.9', '3.10', '3.11', '3.12'],
    torches: ['1.12.1', '1.13.1', '2.0.1', '2.1.2', '2.2.2', '2.3.0', '2.4.0.dev20240407'],
    cudas: ['11.8.0', '12.2.2'],
    excludes: [{ torch: '1.12.1', python: '3.12' }, { torch: '1.13.1', python: '3.12' }, { torch: '2.0.1', python: '3.12' }, { torch: '2.1.2', python: '3.12' }, { torch: '1.12.1', python: '3.11' }, { torch: '2.0.1', python: '3.7' }, { torch: '2.1.2', python: '3.7' }, { torch: '2.2.2', python: '3.7' }, { torch: '2.3.0', python: '3.7' }, { torch: '2.4.0.dev20240407', python: '3.7' }, { torch: '1.12.1', cuda: '12.2.2' }, { torch: '1.13.1', cuda: '12.2.2' }, { torch: '2.0.1', cuda: '12.2.2' }],
    guessedCuda: { 11: '11.8', 12: '12.2' },
    wheelCuda: 'major-minor',
  },
  {
    versions: ['2.6.0'],
    pythons: ['3.8', '3.9', '3.10', '3.11', '3.12'],
    torches: ['2.0.1', '2.1.2', '2.2.2', '2.3.1', '2.4.0.dev20240512'],
    cudas: ['11.8.0', '12.2.2'],
    excludes: [{ torch: '2.0.1', python: '3.12' }, { torch: '2.1.2', python: '3.12' }, { torch: '2.0.1', cuda: '12.2.2' }],
    guessedCuda: { 11: '11.8', 12: '12.2' },
    wheelCuda: 'major-minor',
  },
  {
    versions: ['2.6.0.post1'],
    pythons: ['3.8', '3.9', '3.10', '3.11', '3.12'],
    torches: ['2.0.1', '2.1.2', '2.2.2', '2.3.1', '2.4.0.dev20240514'],
    cudas: ['11.8.0', '12.2.2'],
    excludes: [{ torch: '2.0.1', python: '3.12' }, { torch: '2.1.2', python: '3.12' }, { torch: '2.0.1', cuda: '12.2.2' }],
    guessedCuda: { 11: '11.8', 12: '12.2' },
    wheelCuda: 'major-minor',
  },
  {
    versions: ['2.6.1'],
    pythons: ['3.8', '3.9', '3.10', '3.11', '3.12'],
    torches: ['2.0.1', '2.1.2', '2.2.2', '2.3.1', '2.4.0.dev20240514'],
    cudas: ['11.8.0', '12.3.2'],
    excludes: [{ torch: '2.0.1', python: '3.12' }, { torch: '2.1.2', python: '3.12' }, { torch: '2.0.1', cuda: '12.3.2' }],
    guessedCuda: { 11: '11.8', 12: '12.3' },
    wheelCuda: 'major-minor',
  },
  {
    versions: ['2.6.2'],
    pythons: ['3.8', '3.9', '3.10', '3.11', '3.12'],
    torches: ['2.0.1', '2.1.2', '2.2.2', '2.3.1', '2.4.0.dev20240527'],
    cudas: ['11.8.0', '12.3.2'],
    excludes: [{ torch: '2.0.1', python: '3.12' }, { torch: '2.1.2', python: '3.12' }, { torch: '2.0.1', cuda: '12.3.2' }],
    guessedCuda: { 11: '11.8', 12: '12.3' },
    wheelCuda: 'major-minor',
  },
  {
    versions: ['2.6.3'],
    pythons: ['3.8', '3.9', '3.10', '3.11', '3.12'],
    torches: ['2.0.1', '2.1.2', '2.2.2', '2.3.1', '2.4.0'],
    cudas: ['11.8.0', '12.3.2'],
    excludes: [{ torch: '2.0.1', python: '3.12' }, { torch: '2.1.2', python: '3.12' }, { torch: '2.0.1', cuda: '12.3.2' }],
    guessedCuda: { 11: '11.8', 12: '12.3' },
    wheelCuda: 'major-minor',
  },
  {
    versions: ['2.7.0'],
    pythons: ['3.8', '3.9', '3.10', '3.11', '3.12'],
    torches: ['2.1.2', '2.2.2', '2.3.1', '2.4.0', '2.5.1'],
    cudas: ['11.8.0', '12.3.2'],
    excludes: [{ torch: '2.1.2', python: '3.12' }],
    guessedCuda: { 11: '11.8', 12: '12.3' },
    wheelCuda: 'major',
  },
  {
    versions: ['2.7.0.post1'],
    pythons: ['3.8', '3.9', '3.10', '3.11', '3.12'],
    torches: ['2.1.2', '2.2.2', '2.3.1', '2.4.0', '2.5.1'],
    cudas: ['11.8.0', '12.4.1'],
    excludes: [{ torch: '2.1.2', python: '3.12' }],
    guessedCuda: { 11: '11.8', 12: '12.4' },
    wheelCuda: 'major',
  },
  {
    versions: ['2.7.0.post2'],
    pythons: ['3.8', '3.9', '3.10', '3.11', '3.12'],
    torches: ['2.1.2', '2.2.2', '2.3.1', '2.4.0', '2.5.1'],
    cudas: ['11.8.0', '12.4.1'],
    excludes: [{ torch: '2.1.2', python: '3.12' }, { torch: '2.5.1', python: '3.8' }],
    guessedCuda: { 11: '11.8', 12: '12.4' },
    wheelCuda: 'major',
  },
  {
    versions: ['2.7.1', '2.7.1.post1'],
    pythons: ['3.9', '3.10', '3.11', '3.12', '3.13'],
    torches: ['2.1.2', '2.2.2', '2.3.1', '2.4.0', '2.5.1', '2.6.0.dev20241010'],
    cudas: ['11.8.0', '12.4.1'],
    excludes: [{ torch: '2.1.2', python: '3.12' }, { torch: '2.1.2', python: '3.13' }, { torch: '2.2.2', python: '3.13' }, { torch: '2.3.1', python: '3.13' }, { torch: '2.4.0', python: '3.13' }],
    guessedCuda: { 11: '11.8', 12: '12.4' },
    wheelCuda: 'major',
  },
  {
    versions: ['2.7.1.post2', '2.7.1.post3', '2.7.1.post4', '2.7.2', '2.7.2.post1', '2.7.3'],
    pythons: ['3.9', '3.10', '3.11', '3.12', '3.13'],
    torches: ['2.1.2', '2.2.2', '2.3.1', '2.4.0', '2.5.1', '2.6.0.dev20241001'],
    cudas: ['11.8.0', '12.3.2'],
    excludes: [{ torch: '2.1.2', python: '3.12' }, { torch: '2.1.2', python: '3.13' }, { torch: '2.2.2', python: '3.13' }, { torch: '2.3.1', python: '3.13' }, { torch: '2.4.0', python: '3.13' }],
    guessedCuda: { 11: '11.8', 12: '12.3' },
    wheelCuda: 'major',
  },
  {
    versions: ['2.7.4'],
    pythons: ['3.9', '3.10', '3.11', '3.12', '3.13'],
    torches: ['2.1.2', '2.2.2', '2.3.1', '2.4.0', '2.5.1', '2.6.0'],
    cudas: ['12.4.1'],
    excludes: [{ torch: '2.1.2', python: '3.12' }, { torch: '2.1.2', python: '3.13' }, { torch: '2.2.2', python: '3.13' }, { torch: '2.3.1', python: '3.13' }, { torch: '2.4.0', python: '3.13' }],
    guessedCuda: { 11: '11.8', 12: '12.3' },
    wheelCuda: 'major',
  },
  {
    versions: ['2.7.4.post1'],
    pythons: ['3.9', '3.10', '3.11', '3.12', '3.13'],
    torches: ['2.2.2', '2.3.1', '2.4.0', '2.5.1', '2.6.0'],
    cudas: ['12.4.1'],
    excludes: [{ torch: '2.2.2', python: '3.13' }, { torch: '2.3.1', python: '3.13' }, { torch: '2.4.0', python: '3.13' }],
    guessedCuda: { 11: '11.8', 12: '12.3' },
    wheelCuda: 'major',
  },
  {
    versions: ['2.8.0', '2.8.0.post1', '2.8.0.post2'],
    pythons: ['3.9', '3.10', '3.11', '3.12', '3.13'],
    torches: ['2.4.0', '2.5.1', '2.6.0', '2.7.1'],
    cudas: ['12.9.0'],
    excludes: [{ torch: '2.4.0', python: '3.13' }],
    guessedCuda: { 11: '11.8', 12: '12.3' },
    wheelCuda: 'major',
  },
  {
    versions: ['2.8.1', '2.8.2'],
    pythons: ['3.9', '3.10', '3.11', '3.12', '3.13'],
    torches: ['2.4.0', '2.5.1', '2.6.0', '2.7.1'],
    cudas: ['12.9.1'],
    excludes: [{ torch: '2.4.0', python: '3.13' }],
    guessedCuda: { 11: '11.8', 12: '12.3' },
    wheelCuda: 'major',
  },
  {
    versions: ['2.8.3'],
    pythons: ['3.9', '3.10', '3.11', '3.12', '3.13'],
    torches: ['2.4.0', '2.5.1', '2.6.0', '2.7.1', '2.8.0'],
    cudas: ['12.9.1'],
    excludes: [{ torch: '2.4.0', python: '3.13' }],
    guessedCuda: { 11: '11.8', 12: '12.3' },
    wheelCuda: 'major',
  },
  {
    versions: ['2.8.3.post1'],
    pythons: ['3.9', '3.10', '3.11', '3.12', '3.13'],
    torches: ['2.4.0', '2.5.1', '2.6.0', '2.7.1', '2.8.0'],
    cudas: ['12.9.1'],
    excludes: [{ torch: '2.4.0', python: '3.13' }],
    guessedCuda: { 11: '11.8', 12: '12.3', 13: '13.0' },
    wheelCuda: 'major',
  },
];

const BASE_URL = 'https://github.com/Dao-AILab/flash-attention/releases/download';

/** `2.3.1+cu121` / `2.4.0.dev20240514` → `2.3` / `2.4`; null when not a version. */
function majorMinor(version: string): string | null {
  const m = /^(\d+)\.(\d+)/.exec(version.trim());
  return m ? `${m[1]}.${m[2]}` : null;
}

/** `12.4.1` / `12.4` / `cu124` / `cu121` → [12, 4]; null when not a CUDA version. */
function cudaParts(cuda: string): [number, number] | null {
  const t = cuda.trim().toLowerCase();
  const tag = /^cu(\d{2})(\d)$/.exec(t);
  if (tag) return [Number(tag[1]), Number(tag[2])];
  const v = /^(\d{1,2})\.(\d{1,2})/.exec(t);
  return v ? [Number(v[1]), Number(v[2])] : null;
}

function cudaInName(release: FlashAttnRelease, cuda: string): string | null {
  const p = cudaParts(cuda);
  if (p === null) return null;
  return release.wheelCuda === 'major' ? `cu${p[0]}` : `cu${p[0]}${p[1]}`;
}

/**
 * The `cu…` part of the wheel's name that setup.py of `release` asks for when torch.version.cuda's major is `major`
 * (`cu123` for 2.6.3 and 12, `cu12` for 2.7.0 and 12); null when that setup.py names no build for that major.
 */
export function wheelCudaTag(release: FlashAttnRelease, major: number): string | null {
  const guessed = release.guessedCuda[major];
  return guessed === undefined ? null : cudaInName(release, guessed);
}

/** Every `cu…` part the release's wheels carry (`cu118`, `cu123` for 2.6.3), as its publish matrix names them. */
export function wheelCudaTags(release: FlashAttnRelease): string[] {
  return [...new Set(release.cudas.map((c) => cudaInName(release, c)).filter((t): t is string => t !== null))];
}

/** The release a version belongs to (`2.7.4.post1`, `v2.6.3`), or null when the table does not hold it. */
export function flashAttnRelease(version: string): FlashAttnRelease | null {
  const v = version.trim().replace(/^v/, '');
  return flashAttnReleases.find((r) => r.versions.includes(v)) ?? null;
}

export interface WheelQuery {
  /** flash-attn version being built (`2.6.3`). */
  version: string;
  /** torch as installed (`2.3.1+cu121`, `2.4.0`). */
  torch: string;
  /** The CUDA torch was built with: `12.1`, or PyTorch's index tag `cu121`. */
  torchCuda: string;
  /** Python `major.minor` (`3.10`). */
  python: string;
}

export interface WheelAnswer {
  /** True when the release's publish matrix built this combination (both ABIs). */
  published: boolean;
  /**
   * The wheel's file name with `{ABI}` where `TRUE` or `FALSE` goes (setup.py asks for the one of
   * torch._C._GLIBCXX_USE_CXX11_ABI); null when the release does not name this torch's CUDA.
   */
  fileName: string | null;
  /** The URL setup.py downloads, with the same `{ABI}` placeholder; null with fileName. */
  url: string | null;
}

/**
 * Whether flash-attn `version` published a wheel for this torch / CUDA / Python on linux x86_64,
 * and where setup.py looks for it. Null when the table does not hold the version or a value is
 * not a version (the caller then says nothing: an unknown is not a "no").
 */
export function flashAttnWheel(q: WheelQuery): WheelAnswer | null {
  const release = flashAttnRelease(q.version);
  const torch = majorMinor(q.torch);
  const cuda = cudaParts(q.torchCuda);
  const python = majorMinor(q.python);
  if (release === null || torch === null || cuda === null || python === null) return null;
  const version = q.version.trim().replace(/^v/, '');
  const guessed = release.guessedCuda[cuda[0]];
  if (guessed === undefined) return { published: false, fileName: null, url: null };
  const wanted = cudaInName(release, guessed)!;
  const cp = `cp${python.replace('.', '')}`;
  const fileName = `flash_attn-${version}+${wanted}torch${torch}cxx11abi{ABI}-${cp}-${cp}-linux_x86_64.whl`;
  const published = release.cudas.some((c) =>
    cudaInName(release, c) === wanted &&
    release.pythons.includes(python) &&
    release.torches.some((t) =>
      majorMinor(t) === torch &&
      !release.excludes.some((e) => (e.torch ?? t) === t && (e.python ?? python) === python && (e.cuda ?? c) === c),
    ),
  );
  return { published, fileName, url: `${BASE_URL}/v${version}/${fileName}` };
}

/**
 * The newest release whose `cxx11abiFALSE` wheels load in a pre-C++11 torch (PyTorch's pip wheels up to 2.5, 2.6's
 * CPU / cu118 / cu124 ones). The wheels named `cxx11abiFALSE` for torch 2.6 of 2.8.0.post2 (Dao-AILab/flash-attention#1717,
 * huggingface/open-r1#684) and of 2.8.2 (#1783) ask for the C++11 `c10::Error::Error(…, std::__cxx11::basic_string…)`;
 * in #1783 `flash_attn-2.7.4.post1+cu12torch2.6cxx11abiFALSE-cp311-cp311-linux_x86_64.whl` loads in the same
 * torch 2.6.0+cu124, and the open-r1#684 thread fixes it with `flash_attn==2.7.4.post1` (`--no-build-isolation`).
 */
export const PRE_CXX11_WHEEL_RELEASE = '2.7.4.post1';

/** `['2.2', '2.6']`: the first and last torch major.minor a release published wheels for. */
export function torchRange(release: FlashAttnRelease): [string, string] | null {
  const mm = release.torches.map(majorMinor).filter((t): t is string => t !== null);
  return mm.length === 0 ? null : [mm[0]!, mm[mm.length - 1]!];
}

/** Whether a release published wheels for this torch (`2.6.0+cu124`): its major.minor and CUDA major are in its matrix. */
export function releaseHasTorch(release: FlashAttnRelease, torch: string): boolean {
  const mm = majorMinor(torch);
  const cuda = /\+cu(\d{2})\d$/.exec(torch.trim())?.[1];
  if (mm === null || !release.torches.some((t) => majorMinor(t) === mm)) return false;
  return cuda === undefined || release.cudas.some((c) => cudaParts(c)?.[0] === Number(cuda));
}
