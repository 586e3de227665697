// The image was built; exporting the build cache (`--cache-to`, build-push-action's `cache-to`) failed, and with it
// the build. BuildKit's cache exporters wrap the backend's error: `error writing layer blob: …` (cache/remotecache/
// export.go, gha/gha.go, s3/s3.go) and `error writing manifest blob: …` (export.go), in the `exporting cache` step.
// - GitHub Actions cache (CERT-Polska/mwdb-core#515): `#17 ERROR: error writing layer blob: Patch
//   "https://artifactcache.actions.githubusercontent.com/…/_apis/artifactcache/caches/730": http: read on closed
//   response body`: the cache service dropped the upload; the project dropped the gha cache, a re-run or
//   `ignore-error=true` would do.
// - A registry refusing BuildKit's cache manifest (docker/hub-feedback#2322, Docker Hub on 2023-04-17, also
//   docker/build-push-action#858): `#21 ERROR: error writing manifest blob: failed commit on ref "sha256:…": unexpected
//   status: 400 Bad Request` with buildkitd's `reference for unknown type: application/vnd.buildkit.cacheconfig.v0`.
//   Docker staff acknowledged it as a change on Docker Hub's side.
// - A cache type written without `type=` (docker/buildx#2731: `--cache-to inline`, then `failed to authorize: … auth.docker.io/
//   token?scope=repository%3Alibrary%2Finline`): buildx reads a `--cache-to` / `--cache-from` value with no `=` as the short form
//   of a registry cache, `type=registry,ref=<value>` (util/buildflags/cache.go, ParseCacheEntry: "This is ref only format";
//   UnmarshalText: one field without `=` → `Type = "registry"`, `Attrs = {"ref": value}`), and a bare name such as `inline` is
//   the Docker Hub image `docker.io/library/inline`. So the export goes to Docker Hub and fails there on every run. The fix is the
//   type: `--cache-to type=inline` (Docker's "Inline cache" page: "pass `type=inline` to the `--cache-to` option"; an inline
//   cache is read back with `--cache-from type=registry,ref=<registry>/<image>`). The same diagnosis in rocker-org/rocker-versioned2#274.
// - The cache service answering with an HTML page (docker/build-push-action#1485, 2026-03: `#14 exporting to GitHub Actions Cache`,
//   `#14 ERROR: failed to parse error response 400: <h2>Our services aren't available right now</h2>…`, GitHub's outage page; the
//   same page in actions/cache#1627): BuildKit's GitHub cache client (tonistiigi/go-actions-cache, cache.go checkResponse) reads a
//   non-2xx answer as the API's JSON error and, when the body is not JSON, wraps it as `failed to parse error response <status>:
//   <body>`. An HTML body there is the service's (or a proxy's) error page, not an answer of the cache API about this cache: a
//   service-side failure. Fix: run later, and `ignore-error=true` on `cache-to` so an outage cannot fail the build (the maintainer in
//   docker/buildx#3303: "Set `ignore-error=true` in your `--cache-to` options for this behavior").
// - GitHub's legacy cache service refusing the request outright: `failed to solve: This legacy service is shutting down, effective
//   April 15, 2025. Migrate to the new service ASAP. For more information: https://gh.io/gha-cache-sunset` (docker/build-push-action#1345,
//   GIScience/openrouteservice#2032 in `exporting to GitHub Actions Cache`): the builder still speaks the legacy API (versions below).
//   With Depot (depot/build-push-action#35: `Error: failed with: Error: failed to solve: This legacy service …`; that action wraps
//   `depot build`'s last stderr line as `failed with: …`, src/depot.ts execBuild, where docker/build-push-action writes `buildx failed
//   with:`), Depot's maintainer: "you actually can remove the `cache-to` and `cache-from` when using this action - the Depot builder
//   already persists the cache without it" (the same change in PostHog/posthog#16693, "fix: remove cache-to: gha when using Depot").
// Rate limits (429) and bodies too large (413) during the export are other rules' (buildkit/registry-rate-limit,
// buildkit/push-too-large).
// Where the advice comes from (moby/buildkit README, "Export cache"; docs.docker.com/build/cache/backends/):
// - `ignore-error=true` on any cache export: "specify if error is ignored in case cache export fails"; BuildKit v0.11.0
//   and later (moby/buildkit#3430, cherry-picked into v0.11.0-rc4 as b842260c5; v0.11.0's README lists it).
// - registry cache `image-manifest=true` (with `oci-mediatypes=true`): "export cache manifest as an OCI-compatible image
//   manifest rather than a manifest list/index"; BuildKit v0.12.0 and later, the default from v0.21.
// - gha: `url` defaults to `$ACTIONS_CACHE_URL` (the legacy cache API, `…/_apis/artifactcache/…`), `url_v2` to
//   `$ACTIONS_RESULTS_URL`; BuildKit speaks the v2 API from v0.20.0 (commit dea6c4916). Docker's "Cache management with
//   GitHub Actions" page: from April 15th, 2025 only the GitHub Cache service API v2 is supported, older tools get
//   `This legacy service is shutting down`. The minimum versions for the v2 API (Docker's page, "Cache backend API"):
//   Docker Buildx >= v0.21.0 and BuildKit >= v0.20.0. Checked in the sources: buildx passes `ACTIONS_RESULTS_URL` as `url_v2`
//   from commit e1f690abf ("allow passing github cache v2 urls from env", first in v0.21.0); BuildKit reads `url_v2` from
//   commit dea6c4916 (first in v0.20.0). An older buildx never passes the v2 URL, whatever BuildKit runs.
// - `error committing cache 396840: Failed to commit cache.` (omnigres/omnigres#859, April 2025, a workflow that pinned an
//   old buildx; fixed by "avoid pinning buildx"): BuildKit's GitHub cache client (tonistiigi/go-actions-cache) writes
//   `error committing cache <id>` only in commitV1, the legacy API's `POST _apis/artifactcache/caches/<id>`; the v2 API
//   commits with `FinalizeCacheEntryUpload` and says nothing of the kind (cache.go, cache_v2.go). So this wording alone
//   proves the legacy API, even with no URL in the log.
// - Versions the log may show: buildx's `github.com/docker/buildx v0.10.4 <commit>` (`docker buildx version`, which
//   docker/setup-buildx-action runs in its "Buildx version" group), BuildKit's `"buildkit": "v0.11.6"` (the builder
//   inspection setup-buildx-action prints in "Inspect builder"), `builder-<id>0: v0.11.6` (its "BuildKit version" group,
//   `${node.name}: ${buildkitVersion}` in setup-buildx-action's main.ts), `Buildkit: v0.11.6` / `BuildKit version: v0.13.2`
//   (`docker buildx inspect`), and the image a builder was pinned to (`driver-opts: image=moby/buildkit:v0.11.6`).
import type { RuleInput } from '../../schema.js';

/** The upgrade, for a job whose log shows a buildx or BuildKit too old for GitHub's cache API v2. */
/** A cache-service failure: run again, and let a cache export never fail the build (`ignore-error`, BuildKit 0.11+). */
const RERUN_OR_IGNORE = [
  "Run the job again: the cache service's failures are usually brief. So that a cache export can never fail the build,",
  'add `ignore-error=true` to it (BuildKit 0.11 or later):',
  '',
  '```yaml',
  'cache-to: type=gha,mode=max,ignore-error=true',
  '```',
];

const UPGRADE_FIX = [
  'Use buildx 0.21.0 or later with BuildKit 0.20.0 or later: older ones speak only the legacy cache API, which GitHub shut down on',
  'April 15th, 2025, so this export fails on every run until they are upgraded. In the workflow, remove the pin that keeps them old:',
  '',
  '```yaml',
  '- uses: docker/setup-buildx-action@v4',
  '  with:',
  '    version: latest          # or drop `version:`; not a release older than v0.21.0',
  '    # and no `driver-opts: image=moby/buildkit:…` older than v0.20.0',
  '```',
  '',
  'On a self-hosted runner, update Docker\'s buildx plugin (`docker buildx version` prints the one in use). Leave `ignore-error=true`',
  'for brief failures of the cache service: with these versions it would only hide a cache that is never saved.',
].join('\n');

export const cacheExportFailed: RuleInput = {
  id: 'buildx/cache-export-failed',
  title: 'Build cache export failed',
  severity: 'error',
  match: [
    { literals: ['error writing layer blob: ', 'error writing manifest blob: '], pattern: 'error writing (?<what>layer|manifest) blob: (?<reason>[^\\n]{1,400})' },
    // The GitHub cache client's wrapping of a non-JSON error answer (an HTML error page): `failed to parse error response 400: <h2>…`
    { literals: ['failed to parse error response '], pattern: 'failed to parse error response (?<code>\\d{3}): (?<reason>[^\\n]{1,400})' },
    // The cache service's bare answer as the export step's whole error (clemensv/real-time-sources#1549: `#16 exporting to
    // GitHub Actions Cache`, `#16 ERROR: not_found`, `ERROR: failed to build: failed to solve: not_found`, after the push
    // was done; the repository's cache was over GitHub's 10 GB and entries were evicted while the exports ran).
    { literals: ['not_found'], pattern: '^(?:ERROR: )?(?<reason>not_found)$' },
    // GitHub's legacy cache API refusing every request after its shutdown (see above)
    { literals: ['This legacy service is shutting down'], pattern: '(?<reason>This legacy service is shutting down[^\\n]{0,300})' },
    // The gha backend's deadline as the export step's whole error (moby/buildkit#5650, the maintainer's own CI: `#41 exporting to
    // GitHub Actions Cache`, `#41 preparing build cache for export 607.5s done`, `#41 ERROR: maximum timeout reached`: "We often
    // encounter rate limits when trying to export the GHA cache"; moby/buildkit#2492: `#19 exporting cache`, `#19 ERROR: maximum
    // timeout reached`, `error: failed to solve: maximum timeout reached`). The cache client waits out the service's 429 answers
    // (tonistiigi/go-actions-cache cache.go doWithRetries: a 429 delays the shared BackoffPool and retries; the pool's Wait fails
    // when the deadline has passed), so a bare timeout is the export throttled until its `timeout` ran out.
    // GitHub's own outage answer as the build's final error (docker/build-push-action#632, 2022-06: `#18 exporting cache`,
    // `#18 ERROR: GitHub Actions is temporarily unavailable. Please visit https://www.githubstatus.com/ for the status of our
    // services.`, then `error: failed to solve: GitHub Actions is …`: the JSON answer's `message`, go-actions-cache's GithubAPIError).
    // The same words on a cache import (`importing cache manifest from gha:…`) only warn, and the build goes on: the rule's
    // cacheExport context (an export in the log) is what makes them this.
    {
      literals: ['GitHub Actions is temporarily unavailable'],
      pattern: '^(?:ERROR: |error: )?(?:failed to solve: )?(?<reason>GitHub Actions is temporarily unavailable\\.[^\\n]{0,200})$',
    },
    { literals: ['maximum timeout reached'], pattern: '^(?:ERROR: |error: )?(?:failed to solve: )?(?<reason>maximum timeout reached)$' },
  ],
  context: [
    // The log shows a cache export: BuildKit's progress of every cache exporter (`preparing build cache for export`, `sending cache
    // export`: solver/llbsolver/solver.go runCacheExporters), its step named in an error box (` > exporting cache:`), the export
    // option, or the exporters' own errors. A bare `not_found` is BuildKit's answer to many a missing thing; without a cache export
    // in the log it says nothing about one.
    {
      name: 'cacheExport',
      required: true,
      literals: [
        'build cache for export',
        'sending cache export',
        'exporting cache',
        'exporting to GitHub Actions Cache',
        'cache-to',
        'export-cache',
        'error writing layer blob',
        'error writing manifest blob',
        'error committing cache',
        'This legacy service is shutting down',
        // GitHub's outage answer to BuildKit's cache client (go-actions-cache checkResponse), wrapped as `failed to parse error response
        // 503: { 'message': 'GitHub Actions is temporarily unavailable. …' }` when the body is not JSON (docker/build-push-action#515,
        // the step's error and nothing else): a step's error from the gha cache backend, whose export is the step that fails a build
        // (its import only warns, build-push-action#632). The JSON form (`ERROR: GitHub Actions is …`) needs an export in the log.
        "'message': 'GitHub Actions is temporarily unavailable",
      ],
    },
    // the legacy cache service's own refusal, and a build run by depot/build-push-action (its `failed with:` wrapping, the
    // action's name, or Depot's CLI)
    { name: 'sunset', literals: ['This legacy service is shutting down'] },
    { name: 'depot', literals: ['failed with: ', 'depot/build-push-action', 'depot build'], pattern: '^(?:Error: )?failed with: |depot/build-push-action|\\bdepot build\\b' },
    { name: 'gha', literals: ['actions.githubusercontent.com', '_apis/artifactcache', 'type=gha', 'error committing cache ', 'exporting to GitHub Actions Cache', 'gh.io/gha-cache-sunset'] },
    // the gha backend's client (tonistiigi/go-actions-cache, backoff.go: `errors.Errorf("maximum timeout reached")` when its wait
    // for the cache service runs past the export's deadline, the backend's `timeout`, 10m by default: moby/buildkit#4702, v0.13)
    { name: 'timeout', literals: ['maximum timeout reached'] },
    { name: 'notFound', literals: ['not_found'], pattern: '^(?:ERROR: )?not_found$' },
    { name: 'legacyGha', literals: ['_apis/artifactcache'] },
    // the legacy API's own commit request (see above): `error committing cache 396840: Failed to commit cache.`
    { name: 'legacyCommit', literals: ['error committing cache '], pattern: 'error committing cache \\d{1,20}\\b' },
    // buildx older than 0.21.0 (`github.com/docker/buildx v0.10.4 …`, a distribution's `0.13.1+ds1`)
    { name: 'oldBuildx', literals: ['github.com/docker/buildx '], pattern: 'github\\.com/docker/buildx v?(?<version>0\\.(?:\\d|1\\d|20)\\.\\d{1,3})\\b' },
    // BuildKit older than 0.20.0, as the builder's inspection or its pinned image names it
    {
      name: 'oldBuildkit',
      literals: ['"buildkit": "', 'Buildkit:', 'BuildKit version:', 'moby/buildkit:v', 'builder-'],
      pattern:
        '(?:"buildkit": "|Buildkit:\\s{1,20}|BuildKit version:\\s{1,20}|moby/buildkit:|^\\s{0,8}builder-[\\w-]{1,80}: )v(?<version>0\\.(?:\\d|1\\d)\\.\\d{1,3})\\b',
    },
    // a cache type given as the whole value, no `type=` (`--cache-to inline`, build-push-action's `cache-to: inline`): a registry ref
    {
      name: 'bareCacheType',
      literals: ['--cache-to', 'cache-to:'],
      pattern: '(?:--cache-to[= ]|cache-to:[ \\t]{0,20})["\']?(?<word>inline|local|registry|gha|s3|azblob)["\']?(?=[ \\t]|\\\\|$)',
    },
    // the registry token request for that ref: `scope=repository%3Alibrary%2Finline` (`repository:library/inline`)
    {
      name: 'libraryScope',
      literals: ['library%2F', 'repository:library/'],
      pattern: 'repository(?:%3A|:)library(?:%2F|/)(?<word>inline|local|registry|gha|s3|azblob)(?![\\w.-])',
    },
    // The cache service's rate limit: HTTP 429 with the legacy service's `RequestBlockedException` ("Request was blocked due to exceeding
    // usage of resource 'Count' …", moby/buildkit#2276 with BuildKit 0.9.0 and `mode=max`), as the cache client wraps it.
    {
      name: 'rateLimited',
      literals: ['failed to parse error response 429', 'RequestBlockedException', 'exceeding usage of resource'],
      pattern: 'failed to parse error response 429\\b|RequestBlockedException|exceeding usage of resource',
    },
    // GitHub's words for an outage of Actions' services, in the cache service's answer (see the matchers above)
    { name: 'ghaUnavailable', literals: ['GitHub Actions is temporarily unavailable'] },
    { name: 'htmlError', literals: ['failed to parse error response '], pattern: 'failed to parse error response (?<code>\\d{3}): \\s{0,4}<' },
    { name: 'badRequest', literals: ['400 Bad Request'] },
    // An Amazon ECR registry in the log: `<account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag>` (the cache ref, or
    // the `/v2/<repository>/manifests/<tag>` of the PUT BuildKit sent), with the repository's name
    {
      name: 'ecr',
      literals: ['.dkr.ecr.'],
      pattern: '\\b[\\w-]{1,64}\\.dkr\\.ecr\\.[a-z0-9-]{1,40}\\.amazonaws\\.com(?:\\.cn)?/(?:v2/)?(?<repo>[a-z0-9][a-z0-9._/-]{0,255}?)(?::|/manifests/|@)',
    },
    { name: 'cacheConfig', literals: ['application/vnd.buildkit.cacheconfig.v0'] },
  ],
  unless: [{ literals: ['429 Too Many Requests', 'toomanyrequests', '413 Request Entity Too Large'] }],
  scope: 'build',
  maxFindings: 1,
  specificity: 3,
  message:
    'The image was built, but exporting its build cache failed: BuildKit could not write a cache {what} blob (`{reason}`), ' +
    'and a failed cache export fails the build.',
  fix: [
    'Run the job again: a cache backend that dropped a connection usually works the next time. So that a cache export',
    'can never fail the build, add `ignore-error=true` to it (BuildKit 0.11 or later): `--cache-to type=…,mode=max,ignore-error=true`,',
    'or the same in build-push-action\'s `cache-to`. If it fails the same way every time, the error above names the backend',
    'and what it answered.',
  ].join('\n'),
  variants: [
    {
      when: 'sunset&depot',
      title: "Depot build failed on GitHub's retired cache service: remove `cache-from` / `cache-to`",
      message:
        'The build failed on the GitHub Actions cache: GitHub\'s legacy cache service (API v1) refuses every request since ' +
        'April 15th, 2025 (`{reason}`). This build ran on Depot (depot/build-push-action: the `failed with:` line), and its ' +
        '`cache-from` / `cache-to` (`type=gha`) still send the build cache to that service. Depot\'s builder keeps its own cache.',
      fix: [
        'Delete the `cache-from:` and `cache-to:` lines from the depot/build-push-action step\'s `with:`: the Depot builder',
        'persists the build cache itself, so nothing is lost (Depot\'s maintainer in depot/build-push-action#35):',
        '',
        '```yaml',
        '- uses: depot/build-push-action@v1',
        '  with:',
        '    project: …               # as before',
        '    # cache-from: type=gha   <- remove',
        '    # cache-to: type=gha,mode=max   <- remove',
        '```',
      ].join('\n'),
    },
    ...(['bareCacheType', 'libraryScope'] as const).map((ctx) => ({
      when: ctx,
      title: 'Cache export went to a Docker Hub image: `cache-to` names no `type=`',
      message:
        `The image was built, but its cache export failed (\`{reason}\`): \`{context.${ctx}.word}\` was given as the whole \`cache-to\` value, ` +
        `without \`type=\`, and buildx reads a value without \`=\` as a registry cache ref (\`type=registry,ref={context.${ctx}.word}\`): the image ` +
        `\`docker.io/library/{context.${ctx}.word}\` on Docker Hub, which this login may not write. It fails the same way on every run.`,
      fix: [
        `Name the type: \`--cache-to type={context.${ctx}.word}\` (build-push-action: \`cache-to: type={context.${ctx}.word}\`). \`inline\` takes no other ` +
          'option; the other backends take theirs after the type (`type=gha,mode=max`, `type=local,dest=…`, `type=registry,ref=…`: ' +
          'https://docs.docker.com/build/cache/backends/). A `--cache-from` value without `type=` is read the same way; an inline cache is ' +
          'read back from the image itself: `--cache-from type=registry,ref=` followed by the image\'s own name.',
      ].join('\n'),
    })),
    ...(['htmlError&gha', 'htmlError&enrich.ghaExportStep'] as const).map((when) => ({
      when,
      title: 'GitHub Actions cache service unavailable: the cache export failed',
      retryable: true,
      message:
        'The image was built, but exporting its build cache failed: the GitHub Actions cache service answered {context.htmlError.code} ' +
        'with an HTML page instead of its API\'s JSON answer (the evidence). That page is the service\'s (GitHub\'s outage page reads ' +
        '"Our services aren\'t available right now"): the service was down, nothing in the workflow is wrong, and a failed cache export fails the build.',
      fix: [
        'Run the job again later (https://www.githubstatus.com shows whether Actions is degraded). So that an outage of the cache',
        'service can never fail the build again, add `ignore-error=true` to the cache export (BuildKit 0.11 or later):',
        '',
        '```yaml',
        'cache-to: type=gha,mode=max,ignore-error=true',
        '```',
      ].join('\n'),
    })),
    {
      // GitHub's answer in words (JSON or not): docker/build-push-action#515 (503, crazy-max: "I can confirm we have this issue as
      // well"), #632 (the JSON form, during a service disruption).
      when: 'ghaUnavailable',
      title: 'GitHub Actions cache service unavailable: the cache export failed',
      retryable: true,
      message:
        'The build\'s cache export to the GitHub Actions cache failed: GitHub\'s cache service answered "GitHub Actions is temporarily ' +
        'unavailable" (the evidence), an outage on GitHub\'s side. Nothing in the workflow is wrong, and a failed cache export fails the build.',
      fix: [
        'Run the job again once https://www.githubstatus.com shows Actions working. So that an outage of the cache service can never',
        'fail the build again, add `ignore-error=true` to the cache export (BuildKit 0.11 or later):',
        '',
        '```yaml',
        'cache-to: type=gha,mode=max,ignore-error=true',
        '```',
      ].join('\n'),
    },
    {
      // moby/buildkit#2276: the 429 of the GitHub cache service with `mode=max`; the limits are per repository (crazy-max in moby/moby#44168,
      // "at least 12 scoped cache running in parallel", citing buildkit#2276: "Throttling limits seem to be enforced per-repo"; his
      // remedy: "reducing the cache for some steps"). Today's cache client waits out a 429 and retries until the export's `timeout`
      // (go-actions-cache cache.go doWithRetries), so a newer BuildKit fails the same way as `maximum timeout reached` (the timeout variant).
      when: 'rateLimited',
      title: 'GitHub Actions cache rate limit: the cache export failed',
      retryable: true,
      message:
        'The image was built, but exporting its build cache failed: the GitHub Actions cache service refused the upload with HTTP 429 ' +
        '(`{reason}`), its rate limit on the number of cache requests. GitHub applies it per repository, so every cache export of the ' +
        'repository running at the same time counts; a `mode=max` export writes one blob for each layer of every stage. A failed cache ' +
        'export fails the build.',
      fix: [
        'Make fewer cache requests, and keep a rate-limited export from failing the build (`ignore-error` needs BuildKit 0.11 or later):',
        '',
        '```yaml',
        'cache-to: type=gha,mode=min,ignore-error=true     # mode=min (the default): only the final image\'s layers',
        '```',
        '',
        'Export the cache from fewer jobs of a run (not from every matrix job, or only on the default branch), and give each image',
        'one `scope=` rather than many. Then run the job again.',
      ].join('\n'),
    },
    {
      when: 'htmlError',
      title: 'Cache backend answered with an error page: the cache export failed',
      retryable: true,
      message:
        'The image was built, but exporting its build cache failed: the cache service answered {context.htmlError.code} with an HTML ' +
        'page instead of its API\'s answer (the evidence), the error page of the service or of a proxy in front of it. A failed cache export fails the build.',
      fix: [
        'Run the job again later; if it fails the same way, open the cache URL the build uses from the same machine to see who serves',
        'that page (a proxy, or the service itself). So that a cache export can never fail the build, add `ignore-error=true` to it',
        '(BuildKit 0.11 or later): `--cache-to type=…,ignore-error=true`.',
      ].join('\n'),
    },
    {
      when: 'gha&oldBuildx',
      title: 'GitHub Actions cache export failed: buildx too old for the cache service',
      message:
        'The image was built, but writing its build cache to the GitHub Actions cache failed (`{reason}`). This job ran buildx ' +
        '{context.oldBuildx.version}, older than 0.21.0, the first release that passes the new cache service (API v2) to BuildKit: ' +
        'it used the legacy cache API, which GitHub shut down on April 15th, 2025.',
      fix: UPGRADE_FIX,
    },
    {
      when: 'gha&oldBuildkit',
      title: 'GitHub Actions cache export failed: BuildKit too old for the cache service',
      message:
        'The image was built, but writing its build cache to the GitHub Actions cache failed (`{reason}`). The builder ran BuildKit ' +
        '{context.oldBuildkit.version}, older than 0.20.0, the first release that speaks the new cache service (API v2): it used ' +
        'the legacy cache API, which GitHub shut down on April 15th, 2025.',
      fix: UPGRADE_FIX,
    },
    {
      // the legacy service's refusal with no version in the log: only an old buildx or BuildKit still calls it
      when: 'sunset',
      title: "Build cache on GitHub's retired cache service: buildx or BuildKit too old",
      message:
        'The build failed on the GitHub Actions cache: GitHub\'s legacy cache service (API v1) refuses every request since ' +
        'April 15th, 2025 (`{reason}`). Only buildx 0.21.0 or later with BuildKit 0.20.0 or later use the new service (API v2), so ' +
        'this job ran an older one of the two (the log does not show which).',
      fix: UPGRADE_FIX + '\n\nOr leave the GitHub cache out: remove `cache-from: type=gha` and `cache-to: type=gha,…` from the step.',
    },
    {
      // The legacy API's commit, no version in the log: the versions decide between "upgrade" and "a brief failure".
      when: 'legacyCommit',
      title: 'Build cache export to the GitHub Actions cache failed (legacy cache API)',
      message:
        'The image was built, but committing its build cache to the GitHub Actions cache failed (`{reason}`). ' +
        '`error committing cache` with a number is the commit of GitHub\'s legacy cache API (v1), which GitHub shut down on April 15th, 2025: ' +
        'only buildx 0.21.0 or later with BuildKit 0.20.0 or later use the new one, and the log does not show which versions ran.',
      fix: [
        'Find the versions the job ran: docker/setup-buildx-action prints them (its "Buildx version" and "BuildKit version" groups,',
        'and `buildkit` in "Inspect builder"), or add `docker buildx version` and `docker buildx inspect` to the job.',
        '',
        '- buildx older than 0.21.0 or BuildKit older than 0.20.0 (a `version:` pin on setup-buildx-action, a `driver-opts`',
        '  pin of an older `moby/buildkit` image, or an old buildx plugin on a self-hosted runner): upgrade them, e.g.',
        '  `version: latest` on docker/setup-buildx-action. The export fails on every run until then, and `ignore-error=true`',
        '  would only hide a cache that is never saved.',
        '- both new enough: the runner did not offer the v2 service (`ACTIONS_CACHE_SERVICE_V2` unset, as on some',
        '  third-party or GitHub Enterprise Server runners) or the service failed briefly: run the job again, and add',
        '  `ignore-error=true` to `cache-to` (`type=gha,mode=max,ignore-error=true`) so that a failed export cannot fail the build.',
      ].join('\n'),
    },
    {
      // The deadline of the gha client (see the matcher above): throttling (429s waited out) or uploads too long for it. Docker's
      // "GitHub Actions cache" page (docs.docker.com/build/cache/backends/gha/): `mode` (cache-to, `min` by default), `ignore-error`
      // ("Ignore errors caused by failed cache exports", false by default), `timeout` ("Max duration for importing or exporting
      // cache", 10m by default).
      when: 'timeout&!legacyGha',
      title: 'Build cache export to the GitHub Actions cache timed out',
      retryable: true,
      message:
        'The image was built, but exporting its build cache to the GitHub Actions cache ran past the backend\'s deadline (`{reason}`), ' +
        'and a failed cache export fails the build. The gha backend waits and retries while the cache service throttles it (HTTP 429, ' +
        'too many requests) or an upload is slow, and gives up when the export\'s `timeout` (10 minutes by default) runs out. Throttling ' +
        'comes with load (other jobs of the repository using the cache at the same time) and with a large cache (`mode=max` writes the ' +
        'layers of every stage): a re-run often passes, and a busy run can fail again.',
      fix: [
        'Keep a failed export from failing the build (`ignore-error` needs BuildKit 0.11 or later), and export less; then run the job',
        'again:',
        '',
        '```yaml',
        'cache-to: type=gha,mode=min,ignore-error=true       # mode=min (the default): only the final image\'s layers, fewer requests',
        '# or keep mode=max and give it longer: type=gha,mode=max,timeout=30m,ignore-error=true   (`timeout`: BuildKit 0.13 or later)',
        '```',
        '',
        'GitHub keeps at most 10 GB of cache per repository and evicts the oldest entries beyond it, so a smaller cache is also one',
        'that survives longer. `scope=` per image keeps the caches of several images from replacing each other.',
      ].join('\n'),
    },
    // Eviction is the GitHub Actions cache's story: only when the log shows that backend (`type=gha`, its URLs, or the export step
    // BuildKit names after it, `exporting to GitHub Actions Cache`: knowledge/cache-export-step.ts).
    ...(['notFound&gha', 'notFound&enrich.ghaExportStep'] as const).map((when) => ({
      when,
      title: 'Build cache export to the GitHub Actions cache failed (not_found)',
      message:
        'The image was built (and any push finished before this step), but exporting its build cache failed: the cache service ' +
        'answered `not_found`, as when a cache entry the export was writing or reusing was evicted meanwhile. A failed cache export ' +
        'fails the build.',
      fix: [
        'Keep a failed export from failing the build (BuildKit 0.11 or later), and make the cache smaller so that it is not evicted',
        'while jobs still write it:',
        '',
        '```yaml',
        'cache-to: type=gha,mode=min,scope=${{ github.workflow }}-IMAGE,ignore-error=true',
        '```',
        '',
        'GitHub keeps at most 10 GB of cache per repository and evicts the least recently used entries beyond it: see the size in',
        'the repository\'s Actions → Caches page (or `gh cache list`). Many images or matrix jobs with `mode=max` exceed it quickly;',
        'give each image its own `scope=` and drop caches you no longer need (`gh cache delete`).',
      ].join('\n'),
    })),
    {
      when: 'notFound',
      title: 'Build cache export failed (not_found)',
      message:
        'The image was built, but exporting its build cache failed with the backend\'s bare answer `not_found`, and a failed cache export ' +
        'fails the build. The log does not show which cache backend answered, or what it did not find.',
      fix: [
        'Find the export\'s backend in the build command (`--cache-to type=…`, or build-push-action\'s `cache-to`) and run the build again with',
        '`--progress=plain` to see the export step in full. So that a cache export can never fail the build, add `ignore-error=true` to it',
        '(BuildKit 0.11 or later): `--cache-to type=…,ignore-error=true`.',
      ].join('\n'),
    },
    {
      when: 'gha&legacyGha',
      title: 'Build cache export to the GitHub Actions cache failed',
      retryable: true,
      message:
        'The image was built, but writing its build cache to the GitHub Actions cache service failed (`{reason}`): the ' +
        'cache service broke off the upload, and a failed cache export fails the build.',
      fix: [
        ...RERUN_OR_IGNORE,
        '',
        'If every run fails, check the BuildKit version in the log\'s builder details: `…/_apis/artifactcache/…` is the legacy',
        'cache API, which GitHub shut down on April 15th, 2025; BuildKit 0.20.0 and later use the new one. docker/setup-buildx-action',
        'starts the latest BuildKit unless its `driver-opts` pins an older `moby/buildkit` image.',
      ].join('\n'),
    },
    {
      when: 'gha',
      title: 'Build cache export to the GitHub Actions cache failed',
      retryable: true,
      message:
        'The image was built, but writing its build cache to the GitHub Actions cache service failed (`{reason}`), and a failed ' +
        'cache export fails the build.',
      fix: [
        ...RERUN_OR_IGNORE,
      ].join('\n'),
    },
    {
      // Amazon ECR: the OCI form of the cache (aws/containers-roadmap#876, ECR's "support cache manifest" request, which
      // overhangio/tutor#1118 hit with a plain `--cache-to=type=registry,mode=max,ref=…`), and a second cause of the same 400:
      // with tag immutability on, ECR refuses a push to a tag the repository already holds ("the ImageTagAlreadyExistsException
      // error is returned if you push an image with a tag that is already in the repository", AWS's "Preventing image tags
      // from being overwritten in Amazon ECR", docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html), and a
      // registry cache pushes the same ref tag on every build (docker/buildx#271, comment of 2024-09-26: the failing builds were
      // the ones pushing to immutable ECR repositories). The setting is the repository's `imageTagMutability` (ECR API
      // reference, Repository: MUTABLE | IMMUTABLE | IMMUTABLE_WITH_EXCLUSION | MUTABLE_WITH_EXCLUSION), which
      // `aws ecr describe-repositories --repository-names NAME` prints.
      when: 'badRequest&ecr',
      title: 'Registry refused the build cache manifest',
      message:
        'The image was built, but Amazon ECR refused BuildKit\'s cache manifest with 400 Bad Request (`{reason}`). A registry cache is by default (before ' +
        'BuildKit 0.21) an image index whose config has BuildKit\'s own media type, `application/vnd.buildkit.cacheconfig.v0`, which ECR has not accepted (aws/containers-roadmap#876).',
      fix: [
        'Write the cache as a plain OCI image manifest instead of BuildKit\'s index (BuildKit 0.12 or later; the default from 0.21):',
        'append `,image-manifest=true,oci-mediatypes=true` to the registry cache export (`--cache-to type=registry,ref=…`, or',
        'build-push-action\'s `cache-to`), the same `ref` as now.',
        '',
        'If it still fails with 400, check the repository\'s tag mutability: with tag immutability on, ECR refuses a push to a tag it',
        'already holds, and the cache is pushed to the same tag on every build:',
        '',
        '```sh',
        "aws ecr describe-repositories --repository-names {context.ecr.repo:sh} --query 'repositories[0].imageTagMutability'",
        '```',
        '',
        '`IMMUTABLE`: keep the cache in a repository of its own with mutable tags (`ref=` pointing there), or exclude the cache tag',
        'from immutability (the `IMMUTABLE_WITH_EXCLUSION` setting).',
      ].join('\n'),
    },
    {
      when: 'badRequest',
      title: 'Registry refused the build cache manifest',
      message:
        'The image was built, but the registry refused BuildKit\'s cache manifest with 400 Bad Request (`{reason}`). A registry cache is by default (before BuildKit 0.21) an image index whose config has ' +
        'BuildKit\'s own media type, `application/vnd.buildkit.cacheconfig.v0`, which not every registry accepts.',
      fix: [
        'If the same `cache-to` worked against this registry before, the registry changed on its side (Docker Hub began refusing',
        'these manifests on 2023-04-17, docker/hub-feedback#2322): report it to the registry, run the job later, and meanwhile keep',
        'the cache from failing the build with `ignore-error=true` (BuildKit 0.11 or later). If it never worked, write the cache as',
        'a plain OCI image manifest instead of BuildKit\'s index (BuildKit 0.12 or later; the default from 0.21): append',
        '`,image-manifest=true,oci-mediatypes=true` to the registry cache export (`--cache-to type=registry,ref=…`, or',
        'build-push-action\'s `cache-to`), the same `ref` as now.',
      ].join('\n'),
    },
  ],
  enrich: 'cache-export-step',
  docs: 'https://docs.docker.com/build/cache/backends/',
};
