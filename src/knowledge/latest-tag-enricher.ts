// The `latest-tag` enricher: for an image reference that named no tag, so Docker asked for `latest`, and the
// repository publishes none. Docker uses `latest` when a reference has no tag (`docker pull`: "Using default tag:
// latest"); many repositories publish only versioned tags. nvidia/cuda removed its `latest` tag in 2021: NVIDIA's
// gitlab.com/nvidia/container-images/cuda README, "Deprecated: latest tag" ("After the removal of the latest tag, the
// following use case will result in the "manifest unknown" error", quoted in JuliaContainerization/
// SimpleContainerGenerator.jl#95, 2021-01-16), and the maintainer's answer in NVIDIA/nvidia-docker#1454 ("You have to
// now explicitly specify which tagged version you want").
//
// Docker Hub's tag listing (`/v2/repositories/<namespace>/<name>/tags`, `.results[].name`; official images live under
// `library/`): the same API the cuda-image-tag enricher uses, DOCKER_HUB_TAGS_API. Values are plain text for code blocks.
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';
import { DOCKER_HUB_TAGS_API } from './cuda-tag-enricher.js';

/** The nvidia/cuda tag form the newest-tag command looks for: the smallest image, on the newest Ubuntu LTS it is built for. */
export const CUDA_BASE_FORM = 'base-ubuntu24.04';

/** `docker.io/kaixhin/cuda-torch:latest` → `kaixhin/cuda-torch`; null for another registry or another tag. */
export function dockerHubRepository(image: string): string | null {
  const m = /^(?:(?:docker\.io|index\.docker\.io|registry-1\.docker\.io)\/)?([a-z0-9][a-z0-9._/-]{0,250}):latest$/.exec(image.trim());
  if (m === null) return null;
  const repo = m[1]!;
  const first = repo.split('/')[0]!;
  // a first part with a dot or a port is a registry host (`ghcr.io/…`), not a Docker Hub namespace
  if (repo.includes('/') && /[.:]|^localhost$/.test(first)) return null;
  return repo.includes('/') ? repo : `library/${repo}`;
}

/**
 * `latestRepo` (the repository asked for `latest`), `listRepoTags` (a command that lists its tags, Docker Hub only),
 * and for nvidia/cuda `newestCudaBase` (a command that prints the newest existing `…-base-ubuntu24.04` tag).
 */
export function latestTagEnrich(captures: Readonly<Record<string, string>>, _step: Step | null, _model: BuildModel, _facts: FactView): Record<string, string> {
  const image = captures.image;
  const repo = image === undefined ? null : dockerHubRepository(image);
  if (repo === null) return {};
  const out: Record<string, string> = { latestRepo: repo.replace(/^library\//, '') };
  if (repo === 'nvidia/cuda') {
    out.newestCudaBase = `curl -fsS '${DOCKER_HUB_TAGS_API}?page_size=100&name=${CUDA_BASE_FORM}' | grep -oE '[0-9]+\\.[0-9]+\\.[0-9]+-${CUDA_BASE_FORM.replace(/\./g, '\\.')}' | sort -uV | tail -n 1`;
    return out;
  }
  const api = DOCKER_HUB_TAGS_API.replace('nvidia/cuda', repo);
  out.listRepoTags = `curl -fsS '${api}?page_size=100' | grep -oE '"name": ?"[^"]+"'`;
  return out;
}
