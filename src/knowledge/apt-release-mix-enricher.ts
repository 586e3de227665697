// The `apt-release-mix` enricher: for a package of NVIDIA's CUDA repository whose dependency no enabled
// repository offers (` libcufile-11-5 : Depends: liburcu6 but it is not installable`), the CUDA release
// in the package's name and NVIDIA's repository directory of the image's own distro release.
//
// Why a release mix: NVIDIA builds its CUDA repository per distro release (`…/repos/debian11/x86_64/`,
// `…/repos/debian12/x86_64/`, nvidia-repos.ts), and a package built for one release depends on that
// release's library packages. `libcufile-11-5` from the debian11 directory needs `liburcu6`, which
// Debian 12 does not ship (it has liburcu8 0.13.2-1: `apt-cache policy liburcu6 liburcu8` on this
// Debian 12 machine; devcontainers/features#704). A versioned CUDA package name ends in the release,
// `-11-5` for CUDA 11.5 (NVIDIA's `cuda-toolkit-12-8`, `cuda-libraries-dev-12-4`: cuda-toolkit-apt-names.ts).
// Every value is a plain word or URL; a key is absent when its input is not in the log.
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';
import { distroId, nvidiaRepo, repoArch } from './nvidia-repos.js';

/** `libcufile-11-5` → `11.5`; null for a name without a CUDA release at its end. */
export function cudaReleaseOfPackage(name: string): string | null {
  const parts = name.split('-');
  if (parts.length < 3) return null;
  const major = parts[parts.length - 2]!;
  const minor = parts[parts.length - 1]!;
  return /^\d{1,2}$/.test(major) && /^\d$/.test(minor) ? `${major}.${minor}` : null;
}

/** `Debian 12` / `Ubuntu 22.04` (fact `os`) → `debian12` / `ubuntu2204`, when NVIDIA's table has that directory. */
export function ownDistro(os: string | null): string | null {
  if (os === null) return null;
  const space = os.indexOf(' ');
  return space < 0 ? null : distroId(os.slice(0, space), os.slice(space + 1));
}

export function aptReleaseMixEnrich(captures: Readonly<Record<string, string>>, _step: Step | null, _model: BuildModel, facts: FactView): Record<string, string> {
  const out: Record<string, string> = {};
  const pkg = captures['context.cudaRepoDep.pkg'];
  const release = pkg === undefined ? null : cudaReleaseOfPackage(pkg);
  if (release !== null) out.pkgCuda = release;
  const own = ownDistro(facts.value('os'));
  const arch = own === null ? null : repoArch(facts.value('platform') ?? 'amd64', own);
  const repo = own === null || arch === null ? null : nvidiaRepo(own, arch);
  if (own !== null && repo !== null && repo.keyringUrl !== null) {
    out.ownRepo = `${own}/${arch}`;
    out.ownKeyringUrl = repo.keyringUrl;
    out.ownKeyringFile = repo.keyringUrl.split('/').pop()!;
    out.os = facts.value('os')!;
    const used = facts.value('nvidiaRepo');
    if (used !== null && used !== out.ownRepo) out.usedRepo = used;
  }
  return out;
}
