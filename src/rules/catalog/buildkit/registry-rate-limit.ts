// A registry answered 429 (rate limit) to a request other than the base image's metadata, which
// buildkit/base-image-not-found explains (`load metadata for …`, `failed to resolve source metadata for …`):
// - a blob fetched inside a step, from an imported cache (`--cache-from`) or an image a `COPY --from` / `ADD` reads
//   (NVIDIA/cuda-quantum#3979, GHCR): `#30 ERROR: failed to copy: httpReadSeeker: failed open: unexpected status code
//   https://ghcr.io/v2/…/blobs/sha256:…: 429 Too Many Requests - Server message: toomanyrequests: retry-after: 333.939671ms`;
// - a push (rapidsai/ci-imgs#162, Docker Hub from many parallel jobs): `#26 ERROR: toomanyrequests: Too Many Requests
//   (HAP429).` under ` > pushing rapidsai/ci-conda:… with docker:`.
// Where the advice comes from:
// - Docker Hub (docs.docker.com/docker-hub/usage/): besides the pull rate limit (whose message links that page and which
//   a login raises), an abuse rate limit on all requests (pulls, pushes, web, API) "applied per IPv4 address or per IPv6
//   /64 subnet", "the same regardless of account level"; it answers "a simple 429 Too Many Requests". So a push throttled
//   with a bare 429 is helped by fewer requests at once, not by a login: rapidsai limited its jobs' concurrency.
// - GHCR publishes no request limit; the server's `retry-after` says when to ask again.
// - Limiting parallel jobs in GitHub Actions: `jobs.<job_id>.strategy.max-parallel` (docs.github.com/en/actions/using-jobs/
//   using-a-matrix-for-your-jobs#defining-the-maximum-number-of-concurrent-jobs).
// - `ignore-error=true` on `cache-to` (BuildKit 0.11 and later: moby/buildkit#3430, in v0.11.0 as b842260c5) keeps a failed cache
//   export from failing the build.
import type { RuleInput } from '../../schema.js';

const COMMON_FIX = [
  'Run the job again once the limit has passed (a `retry-after` in the error says how long): nothing in the Dockerfile is wrong.',
  'If it keeps happening, make fewer requests to this registry at once: many jobs (a matrix) building and pulling or',
  'pushing at the same time share one limit. Cap them (`strategy: max-parallel: N` for a matrix job), and pull big',
  'shared images and caches once rather than in every job.',
].join('\n');

export const registryRateLimit: RuleInput = {
  id: 'buildkit/registry-rate-limit',
  title: 'Registry rate limit (429 Too Many Requests)',
  severity: 'error',
  match: [
    // `429 Too Many Requests - Server message: toomanyrequests: …`, `toomanyrequests: Too Many Requests (HAP429).` A bare
    // `429 Too Many Requests` only where a registry request printed it (after a `/v2/` URL, containerd's `unexpected status`,
    // BuildKit's `pulling from host …`): npm's `npm ERR! 429 Too Many Requests - GET https://registry.npmjs.org/…` in a
    // `RUN npm ci` is a package registry's, not this rule's (npm/cli#836).
    {
      literals: ['toomanyrequests', '429 Too Many Requests'],
      pattern: '(?<status>toomanyrequests[^\\n]{0,200}|(?<=(?:/v2/|unexpected status|pulling from host )[^\\n]{0,600})429 Too Many Requests[^\\n]{0,200})',
    },
  ],
  context: [
    // BuildKit's push (`pushing layers`, ` > pushing X with docker:`), the CLI's `failed to push`, docker push's `The push refers to`.
    { name: 'push', literals: ['pushing ', 'failed to push', 'The push refers to repository'] },
    { name: 'cacheExport', literals: ['exporting cache', 'cache exporter'] },
    { name: 'blob', literals: ['httpReadSeeker', '/blobs/sha256:'] },
    // Docker Hub refused this very request: the refused line names its HAProxy (`(HAP429)`), its hosts, a docker.io image, or its
    // pull limit's page. A docker.io name elsewhere in the step (a `FROM docker.io/…` of another stage, a pushed tag) says nothing
    // about which registry answered 429.
    {
      name: 'dockerHub',
      literals: ['HAP429', 'registry-1.docker.io', 'auth.docker.io', 'docker.io/', 'docker.com/increase-rate-limit'],
      pattern:
        'HAP429|docker\\.com/increase-rate-limit|(?:registry-1\\.docker\\.io|auth\\.docker\\.io|\\bdocker\\.io/)[^\\n]{0,600}?(?:429 Too Many Requests|toomanyrequests)|(?:429 Too Many Requests|toomanyrequests)[^\\n]{0,600}?(?:registry-1\\.docker\\.io|auth\\.docker\\.io|\\bdocker\\.io/)',
    },
    // Docker Hub's pull limit says so and links its page: `toomanyrequests: You have reached your pull rate limit. …`
    { name: 'pullLimit', literals: ['pull rate limit'] },
    { name: 'ghcr', literals: ['ghcr.io'] },
  ],
  // The base image's metadata: buildkit/base-image-not-found's rate-limit variant.
  unless: [{ literals: ['failed to resolve source metadata for', 'load metadata for '] }],
  scope: 'step',
  maxFindings: 1,
  specificity: 3,
  retryable: true,
  message:
    'The registry refused a request because this builder (or the machines sharing its address or account) sent too many: ' +
    'HTTP 429, `{status}`. The build itself is not at fault; the registry throttled it.',
  fix: COMMON_FIX,
  variants: [
    {
      when: 'dockerHub&pullLimit',
      message:
        'Docker Hub refused an image pull with 429 (`{status}`): this builder reached its pull rate limit, which counts ' +
        'pulls per account, or per address when not logged in.',
      fix: [
        'Log in to Docker Hub before the build, in the same job: authenticated pulls have a higher limit than anonymous',
        'ones (in GitHub Actions, `docker/login-action` with a Docker Hub access token). Then run the job again. The limits of',
        'each kind of account: https://docs.docker.com/docker-hub/usage/',
      ].join('\n'),
    },
    {
      when: 'dockerHub',
      message:
        'Docker Hub refused a request with a bare 429 (`{status}`): its abuse rate limit, which counts every request from ' +
        'one IPv4 address (or IPv6 /64), pulls and pushes alike, whatever the account. Many jobs pushing or pulling from the ' +
        'same runners at once reach it.',
      fix: [
        'Send fewer requests at once: cap the matrix (`strategy: max-parallel: N`) or the workflow\'s concurrent runs, and run',
        'the failed jobs again once the burst has passed. A login does not raise this limit (it raises only the pull limit,',
        'whose message says `pull rate limit` and links https://docs.docker.com/docker-hub/usage/). Nothing in the Dockerfile is wrong.',
      ].join('\n'),
    },
    {
      when: 'cacheExport',
      message: 'The image was built, but the registry refused the cache export with 429 (`{status}`): too many requests in a short time.',
      fix: [
        COMMON_FIX,
        '',
        'So that a throttled cache export does not fail the build, add `ignore-error=true` to the cache export',
        '(`--cache-to type=registry,ref=…,mode=max,ignore-error=true`, or the same in build-push-action\'s `cache-to`; BuildKit 0.11 or later).',
      ].join('\n'),
    },
    {
      when: 'push',
      message: 'The registry refused the push with 429 (`{status}`): too many requests from this builder or its account in a short time.',
    },
    {
      when: 'blob&ghcr',
      message:
        'GitHub Container Registry refused a layer download with 429 (`{status}`): too many requests in a short time. In a ' +
        'step that is not a `FROM`, the layer comes from an imported build cache (`--cache-from`) or from an image the step copies from.',
    },
    {
      when: 'blob',
      message:
        'The registry refused a layer download with 429 (`{status}`): too many requests in a short time. In a step that is ' +
        'not a `FROM`, the layer comes from an imported build cache (`--cache-from`) or from an image the step copies from.',
    },
  ],
  docs: 'https://docs.docker.com/docker-hub/usage/',
};
