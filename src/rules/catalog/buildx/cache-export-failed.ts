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
//   `This legacy service is shutting down`.
import type { RuleInput } from '../../schema.js';

export const cacheExportFailed: RuleInput = {
  id: 'buildx/cache-export-failed',
  title: 'Build cache export failed',
  severity: 'error',
  match: [
    { literals: ['error writing layer blob: ', 'error writing manifest blob: '], pattern: 'error writing (?<what>layer|manifest) blob: (?<reason>[^\\n]{1,400})' },
  ],
  context: [
    { name: 'gha', literals: ['actions.githubusercontent.com', '_apis/artifactcache', 'type=gha'] },
    { name: 'legacyGha', literals: ['_apis/artifactcache'] },
    { name: 'badRequest', literals: ['400 Bad Request'] },
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
      when: 'gha&legacyGha',
      title: 'Build cache export to the GitHub Actions cache failed',
      retryable: true,
      message:
        'The image was built, but writing its build cache to the GitHub Actions cache service failed (`{reason}`): the ' +
        'cache service broke off the upload, and a failed cache export fails the build.',
      fix: [
        'Run the job again: the cache service\'s failures are usually brief. So that a cache export can never fail the build,',
        'add `ignore-error=true` to it (BuildKit 0.11 or later):',
        '',
        '```yaml',
        'cache-to: type=gha,mode=max,ignore-error=true',
        '```',
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
        'Run the job again: the cache service\'s failures are usually brief. So that a cache export can never fail the build,',
        'add `ignore-error=true` to it (BuildKit 0.11 or later):',
        '',
        '```yaml',
        'cache-to: type=gha,mode=max,ignore-error=true',
        '```',
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
  docs: 'https://docs.docker.com/build/cache/backends/',
};
