// A build on a GitHub-hosted runner that took nothing from a cache: each job gets a fresh machine
// with an empty builder, so without a cache to import every build runs every step again. Waste, so
// a notice. BuildKit prints `importing cache manifest from …` when the build imports a cache
// (`--cache-from`); a build that imported one and still hit nothing is not this rule's (its cache
// key changed, the cache was evicted, or this was the first build).
// The remedy Docker documents for GitHub Actions: docker/build-push-action's `cache-from` /
// `cache-to` inputs with the `gha` cache backend (`type=gha`, and `mode=max` on `cache-to` to keep
// the layers of every stage, not only the final one); `gha` is not supported by the default `docker`
// driver, so docker/setup-buildx-action creates the builder first (docs.docker.com/build/cache/backends/gha/,
// docs.docker.com/build/ci/github-actions/cache/). The registry backend (`type=registry,ref=…`) is
// the alternative when GitHub's cache size limit is too small for the image.
import type { RuleInput } from '../../schema.js';
import { GHA_CACHE_STEPS } from './gha-cache-steps.js';

export const coldCache: RuleInput = {
  id: 'ci/cold-cache',
  title: 'No cache hits on a CI build (no cache imported)',
  severity: 'notice',
  // Half a minute of steps: below that a cache saves little.
  trigger: { kind: 'cold-cache', minSeconds: 30 },
  maxFindings: 1,
  message:
    'None of the {ran} Dockerfile steps that ran came from a cache, and the build imported none: a GitHub-hosted runner starts every job ' +
    'with an empty builder, so each build runs every step again ({ranFor} of steps here, the slowest in the evidence).',
  fix: [
    "Give the build a cache that outlives the job, with docker/build-push-action's cache inputs (the `gha` backend needs the builder docker/setup-buildx-action creates):",
    '',
    ...GHA_CACHE_STEPS,
    '',
    "`mode=max` keeps the layers of every stage, not only the final image's. When the cache is larger than GitHub's cache limit, keep it in a registry " +
      'instead: the same two inputs with `type=registry` and a `ref=` naming an image tag of your own kept for the cache (`,mode=max` on `cache-to`).',
  ].join('\n'),
  docs: 'https://docs.docker.com/build/ci/github-actions/cache/',
};
