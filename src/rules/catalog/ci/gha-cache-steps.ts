// The two workflow steps that give docker/build-push-action a builder which exports its cache to GitHub's
// cache (the `gha` backend): said once for the rules that advise them. docker/setup-buildx-action creates a
// docker-container builder by default (its action.yml: input `driver`, default `docker-container`); the docker
// driver exports no cache while the engine keeps its images in the classic store (docs.docker.com/build/cache/backends/).
// The versions are the actions' current majors: docker/setup-buildx-action v4 and docker/build-push-action v7, both
// released in March 2026 with Node 24 as their runtime (their v4.0.0 / v7.0.0 release notes); every rule that writes
// a Docker action names the same majors (setup-qemu-action v4, login-action v4).

/** A fenced YAML block: setup-buildx-action, then build-push-action with `cache-from` / `cache-to: type=gha`. */
export const GHA_CACHE_STEPS: readonly string[] = [
  '```yaml',
  '- uses: docker/setup-buildx-action@v4',
  '- uses: docker/build-push-action@v7',
  '  with:',
  '    cache-from: type=gha',
  '    cache-to: type=gha,mode=max',
  '```',
];
