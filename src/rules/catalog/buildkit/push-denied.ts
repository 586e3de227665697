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
// - The token request of the push refused (keikoproj/upgrade-manager#354, build-push-action with no login step and a bare
//   tag; the fix was a docker/login-action step): `failed to push master: failed to authorize: failed to fetch oauth token:
//   unexpected status from GET request to https://auth.docker.io/token?scope=repository%3Alibrary%2Fmaster%3Apull%2Cpush&service=registry.docker.io:
//   401 Unauthorized` (the paste wrapped it over four lines). The scope of the token request names the repository and
//   `push`, so it is a push whatever line the `failed to push` is on. BuildKit's auth provider
//   (session/auth/authprovider/authprovider.go, FetchToken) says `failed to fetch oauth token` only on the path taken
//   when it holds a secret for that registry (POST to the token endpoint, then GET on 401/404), and `failed to fetch
//   anonymous token` when it holds none: so the registry refused credentials the builder had. Docker Hub names a
//   repository without a namespace `library/<name>`, the official images, which no user account can push to.
// - podman / buildah / skopeo (containers/image before v5.24.0, 2023-01: docker/docker_image_dest.go `failed to read from
//   destination repository %s: %d (%s)` when the check for a blob already in the destination answers other than 200/401/404,
//   wrapped by copy as `trying to reuse blob … at destination`; v5.24.0, commit 5b6c858c, says `checking whether a blob %s
//   exists in %s: …` instead, which this pattern does not read): `Error: trying to reuse blob sha256:… at destination: failed to read from destination repository
//   my_org/my_image: 403 (Forbidden)` (redhat-actions/push-to-registry#52: a ghcr.io package that existed without Actions access
//   for the pushing repository). Only 401 / 403 are refusals; a 500 on the same line is the registry's own failure.
// A retry does not help: the credentials or the name must change.
import { ATTESTATION_REFUSAL } from './attestation-push-rejected.js';
import type { RuleInput } from '../../schema.js';

// Docker Hub personal access tokens: "Repo Read & Write: … plus push images to any repository your account manages"
// (docs.docker.com/security/access-tokens/reference/). GitHub passes no secrets but GITHUB_TOKEN to a workflow run for a
// pull request from a fork (docs.github.com, "Using secrets in GitHub Actions"). docker/login-action v4.0.0: March 2026.
/** How to log in, in a workflow and in a shell. */
const LOGIN_STEP = [
  '```yaml',
  '- uses: docker/login-action@v4',
  '  with:',
  // `{{` / `}}` are literal braces in a template: this renders `${{ secrets.DOCKERHUB_TOKEN }}`.
  '    username: ${{{{ vars.DOCKERHUB_USERNAME }}}}',
  '    password: ${{{{ secrets.DOCKERHUB_TOKEN }}}}',
  '```',
].join('\n');

const GHCR_PERMISSIONS = [
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

// A pull request from a fork: GITHUB_TOKEN's "Maximum access for pull requests from public forked repositories" is `read` for
// `packages` (docs.github.com/en/actions/reference/github_token-reference), "regardless of these settings" (github.blog changelog
// 2021-04-20, "GitHub Actions now lets you control the permissions granted to the GITHUB_TOKEN"); runs Dependabot starts (pull_request
// and push among them) get a read-only GITHUB_TOKEN by default and no Actions secrets (docs.github.com/en/code-security/dependabot/
// troubleshooting-dependabot/troubleshooting-dependabot-on-github-actions, which gives `if: github.actor != 'dependabot[bot]'` to keep
// a step from Dependabot's runs). llvm/llvm-project#116366 (`installation not allowed to Create organization package` with
// `packages: write` granted, a pull_request run; fixed by pushing only on a push to main) and eth-act/ere#128 (`… to Write
// organization package` from an outside contributor's PR: "it should not be writing to the organization packages in PRs").
/** The run of a pull request from a fork, or one Dependabot started: no `permissions:` gives its token package writes. */
const FORK_PR_PUSH = [
  'build without pushing there, and push only from runs on this repository\'s own branches (a push to the default branch, a tag,',
  'a manual run). With docker/build-push-action:',
  '',
  '```yaml',
  'push: ${{{{ github.event_name != \'pull_request\' }}}}',
  '```',
  '',
  '(and keep the login step and the push out of Dependabot\'s runs with `if: github.actor != \'dependabot[bot]\'`).',
].join('\n');

const FORK_PR_NOTE = [
  'If this run was for a pull request from a fork, `packages: write` cannot help: GitHub gives it a read-only GITHUB_TOKEN',
  'whatever `permissions:` says (a run Dependabot started gets one too by default, and none of the repository\'s Actions',
  'secrets). In a fork\'s pull request run `github.event_name` is `pull_request` and',
  '`github.event.pull_request.head.repo.full_name` names the fork. For such runs,',
  FORK_PR_PUSH,
].join('\n');

const GHCR_FIX = [GHCR_PERMISSIONS, '', FORK_PR_NOTE].join('\n');

/** The log shows a pull request's run (the tag docker/metadata-action gives it, or its merge ref): the fork case leads. */
const GHCR_PR_FIX = [
  'This push came from a pull request\'s run (`{context.prRun.pr}`), and which fix applies depends on where the pull request\'s',
  'branch lives (its page names the head branch as `owner:branch`; another owner than this repository\'s means a fork).',
  '',
  'From a fork, or opened by Dependabot: GitHub gives the run a read-only GITHUB_TOKEN for packages (for a fork whatever',
  '`permissions:` says; for Dependabot by default), so `packages: write` does not let it push. For pull requests,',
  FORK_PR_PUSH,
  '',
  'From a branch of this repository: the run\'s token can write the package once the job may.',
  GHCR_PERMISSIONS,
].join('\n');

/** What the builder's token request says of its credentials: `oauth` (it sent some), `anonymous` (none), or unknown. */
const CREDENTIALS: Record<'oauth' | 'anonymous' | 'unknown', { when: string; why: string }> = {
  oauth: {
    when: '&oauthToken',
    why:
      'the registry refused the credentials the builder had for it (BuildKit asks for a token this way, `failed to fetch oauth token`, ' +
      'only when it holds credentials for that registry): wrong, expired, or of an account that may not push there.',
  },
  anonymous: {
    when: '&anonymousToken',
    why: 'the builder had no credentials for that registry (`failed to fetch anonymous token`): the job never logged in to it.',
  },
  unknown: { when: '', why: 'the credentials sent, if any, give no push right there.' },
};

/** The advice to log in, fit to where the build ran (a GitHub Actions job, else a shell). */
function loginAdvice(dockerHub: boolean): string {
  return [
    `Log in to ${dockerHub ? 'Docker Hub' : 'the registry of the tag'} in the same job, before the build, with an account (or access token) that may push to`,
    `this repository${dockerHub ? ' (a personal access token with the "Repo Read & Write" permission or more)' : ''}. In GitHub Actions, docker/login-action${dockerHub ? '' : ' with the registry host as `registry:`'}:`,
    '',
    LOGIN_STEP,
    '',
    `In a shell: \`docker login\`${dockerHub ? '' : ' with the registry\'s host name'} (it asks for the user name and the password or token). A login step that ran still sends what its`,
    "secrets hold: check that they are set for this repository (a workflow run for a fork's pull request gets none).",
  ].join('\n');
}

/**
 * The push's token request refused (the scope asks for `push`): on Docker Hub with a tag that has no namespace
 * (`library/…` in the scope), or elsewhere; with what BuildKit's wording says of the credentials.
 */
function pushTokenVariants(): NonNullable<RuleInput['variants']> {
  const out: NonNullable<RuleInput['variants']> = [];
  for (const [kind, creds] of Object.entries(CREDENTIALS)) {
    out.push({
      when: `pushToken&libraryScope${creds.when}`,
      title: 'Docker Hub refused the push: the tag has no namespace',
      message:
        'The image was built, but the push of {context.pushRef.ref|the image} failed at Docker Hub\'s token service ({authHost}): the tag has no ' +
        'user or organisation in it, so Docker Hub takes it for `library/…` (the scope of the token request), the namespace of Docker\'s ' +
        `official images, which no account may push to${kind === 'unknown' ? '.' : `; and ${creds.why}`}`,
      fix: [
        'Name the image in your namespace: each tag must be your Docker Hub user or organisation name, a slash, the repository',
        'and the tag. In a workflow the `tags:` of docker/build-push-action must start with that namespace (with',
        'docker/metadata-action, its `images:` input is the full image name, namespace included).',
        '',
        loginAdvice(true),
      ].join('\n'),
    });
  }
  for (const creds of Object.values(CREDENTIALS)) {
    out.push({
      when: `pushToken${creds.when}`,
      title: 'Registry refused the credentials for the push',
      message:
        'The image was built, but the push of {context.pushRef.ref|the image} failed before any upload: the registry\'s token service ' +
        `({authHost}) refused to grant push rights on the repository, and ${creds.why}`,
      fix: loginAdvice(false) + '\nCheck too that the tag starts with the namespace of that account.',
    });
  }
  return out;
}

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
    // containerd's pusher with no request in the wording (older releases: `unexpected status: %s`), bare on BuildKit's
    // exporter line: `#12 pushing layers 0.8s done` then `#12 ERROR: unexpected status: 403 Forbidden` (BtbN/FFmpeg-Builds#159,
    // build-push-action to ghcr.io with GITHUB_TOKEN). The same wording comes from other requests to a registry, so it counts only
    // in a step that shows the push (the `push` context the rule requires).
    { literals: ['unexpected status: 403 Forbidden', 'unexpected status: 401 Unauthorized'], pattern: '(?<reason>unexpected status: (?:403 Forbidden|401 Unauthorized))' },
    // podman / buildah / skopeo: `Error: trying to reuse blob sha256:… at destination: failed to read from destination repository my_org/my_image: 403 (Forbidden)`
    {
      literals: ['failed to read from destination repository '],
      pattern: 'failed to read from destination repository (?<ref>\\S{1,300}): (?<reason>40[13] \\((?:Forbidden|Unauthorized)\\))',
    },
    // The push's token request refused (see above): the request's scope asks for `push`; the status on the same line
    // (roboreg/roboreg#117: `…%3Apull%2Cpush&service=registry.docker.io: 401 Unauthorized: access token has insufficient
    // scopes`), or nothing after the URL when a paste wrapped the status onto the next line. Another status (a 5xx of the
    // token service) is no refusal.
    {
      literals: ['%2Cpush', ',push', '%3Apush', ':push'],
      pattern:
        'unexpected status from (?:GET|POST) request to https?://(?<authHost>[^/\\s?]{1,253})/[^\\s?]{0,200}\\?[^\\s]{0,200}scope=repository(?:%3A|:)[^\\s&]{1,300}(?:%3A|:)(?:pull(?:%2C|,))?push(?:&[^\\s]{0,300})?:\\s{0,4}(?:(?<status>401 Unauthorized|403 Forbidden)[^\\n]{0,200})?$',
    },
  ],
  context: [
    // A push in the scope: BuildKit's exporter (`pushing layers`), or a line that is a push refusal by itself (each matcher
    // above but the bare status has one of these in its line).
    {
      name: 'push',
      required: true,
      literals: [
        'pushing layers', 'failed to push ', 'denied: ', 'insufficient_scope', 'failed to read from destination repository ',
        '%2Cpush', ',push', '%3Apush', ':push',
      ],
    },
    // the push's token request (the rule's matcher above): credentials refused, and the tag without a namespace on Docker Hub
    { name: 'pushToken', literals: ['%2Cpush', ',push', '%3Apush', ':push'], pattern: 'scope=repository(?:%3A|:)[^\\s&]{1,300}(?:%3A|:)(?:pull(?:%2C|,))?push\\b' },
    { name: 'oauthToken', literals: ['failed to fetch oauth token'] },
    { name: 'anonymousToken', literals: ['failed to fetch anonymous token'] },
    { name: 'libraryScope', literals: ['scope=repository%3Alibrary%2F', 'scope=repository:library/'] },
    { name: 'pushRef', literals: ['failed to push '], pattern: 'failed to push (?<ref>[^\\s:]{1,300}(?::[\\w][\\w.-]{0,127})?):' },
    { name: 'ghcr', literals: ['ghcr.io', 'write_package', 'organization package'] },
    { name: 'scope', literals: ['insufficient_scope'] },
    { name: 'containersImage', literals: ['failed to read from destination repository '] },
    // the bare status (see the matcher): the line names neither the image nor the registry
    { name: 'bareStatus', literals: ['unexpected status: 403 Forbidden', 'unexpected status: 401 Unauthorized'], pattern: '(?:^|ERROR: |failed to solve: )unexpected status: 40[13] ' },
    // A pull request's run: docker/metadata-action's `type=ref,event=pr` tag `pr-N` (planktoscope/project-docs:pr-328), or the
    // merge ref actions/checkout fetches for it.
    { name: 'prRun', literals: [':pr-', 'refs/pull/'], pattern: '(?<pr>(?<=:)pr-\\d{1,9}\\b|refs/pull/\\d{1,9}/merge\\b)' },
  ],
  // A base image the builder may not pull says `pull access denied, … insufficient_scope` (buildkit/base-image-not-found);
  // a refusal of the attestation manifest pushed with the image is buildkit/attestation-push-rejected's.
  unless: [{ literals: ['pull access denied'] }, ATTESTATION_REFUSAL],
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
    ...pushTokenVariants(),
    {
      when: 'containersImage&!ghcr',
      message:
        'The image was built, but the registry refused its push to `{ref}` with {reason} (podman / buildah / skopeo checking for a layer ' +
        'already in the destination): the login used may not read or write that repository. The log does not name the registry.',
      fix: [
        'Log in to the registry of the destination with an account or token that may push to `{ref}`, in the same job and before the push',
        '(`podman login REGISTRY`, or redhat-actions/podman-login in a workflow), and check that `{ref}` is under that account\'s namespace.',
        '',
        'On ghcr.io from GitHub Actions, a 403 with `packages: write` granted means the package already exists and this repository has no',
        'write access to it: in the package\'s settings, "Manage Actions access", add this repository with the Write role.',
      ].join('\n'),
    },
    {
      when: 'ghcr&prRun',
      message:
        'The image was built, but GitHub Container Registry refused the push of {ref|the image} ' +
        '(`{reason}`) from a pull request\'s run: the token used to log in may not write this package.',
      fix: GHCR_PR_FIX,
    },
    {
      when: 'ghcr',
      message:
        'The image was built, but GitHub Container Registry refused the push of {ref|the image} ' +
        '(`{reason}`): the token used to log in may not write this package.',
      fix: GHCR_FIX,
    },
    {
      when: 'bareStatus&fact.runner',
      message:
        'The image was built, but the registry refused its push with `{reason}` while BuildKit pushed the layers, from a GitHub Actions ' +
        'job: the token the job logged in with may not write that repository. The error line names neither the image nor the registry; ' +
        'BuildKit\'s `[auth]` line above it (the repository with `:pull,push`, then `token for` and the host), or the `tags:` of the build step, name both.',
      fix: [
        'If the host is ghcr.io: ' + GHCR_PERMISSIONS,
        '',
        'Another registry: log in to it in the same job, before the build (docker/login-action with the host as `registry:`), with an',
        'account or token that may push to that repository, and check that the tag starts with that account\'s namespace.',
      ].join('\n'),
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
