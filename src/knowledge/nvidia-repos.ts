// NVIDIA's CUDA package repositories (developer.download.nvidia.com/compute/cuda/repos/<distro>/<arch>/):
// which distro directory and architecture directory a Dockerfile should use, the keyring package, and
// the 2022 signing-key rotation. Used by the apt/dnf repository findings (NO_PUBKEY, 404 on a repo path).
//
// Sources, per fact:
// - Directories and keyring: NVIDIA's own image Dockerfiles (gitlab.com/nvidia/container-images/cuda,
//   dist/12.4.1/ubuntu2204/base: `repos/ubuntu2204/${NVARCH}/cuda-keyring_1.1-1_all.deb` with NVARCH
//   x86_64 on amd64 and sbsa on arm64; dist/12.4.1/ubi9/base: `repos/rhel9/${NVARCH}/D42D0685.pub`, same
//   NVARCH values), and public install scripts using repos/{ubuntu2004,ubuntu2204,ubuntu2404,debian11,
//   debian12}/x86_64/cuda-keyring_1.1-1_all.deb, repos/ubuntu2404/sbsa/cuda-keyring_1.1-1_all.deb,
//   repos/rhel8/{x86_64,sbsa}/cuda-rhel8.repo and repos/rhel9/x86_64/cuda-rhel9.repo.
// - Key rotation: github.com/NVIDIA/cuda-repo-management/issues/4 and the NVIDIA blog "Updating the CUDA
//   Linux GPG Repository Key" (developer.nvidia.com/blog/updating-the-cuda-linux-gpg-repository-key/, cited
//   by github.com/NVIDIA/deepops/pull/1167). The commands NVIDIA gave (quoted in
//   github.com/autowarefoundation/autoware/issues/2438): `apt-key del 7fa2af80`, then install cuda-keyring
//   (or fetch 3bf863cc.pub). gitlab.com/nvidia/container-images/cuda/-/issues/158 shows the symptom
//   `NO_PUBKEY A4B469963BF863CC`. Current keys: docs.nvidia.com/datacenter/tesla/driver-installation-guide/
//   gpg-keys-used-to-sign-the-packages.html (deb 3bf863cc, rpm d42d0685).
// Not verified, so left out: the `arm64` directory (Jetson) and which distros have it; sbsa for
// debian11/debian12/ubuntu1804/ubuntu2004; cuda-keyring for ubuntu1804; whether the machine-learning repo
// is retired (only its path form is known, from an 11.1 Dockerfile's NV_ML_REPO_URL).

export const REPO_ROOT = 'https://developer.download.nvidia.com/compute/cuda/repos';

/** The Debian-family signing key used before April 2022. */
export const OLD_DEB_KEY = {
  shortId: '7fa2af80',
  fingerprint: 'AE09FE4BBD223A84B2CCFCE3F60F4B3D7FA2AF80',
  source: 'NVIDIA_GPGKEY_FPR in pre-2022 nvidia/cuda Dockerfiles; retired per github.com/NVIDIA/cuda-repo-management/issues/4',
} as const;

/** The Debian-family signing key since April 2022; apt reports it missing as `NO_PUBKEY A4B469963BF863CC`. */
export const NEW_DEB_KEY = {
  shortId: '3bf863cc',
  longId: 'A4B469963BF863CC',
  source: 'docs.nvidia.com/datacenter/tesla/driver-installation-guide/gpg-keys-used-to-sign-the-packages.html; gitlab.com/nvidia/container-images/cuda/-/issues/158',
} as const;

/** The RPM signing key (file `D42D0685.pub` in the rhel repo directories). */
export const RPM_KEY = {
  shortId: 'd42d0685',
  source: 'docs.nvidia.com/datacenter/tesla/driver-installation-guide/gpg-keys-used-to-sign-the-packages.html; NVIDIA dist/12.4.1/ubi9/base/Dockerfile',
} as const;

/** What NVIDIA said to do after the rotation, in order. */
export const KEY_ROTATION_STEPS = {
  steps: ['apt-key del 7fa2af80', 'install the cuda-keyring package for the distro/arch (dpkg -i cuda-keyring_*.deb)', 'apt-get update'],
  source: 'github.com/NVIDIA/cuda-repo-management/issues/4, as quoted in github.com/autowarefoundation/autoware/issues/2438; developer.nvidia.com/blog/updating-the-cuda-linux-gpg-repository-key/',
} as const;

/** The path form of the old machine-learning repo (cuDNN/NCCL before they moved into the CUDA repo). */
export const ML_REPO_PATTERN = {
  pattern: /https?:\/\/developer\.download\.nvidia\.com\/compute\/machine-learning\/repos\/[a-z0-9]+\/[a-z0-9_]+/,
  source: 'NV_ML_REPO_URL in an NVIDIA CUDA 11.1 ubuntu2004 image script; its retirement is not verified here',
} as const;

type Family = 'deb' | 'rpm';

interface RepoRow {
  distroId: string;
  family: Family;
  /** Architecture directories verified for this distro. */
  arches: readonly string[];
  /** cuda-keyring file name verified for this distro (deb only). */
  keyring: string | null;
  source: string;
}

const repos: readonly RepoRow[] = [
  { distroId: 'ubuntu1804', family: 'deb', arches: ['x86_64'], keyring: null, source: 'repos/ubuntu1804/x86_64 in NVIDIA-era install snippets (cuda-ubuntu1804.pin, 7fa2af80.pub)' },
  { distroId: 'ubuntu2004', family: 'deb', arches: ['x86_64'], keyring: 'cuda-keyring_1.1-1_all.deb', source: 'repos/ubuntu2004/x86_64/cuda-keyring_1.1-1_all.deb in public install scripts; cuda-keyring_1.0-1 in NVIDIA’s 2022 rotation notice' },
  { distroId: 'ubuntu2204', family: 'deb', arches: ['x86_64', 'sbsa'], keyring: 'cuda-keyring_1.1-1_all.deb', source: 'NVIDIA dist/12.4.1/ubuntu2204/base/Dockerfile' },
  { distroId: 'ubuntu2404', family: 'deb', arches: ['x86_64', 'sbsa'], keyring: 'cuda-keyring_1.1-1_all.deb', source: 'repos/ubuntu2404/{x86_64,sbsa}/cuda-keyring_1.1-1_all.deb in public install scripts' },
  { distroId: 'debian11', family: 'deb', arches: ['x86_64'], keyring: 'cuda-keyring_1.1-1_all.deb', source: 'repos/debian11/x86_64/cuda-keyring_1.1-1_all.deb in public install scripts' },
  { distroId: 'debian12', family: 'deb', arches: ['x86_64'], keyring: 'cuda-keyring_1.1-1_all.deb', source: 'repos/debian12/x86_64/cuda-keyring_1.1-1_all.deb in public install scripts' },
  { distroId: 'rhel8', family: 'rpm', arches: ['x86_64', 'sbsa'], keyring: null, source: 'repos/rhel8/{x86_64,sbsa}/cuda-rhel8.repo in public install scripts' },
  { distroId: 'rhel9', family: 'rpm', arches: ['x86_64', 'sbsa'], keyring: null, source: 'NVIDIA dist/12.4.1/ubi9/base/Dockerfile (rhel9/${NVARCH}, NVARCH x86_64|sbsa); repos/rhel9/x86_64/cuda-rhel9.repo in install scripts' },
];

const rhelLike = new Set(['rhel', 'rocky', 'rockylinux', 'almalinux', 'centos', 'ubi']);

/** `('ubuntu', '22.04')` → `ubuntu2204`, `('debian', '12')` → `debian12`, `('rocky', '9.3')` → `rhel9`; null when not a repo NVIDIA has here. */
export function distroId(os: string, release: string): string | null {
  const name = os.trim().toLowerCase();
  const rel = release.trim();
  let id: string | null = null;
  if (name === 'ubuntu') {
    const m = /^(\d{2})\.(\d{2})/.exec(rel);
    if (m) id = `ubuntu${m[1]}${m[2]}`;
  } else if (name === 'debian') {
    const m = /^(\d{1,2})/.exec(rel);
    if (m) id = `debian${m[1]}`;
  } else if (rhelLike.has(name)) {
    const m = /^(\d{1,2})/.exec(rel);
    if (m) id = `rhel${m[1]}`;
  }
  return id && repos.some((r) => r.distroId === id) ? id : null;
}

/** Docker/uname architecture → NVIDIA's directory name for that distro; null when not verified. */
export function repoArch(platformArch: string, distro: string): string | null {
  const a = platformArch.trim().toLowerCase().replace(/^linux\//, '');
  const dir = a === 'amd64' || a === 'x86_64' ? 'x86_64' : a === 'arm64' || a === 'aarch64' ? 'sbsa' : null;
  const row = repos.find((r) => r.distroId === distro);
  return dir && row?.arches.includes(dir) ? dir : null;
}

export interface NvidiaRepo {
  baseUrl: string;
  family: Family;
  /** The cuda-keyring .deb to `dpkg -i` (deb family), or the `.repo` file (rpm family); null when not verified. */
  keyringUrl: string | null;
  repoFileUrl: string | null;
  source: string;
}

/** The repository for a distro id and an arch directory (`x86_64`/`sbsa`), or null when not verified. */
export function nvidiaRepo(distro: string, arch: string): NvidiaRepo | null {
  const row = repos.find((r) => r.distroId === distro);
  if (!row || !row.arches.includes(arch)) return null;
  const baseUrl = `${REPO_ROOT}/${distro}/${arch}/`;
  return {
    baseUrl,
    family: row.family,
    keyringUrl: row.family === 'deb' && row.keyring ? `${baseUrl}${row.keyring}` : null,
    repoFileUrl: row.family === 'rpm' ? `${baseUrl}cuda-${distro}.repo` : null,
    source: row.source,
  };
}

/** Every distro id in the table, for messages. */
export function knownDistroIds(): string[] {
  return repos.map((r) => r.distroId);
}
