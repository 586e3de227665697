// Names of the CUDA toolkit that people ask apt for but no apt repository uses, and the names that do
// exist: NVIDIA's CUDA repository and Debian / Ubuntu's own packaging. Used by apt/unable-to-locate-package.
//
// Sources, per fact:
// - `cuda-toolkit-dev` is not a Debian package: `apt-cache policy cuda-toolkit-dev` prints nothing with
//   Debian 12's main, contrib and non-free enabled (this machine); the same holds for `cuda-toolkit`, which
//   only NVIDIA's repository has. NVIDIA's repository puts the release in the toolkit's name,
//   `cuda-toolkit-X-Y` (`cuda-toolkit-12-8` …), and its development parts are `cuda-libraries-dev-X-Y`,
//   `cuda-cudart-dev-X-Y` (NVIDIA's devel image Dockerfiles, see cuda-packages.ts): a `-dev` suffix on the
//   toolkit's name is the form of no repository. (`cuda-toolkit-dev` is a conda package of NVIDIA's channel
//   and conda-forge, not an apt one.)
// - NVIDIA's network-repository install, as its download page gives it (quoted in public install guides:
//   `wget …/repos/ubuntu2204/x86_64/cuda-keyring_1.1-1_all.deb`, `sudo dpkg -i cuda-keyring_1.1-1_all.deb`,
//   `sudo apt-get update`, `sudo apt-get -y install cuda-toolkit-12-8`); distro directories with a verified
//   keyring are in nvidia-repos.ts. The toolkit lands in /usr/local/cuda-X.Y (same guides' PATH lines).
// - Debian's and Ubuntu's own toolkit is `nvidia-cuda-toolkit` (Debian: non-free, 11.8.89~11.8.0-5~deb12u1
//   in Debian 12, `apt-cache policy` on this machine, see debian-components.ts; Ubuntu: multiverse, in
//   Ubuntu's archive override lists). Its CUDA release differs per distro release and is not kept here:
//   `apt-cache policy nvidia-cuda-toolkit` prints it.
import { REPO_ROOT, knownDistroIds, nvidiaRepo } from './nvidia-repos.js';

/** Toolkit names that are packages of no apt repository, as apt prints them in `Unable to locate package …`. */
export const madeUpToolkitNames: readonly string[] = ['cuda-toolkit-dev'];

const KEYRING = 'cuda-keyring_1.1-1_all.deb';

/** The x86_64 distro directories of NVIDIA's repository whose verified keyring is `cuda-keyring_1.1-1_all.deb`. */
export function keyringDistros(): string[] {
  return knownDistroIds().filter((id) => nvidiaRepo(id, 'x86_64')?.keyringUrl?.endsWith(KEYRING) === true);
}

/** NVIDIA's keyring URL with `<distro>` left for the fix to fill in. */
export const KEYRING_URL_FORM = `${REPO_ROOT}/<distro>/x86_64/${KEYRING}`;

/** The keyring's file name, for `dpkg -i`. */
export const KEYRING_FILE = KEYRING;
