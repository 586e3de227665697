// The `nvidia-key` enricher: how to enrol NVIDIA's 2022 CUDA repository key for the repository the
// log shows (fact `nvidiaRepo`, `ubuntu1804/x86_64`).
// Every value is a plain word or URL, for use inside a Dockerfile block.
//
// Sources:
// - cuda-keyring_1.0-1_all.deb for ubuntu1804 and ubuntu2004: the recipe in NVIDIA/nvidia-docker#1631
//   (`rm …/cuda.list`, `rm …/nvidia-ml.list`, `apt-key del 7fa2af80`, `dpkg -i cuda-keyring_1.0-1_all.deb`
//   from repos/ubuntu1804/x86_64/), repeated in many public Dockerfiles (find_string
//   `repos/ubuntu1804/x86_64/cuda-keyring_1.0-1_all.deb`); the 2022 notice (NVIDIA blog "Updating the
//   CUDA Linux GPG Repository Key") names cuda-keyring_1.0-1. Other distros: nvidia-repos.ts.
// - The public key file 3bf863cc.pub in each repo directory, enrolled with `apt-key add`: NVIDIA's
//   cuda-repo-management#4 ("manual enrollment methods for the 3bf863cc public key"), MicrosoftDocs/azure-docs
//   PR #96871 (repos/ubuntu1804/x86_64/3bf863cc.pub), iterative/cml PR #994 (repos/ubuntu1604/x86_64/3bf863cc.pub).
// - The machine-learning repo (nvidia-ml.list) is retired and signed with the old key: NVIDIA/deepops
//   PR #1166 ("Remove nvidia-ml as this repository is deprecated and will not be updated").
// - The keyring adds its own list (cuda-<distro>-<arch>.list, signed-by), so the old cuda.list must go
//   first, or apt stops with "Conflicting values set for option Signed-By" (cuda-repo-management#4).
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';
import { NEW_DEB_KEY, REPO_ROOT, nvidiaRepo } from './nvidia-repos.js';

/** Keyring package of the rotation notice, for the distros whose images the rotation broke. */
const ROTATION_KEYRING: Readonly<Record<string, string>> = {
  ubuntu1804: 'cuda-keyring_1.0-1_all.deb',
  ubuntu2004: 'cuda-keyring_1.0-1_all.deb',
};

const repoPattern = /^([a-z]+\d{1,4})\/([a-z0-9_-]+)$/;

/**
 * `ubuntu1804/x86_64`: the repository line of the log (fact `nvidiaRepo`). Only that fact: the
 * rule's variant checks `fact.nvidiaRepo`, so the values exist exactly when the variant is chosen.
 */
export function nvidiaRepoDir(facts: FactView): string | null {
  const shown = facts.value('nvidiaRepo');
  return shown !== null && repoPattern.test(shown) ? shown : null;
}

export interface KeyEnrolment {
  /** `ubuntu1804/x86_64`. */
  repo: string;
  /** The file to `ADD` into /tmp/. */
  keyFile: string;
  keyUrl: string;
  /** The shell command that enrols it from /tmp/ (and drops the list file it replaces). */
  keyInstall: string;
}

/** How to enrol the current key for a repo directory: its cuda-keyring where verified, else the public key. */
export function keyEnrolment(repo: string): KeyEnrolment | null {
  const m = repoPattern.exec(repo);
  if (!m) return null;
  const [, distro, arch] = m as unknown as [string, string, string];
  const keyring = ROTATION_KEYRING[distro] ?? nvidiaRepo(distro, arch)?.keyringUrl?.split('/').pop() ?? null;
  if (keyring !== null && (ROTATION_KEYRING[distro] === undefined || arch === 'x86_64')) {
    return {
      repo,
      keyFile: keyring,
      keyUrl: `${REPO_ROOT}/${repo}/${keyring}`,
      keyInstall: `rm -f /etc/apt/sources.list.d/cuda.list && dpkg -i /tmp/${keyring}`,
    };
  }
  const pub = `${NEW_DEB_KEY.shortId}.pub`;
  return { repo, keyFile: pub, keyUrl: `${REPO_ROOT}/${repo}/${pub}`, keyInstall: `apt-key add /tmp/${pub}` };
}

export function nvidiaKeyEnrich(_captures: Readonly<Record<string, string>>, _step: Step | null, _model: BuildModel, facts: FactView): Record<string, string> {
  const repo = nvidiaRepoDir(facts);
  const enrolment = repo === null ? null : keyEnrolment(repo);
  if (enrolment === null) return {};
  return { nvidiaRepo: enrolment.repo, keyFile: enrolment.keyFile, keyUrl: enrolment.keyUrl, keyInstall: enrolment.keyInstall };
}
