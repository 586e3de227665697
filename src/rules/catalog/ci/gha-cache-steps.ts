// The two workflow steps that give docker/build-push-action a builder which exports its cache to GitHub's
// cache (the `gha` backend): said once for the rules that advise them. docker/setup-buildx-action creates a
// docker-container builder by default (its action.yml: input `driver`, default `docker-container`); the docker
// driver exports no cache while the engine keeps its images in the classic store (docs.docker.com/build/cache/backends/).
// The versions are the actions' current majors (docker/setup-buildx-action v3, docker/build-push-action v6).

/** A fenced YAML block: setup-buildx-action, then build-push-action with `cache-from` / `cache-to: type=gha`. */
export const GHA_CACHE_STEPS: readonly string[] = [
  '```yaml',
  '- uses: docker/setup-buildx-action@v3',
  '- uses: docker/build-push-action@v6',
  '  with:',
  '    cache-from: type=gha',
  '    cache-to: type=gha,mode=max',
  '```',
];
