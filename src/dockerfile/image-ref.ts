// Image references as written in FROM (`nvidia/cuda:12.4.0-devel-ubuntu22.04`) and as BuildKit
// prints them after resolving (`docker.io/nvidia/cuda:12.4.0-devel-ubuntu22.04@sha256:…`).

export interface ImageRef {
  /** Registry host, `docker.io` when none is written. */
  registry: string;
  /** Repository path, with `library/` for Docker Hub's official images. */
  repository: string;
  tag: string | null;
  digest: string | null;
}

const DOCKER_HUB = 'docker.io';

/** Parses a reference; null when it is empty or still holds an unexpanded `$VAR`. */
export function parseImageRef(reference: string): ImageRef | null {
  const ref = reference.trim();
  if (ref === '' || ref.includes('$') || /\s/.test(ref)) return null;
  let rest = ref;
  let digest: string | null = null;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | null = null;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.indexOf(':', lastSlash + 1);
  if (colon >= 0) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  if (rest === '') return null;
  const parts = rest.split('/');
  const first = parts[0]!;
  const hasRegistry = parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost');
  const registry = hasRegistry ? first : DOCKER_HUB;
  let repository = hasRegistry ? parts.slice(1).join('/') : rest;
  if (registry === DOCKER_HUB && !repository.includes('/')) repository = `library/${repository}`;
  return { registry: normaliseRegistry(registry), repository: repository.toLowerCase(), tag, digest };
}

function normaliseRegistry(registry: string): string {
  return registry === 'index.docker.io' || registry === 'registry-1.docker.io' ? DOCKER_HUB : registry.toLowerCase();
}

/** True when both name the same image (a digest on only one side does not matter; `latest` is the default tag). */
export function sameImage(a: ImageRef, b: ImageRef): boolean {
  if (a.registry !== b.registry || a.repository !== b.repository) return false;
  if (a.digest !== null && b.digest !== null && a.digest !== b.digest) return false;
  const tagA = a.tag ?? (a.digest === null ? 'latest' : null);
  const tagB = b.tag ?? (b.digest === null ? 'latest' : null);
  return tagA === null || tagB === null || tagA === tagB;
}
