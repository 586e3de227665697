// The image was built; the registry refused the push. Wordings (BuildKit's exporter / buildx):
// - GitHub Container Registry: `ERROR: failed to push ghcr.io/xcq0607/gapi:latest: denied:
//   permission_denied: write_package` (XCQ0607/dockerimage build summaries; Snowfork/snowbridge#1272 with
//   the docker driver: `#15 ERROR: denied: permission_denied: write_package`), and `denied: installation not
//   allowed to Write organization package` (actions/runner#1039). The workflow's GITHUB_TOKEN needs
//   `permissions: packages: write` (docs.github.com "Automatic token authentication", cited in
//   jhj0517/Whisper-WebUI#530), and a package first pushed by hand grants Actions write access only to the
//   repositories listed in the package's "Manage Actions access" settings (tuna-os/tunaOS#642,
//   tridz-dev/huf#349).
// - Docker Hub / GitLab: `ERROR: server message: insufficient_scope: authorization failed`
//   (docker/buildx#202, docker/build-push-action#160, #223): the login has no push right on that
//   repository: not logged in to that registry, a name outside the account's namespace (a name with no
//   namespace means `docker.io/library/…`, ilteoood/docker_buildx#7), or a token without write scope.
// - `unauthorized: authentication required`: no credentials were sent for that registry.
// A retry does not help: the credentials or the name must change.
import type { RuleInput } from '../../schema.js';

const GHCR_FIX = [
  'Give the push a token that may write this package. In the workflow, grant the job\'s GITHUB_TOKEN package writes and',
  'log in with it before the build:',
  '',
  '```yaml',
  'permissions:',
  '  contents: read',
  '  packages: write',
  '```',
  '',
  'with `docker/login-action` (`registry: ghcr.io`, `username: ${{{{ github.actor }}}}`, `password: ${{{{ secrets.GITHUB_TOKEN }}}}`).',
  'If the package already exists (first pushed by hand or from another repository), its page on GitHub → Package settings →',
  '"Manage Actions access" must list this repository with the Write role; otherwise push with a personal access token that',
  'has `write:packages`.',
].join('\n');

export const pushDenied: RuleInput = {
  id: 'buildkit/push-denied',
  title: 'Registry refused the image push',
  severity: 'error',
  match: [
    // `#23 ERROR: failed to push ghcr.io/xcq0607/gapi:latest: denied: permission_denied: write_package`
    { literals: ['permission_denied: write_package', 'installation not allowed to'], pattern: '(?:failed to push (?<ref>\\S{1,300}): )?denied: (?<reason>[^\\n]{1,200})' },
    // `#26 ERROR: server message: insufficient_scope: authorization failed`
    { literals: ['insufficient_scope'], pattern: '(?:failed to push (?<ref>\\S{1,300}): )?[^\\n]{0,200}(?<reason>insufficient_scope: authorization failed)' },
    // `failed to push docker.io/x/y:latest: unauthorized: authentication required`
    { literals: ['failed to push '], pattern: 'failed to push (?<ref>\\S{1,300}): (?<reason>(?:unauthorized|denied|forbidden|[^\\n]{0,80}403 Forbidden)[^\\n]{0,200})' },
    // The registry's bare status on an upload request, the URL before it longer than the line above allows
    // (ASFHyP3/asf-tools#288, insightsengineering/ci-images#91, both GHCR from GitHub Actions):
    // `failed to push ghcr.io/asfhyp3/asf-tools:0.8.4.dev57_g19e37f2: unexpected status from POST request to
    // https://ghcr.io/v2/asfhyp3/asf-tools/blobs/uploads/: 403 Forbidden`. A rate limit (429) or a body too large (413) on
    // the same request is another rule's (buildkit/registry-rate-limit, buildkit/push-too-large).
    {
      literals: ['failed to push '],
      pattern:
        'failed to push (?<ref>\\S{1,300}): (?<reason>unexpected status from (?:POST|PUT|PATCH|HEAD) request to \\S{1,500}: (?:401 Unauthorized|403 Forbidden))',
    },
  ],
  context: [
    { name: 'ghcr', literals: ['ghcr.io', 'write_package', 'organization package'] },
    { name: 'scope', literals: ['insufficient_scope'] },
  ],
  // A base image the builder may not pull says `pull access denied, … insufficient_scope` (buildkit/base-image-not-found).
  unless: [{ literals: ['pull access denied'] }],
  scope: 'step',
  maxFindings: 1,
  specificity: 3,
  message:
    'The image was built, but the registry refused the push of {ref|the image}: {reason|the credentials have no ' +
    'right to write that repository}. The build itself is fine; the login, the token\'s rights or the repository name must change.',
  fix: [
    'Log in to that registry with an account (or token) that may push to this repository, in the same job and before the',
    'build (`docker login` with the registry host of the tag, or `docker/login-action` in a workflow), and check that the',
    'repository name is under that account\'s namespace. Then run the build again.',
  ].join('\n'),
  variants: [
    {
      when: 'ghcr',
      message:
        'The image was built, but GitHub Container Registry refused the push of {ref|the image} ' +
        '(`{reason}`): the token used to log in may not write this package.',
      fix: GHCR_FIX,
    },
    {
      when: 'scope',
      message:
        'The image was built, but the registry refused the push of {ref|the image} ' +
        '(`insufficient_scope: authorization failed`): the credentials used have no push right on that repository.',
      fix: [
        'Check the three usual causes:',
        '',
        '- the build job never logged in to that registry (the login must run in the same job, before the build);',
        '- the repository is not under the logged-in account\'s namespace: on Docker Hub the tag must start with your user or',
        '  organisation name; a tag with no namespace is pushed to `docker.io/library/name`, which nobody may write;',
        '- the access token has read-only scope: create one with write (push) permission.',
      ].join('\n'),
    },
  ],
  docs: 'https://docs.github.com/en/packages/managing-github-packages-using-github-actions-workflows/publishing-and-installing-a-package-with-github-actions',
};
