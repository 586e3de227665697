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
// - Who a pull counts against (docs.docker.com/docker-hub/usage/pulls/): pulls are attributed to the user doing the pull;
//   Personal accounts and unauthenticated users are rate limited, Pro, Team and Business accounts are not; the limit in force
//   shows in the `ratelimit-limit` / `ratelimit-remaining` headers of a HEAD request for `ratelimitpreview/test` with a token
//   fetched anonymously or with the account's credentials, and no such header means the source is not limited (a
//   partnership with a provider, or a paid plan). An authenticated pull's refusal names the account:
//   `You have reached your pull rate limit as '***': dckr_jti_…` (docker/build-push-action#1539, whose merged fix scoped
//   the login to the push step so that the runner's pulls stayed anonymous).
// - The builder's own image: docker/setup-buildx-action creates a docker-container builder, which pulls
//   `moby/buildkit:buildx-stable-1` while `booting buildkit`; after a docker/login-action step that pull counts against the
//   account (tonistiigi/binfmt#237: "user pulling the image is our bot", fixed by moving the login right before the build).
//   The action's `driver-opts: image=…` names another image for the builder (its README).
import type { RuleInput } from '../../schema.js';

/** An authenticated pull that spent its account's limit: the login is not the fix (shared with buildkit/base-image-not-found). */
export const PULLED_AS_FIX = [
  'Do not add a login: this account\'s own quota is spent. Pick one:',
  '',
  '- Log in only where the account is needed (the push), after the pulls: in GitHub Actions, move `docker/login-action` after',
  '  `docker/setup-buildx-action` and any pull-only steps, or into the pushing job, so that those pulls are anonymous.',
  '- Use an account of a paid Docker plan (Pro, Team, Business), which has no pull rate limit.',
  '- Pull less from Docker Hub: copy the base images (and `moby/buildkit`, which setup-buildx-action\'s builder pulls at',
  '  every start) to a registry you control or a pull-through mirror, and cache layers between runs.',
  '',
  'See the limit of each source (with the account\'s credentials, then anonymously without `--user`); no `ratelimit-*` header',
  'means that source is not limited:',
  '',
  '```sh',
  'TOKEN=$(curl -s --user "$DOCKERHUB_USER:$DOCKERHUB_TOKEN" "https://auth.docker.io/token?service=registry.docker.io&scope=repository:ratelimitpreview/test:pull" | jq -r .token)',
  'curl -s --head -H "Authorization: Bearer $TOKEN" https://registry-1.docker.io/v2/ratelimitpreview/test/manifests/latest | grep -i ratelimit',
  '```',
  '',
  'Limits per plan: https://docs.docker.com/docker-hub/usage/pulls/',
].join('\n');

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
    // the account an authenticated pull was made as: `You have reached your pull rate limit as '***': …`
    { name: 'pulledAs', literals: ["pull rate limit as '"] },
    // buildx's docker-container builder pulling its own image while `booting buildkit`
    { name: 'builderImage', literals: ['pulling image moby/buildkit'] },
  ],
  // The base image's metadata: buildkit/base-image-not-found's rate-limit variant.
  // Also a manifest request that is not a push's or a cache import's (`unexpected status from GET request to
  // https://registry-1.docker.io/v2/library/alpine/manifests/sha256:…: 429 Too Many Requests`): the base image, one finding.
  unless: [
    { literals: ['failed to resolve source metadata for', 'load metadata for '] },
    {
      literals: ['unexpected status from '],
      pattern: '(?<!failed to push \\S{1,400}: )(?<!cache importer: )unexpected status from (?:HEAD|GET) request to https?://[^/\\s]{1,253}/v2/\\S{1,300}?/manifests/\\S{1,200}: 429\\b',
    },
  ],
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
      when: 'pullLimit&pulledAs',
      title: 'Docker Hub pull limit of the logged-in account spent',
      message:
        'Docker Hub refused an image pull with 429 (`{status}`) and names the account the pull was made as: the pull was already ' +
        'authenticated, and that account has used up its pull rate limit.',
      fix: PULLED_AS_FIX,
    },
    {
      when: 'builderImage&pullLimit',
      title: 'Docker Hub pull limit hit while the builder started (moby/buildkit)',
      message:
        'The builder could not start: pulling its own image (`moby/buildkit`, what a docker-container builder such as ' +
        'docker/setup-buildx-action\'s runs) hit Docker Hub\'s pull rate limit (`{status}`). No Dockerfile step ran.',
      fix: [
        'This pull counts against whoever Docker is logged in as at that point: after a `docker/login-action` step, that account\'s',
        'limit; before any login, the runner\'s address. Pick one:',
        '',
        '- Move `docker/login-action` after `docker/setup-qemu-action` and `docker/setup-buildx-action`, just before the build, so',
        '  the builder\'s image is pulled without the account (when the account\'s limit is the one spent).',
        '- Pull the builder\'s image from a registry you control: push a copy of `moby/buildkit:buildx-stable-1` there and name it',
        '  in the setup action:',
        '',
        '```yaml',
        '- uses: docker/setup-buildx-action@v4',
        '  with:',
        '    driver-opts: image=REGISTRY/moby/buildkit:buildx-stable-1',
        '```',
        '',
        '- Log in with an account of a paid Docker plan (no pull rate limit) before the setup.',
        '',
        'Then run the job again. Limits per plan: https://docs.docker.com/docker-hub/usage/pulls/',
      ].join('\n'),
    },
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
