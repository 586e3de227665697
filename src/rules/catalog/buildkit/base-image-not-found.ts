// The `FROM` image could not be resolved: wrong tag, private image, missing platform, or no registry.
// Retryable only when the registry never answered (DNS, connection, TLS, i/o timeout), answered with
// a server error, or rate-limited the pull (Docker Hub: `toomanyrequests: You have reached your pull
// rate limit`); a tag that does not exist stays missing on every retry. Deleted nvidia/cuda tags:
// knowledge/nvidia-images.ts CUDA_TAG_POLICY; the tag listing command: knowledge/cuda-tag-enricher.ts. A reference
// without a tag asks for `latest`, which many repositories (nvidia/cuda since 2021) do not publish:
// knowledge/latest-tag-enricher.ts. `docker pull` prints `Using default tag: latest` before it asks.
import { PULLED_AS_FIX } from './registry-rate-limit.js';
import type { RuleInput } from '../../schema.js';

// A superseded `.0` nvidia/cuda tag (the variants below): what happened, and the listing of the same minor's tags.
const SUPERSEDED_MESSAGE =
  '`nvidia/cuda:{enrich.cudaTag}` does not exist on Docker Hub. NVIDIA deletes the tags of releases its container support policy ' +
  'no longer covers, and a `.0` release whose CUDA minor has a later patch goes first (its 2023 deletion notice named 11.3.0 and 11.4.0 ' +
  'but kept 11.3.1 and 11.4.3).';
const SUPERSEDED_LIST = [
  '```sh',
  '{enrich.listCudaPatchTags}',
  '```',
  'An empty list means CUDA {enrich.cudaTagMinor} has no tag of this form left: list the other CUDA {enrich.cudaTagMajor} releases with',
  '`{enrich.listCudaTags}` (a new minor may need wheels built for it). NVIDIA\'s policy and tag tables:',
  'https://gitlab.com/nvidia/container-images/cuda/-/blob/master/doc/support-policy.md',
];

// Every CUDA 10 (and older) tag is gone (cuda-image-tags.ts: in neither of NVIDIA's tag tables), so a listing of the
// same major is empty: the fix names a published tag of the same flavour and cuDNN on a current Ubuntu release
// (cuda-tag-enricher.ts). A Dockerfile written for those images usually carries NVIDIA's 2022 apt key rotation lines
// (`apt-key del 7fa2af80`, a key or cuda-keyring fetched from repos/ubuntu1804/…): NVIDIA's ubuntu2204 image
// Dockerfiles enrol the 3bf863cc key themselves with cuda-keyring (dist/12.6.3/ubuntu2204/base), and the repository
// path names the Ubuntu release (nvidia-repos.ts).
function deletedMajorFix(aptKey: boolean, osMoved: boolean): string {
  const lines = [
    'Move the `FROM` line to a CUDA release NVIDIA still publishes, in the same flavour (with cuDNN where the old tag had it), e.g.',
    '',
    '```dockerfile',
    'FROM nvidia/cuda:{enrich.cudaCurrentTag}',
    '```',
    '',
    'It is in NVIDIA\'s supported tag table; the tags of that form that exist today:',
    '',
    '```sh',
    '{enrich.listCurrentTags}',
    '```',
    'Pick a CUDA the machines\' driver supports (`nvidia-smi` prints it). A new CUDA major brings a new cuDNN and',
    'compiler: code, extensions and wheels built for CUDA {enrich.cudaTagMinor} may need changes too' +
      (osMoved ? ',' : '.'),
  ];
  if (osMoved) lines.push('and the move from {enrich.cudaOsMoved} to Ubuntu {enrich.cudaCurrentUbuntu} changes the versions (and some names) of the apt packages.');
  if (aptKey) {
    lines.push(
      '',
      'Change NVIDIA\'s apt key lines with the base: `{context.aptKey.line}` handles the key NVIDIA retired in 2022',
      '({enrich.oldKey}). The new image enrols the current key ({enrich.newKey}) itself through cuda-keyring, so drop those',
      'lines; where the Dockerfile adds NVIDIA\'s repository itself, install the keyring of the new release\'s directory',
      '({enrich.currentKeyring|the `repos/ubuntu<release>/<arch>/` directory of the new Ubuntu release}; `sbsa` instead of `x86_64` on ARM64).',
    );
  }
  lines.push('NVIDIA\'s policy and tag tables: https://gitlab.com/nvidia/container-images/cuda/-/blob/master/doc/support-policy.md');
  return lines.join('\n');
}

function deletedMajorVariants(): NonNullable<RuleInput['variants']> {
  const out: NonNullable<RuleInput['variants']> = [];
  for (const aptKey of [true, false]) {
    for (const osMoved of [true, false]) {
      out.push({
        when: `nvidiaCuda&enrich.cudaMajorGone${osMoved ? '&enrich.cudaOsMoved' : ''}${aptKey ? '&aptKey' : ''}`,
        title: 'nvidia/cuda tag not found (no tag of this CUDA major is left)',
        message:
          '`nvidia/cuda:{enrich.cudaTag}` does not exist on Docker Hub: NVIDIA deletes the tags of end-of-life CUDA releases, ' +
          'and no CUDA {enrich.cudaMajorGone} tag of any form is left, so listing other CUDA {enrich.cudaMajorGone} tags finds nothing.',
        fix: deletedMajorFix(aptKey, osMoved),
      });
    }
  }
  return out;
}

/** NGC's login with an API key, for an nvcr.io image refused without credentials (sources at the variant). */
const NGC_LOGIN_FIX = [
  'Check the path on NGC\'s catalog (https://catalog.ngc.nvidia.com/containers), then log in with an NGC API key ' +
    '(https://ngc.nvidia.com/setup/api-key); the user name is the literal `$oauthtoken`:',
  '',
  '```sh',
  'echo "$NGC_API_KEY" | docker login nvcr.io --username \'$oauthtoken\' --password-stdin',
  '```',
  '',
  'A refusal after that login means the account has no access to that organisation.',
].join('\n');

/** What to do about a manifest the registry no longer serves; `named`: the log names the `FROM` image, so the pull is a command. */
function digestGoneFix(named: boolean): string {
  const lead = 'Retry once. If it fails again, pull the image on another machine: the same `not found` there means the image itself is';
  const pull = named
    ? [lead, 'broken on the registry, not this builder:', '', '```sh', 'docker pull {image}', '```']
    : [lead, 'broken on the registry, not this builder (`docker pull` with the image of the failing `FROM` line).', ''];
  return [
        ...pull,
        'A pull that works elsewhere points at this builder\'s own way to the registry: a mirror or proxy in its BuildKit configuration',
        '(`docker buildx inspect` names the builder; buildkitd.toml `[registry."…"]`, setup-buildx-action\'s `buildkitd-config` or',
        '`buildkitd-config-inline`): build once without it.',
        '',
        'A pull that fails the same way: only the image\'s owner can repair it, by pushing the tag again (rebuild and push). Until then, pin the `FROM` line to another tag',
        'or a digest that pulls. If the image is yours and a cleanup job runs on its package, make it keep the manifests a tagged image',
        'lists (for ghcr.io: snok/container-retention-policy\'s multi-platform handling, or `except_untagged_multiplatform: true` in',
        'chizkiyahu/delete-untagged-ghcr-action), or stop deleting untagged versions.',
  ].join('\n');
}

export const baseImageNotFound: RuleInput = {
  id: 'buildkit/base-image-not-found',
  title: 'Base image not found',
  severity: 'error',
  match: [
    {
      // `failed to solve: nvidia/cuda:12.99-devel: failed to resolve source metadata for docker.io/nvidia/cuda:12.99-devel: … not found`
      literals: ['failed to resolve source metadata for'],
      pattern: 'failed to resolve source metadata for (?<image>[^\\s:@]{1,300}(?::[\\w][\\w.-]{0,127})?)',
    },
    {
      // classic builder / docker pull: `pull access denied for myorg/cuda-base, repository does not exist …`
      literals: ['pull access denied'],
      pattern: 'pull access denied(?: for (?<image>[^\\s,]{1,300}))?',
    },
    // `manifest for nvidia/cuda:11.0-devel not found: manifest unknown: manifest unknown`
    { literals: ['manifest unknown'] },
    { literals: ['manifest unknown'], pattern: 'manifest for (?<image>\\S{1,300}) not found' },
    { literals: ['no match for platform in manifest'] },
    {
      // BuildKit since 2023 (docker 24+): the short form, the image then its fully qualified name:
      // `ERROR: failed to solve: nvidia/cuda:9.2-devel-ubuntu18.04: docker.io/nvidia/cuda:9.2-devel-ubuntu18.04: not found`
      // (real-stanford/cloth-funnels#5, open-mmlab/OpenPCDet#1410, llvm/llvm-project#86123). The second name
      // starts with a registry host (a dot in it), which a COPY's `"/src": not found` never does.
      literals: [': not found'],
      pattern:
        '(?:^|failed to solve: )(?<image>[\\w][\\w./-]{0,250}(?::[\\w][\\w.-]{0,127})?(?:@sha256:[0-9a-f]{64})?): (?=[a-z0-9-]{1,63}\\.)[a-z0-9][a-z0-9.-]{0,252}(?::\\d{1,5})?/[^\\s:@]{1,300}(?::[\\w][\\w.-]{0,127})?(?:@sha256:[0-9a-f]{64})?: not found$',
    },
    {
      // BuildKit 0.9-0.10 (docker 20.10, buildx before 0.10) resolves the FROM image while the frontend creates the LLB
      // definition and names it fully qualified (TRI-ML/dgp#106, a build-push-action job):
      // `failed to solve with frontend dockerfile.v0: failed to create LLB definition: docker.io/nvidia/cuda:11.1-devel-ubuntu18.04: not found`.
      // The name starts with a registry host (a dot in it), as in the short form above.
      literals: ['failed to create LLB definition: '],
      pattern:
        'failed to create LLB definition: (?<image>(?=[a-z0-9-]{1,63}\\.)[a-z0-9][a-z0-9.-]{0,252}(?::\\d{1,5})?/[^\\s:@]{1,300}(?::[\\w][\\w.-]{0,127})?(?:@sha256:[0-9a-f]{64})?): not found$',
    },
    {
      // The registry answered the manifest request with an error status (openshift/instaslice-operator#102):
      // `failed to solve: nvcr.io/nvidia/cuda:12.4.1-base-ubi8: unexpected status from HEAD request to
      // https://nvcr.io/v2/nvidia/cuda/manifests/12.4.1-base-ubi8: 500 Internal Server Error`. The status decides the
      // variant (serverError, rateLimit, auth below); only a manifest request is the base image (a push asks for blobs),
      // and not one made for a push or a registry cache (`failed to push IMAGE: unexpected status …`, `failed to configure registry cache importer: unexpected status …`).
      literals: ['unexpected status from '],
      pattern:
        '(?:(?:^|failed to solve: )(?<image>[\\w][\\w./:@-]{0,400}): )?(?<!failed to push \\S{1,400}: )(?<!cache importer: )unexpected status from (?:HEAD|GET) request to https?://(?<registry>[^/\\s]{1,253})/v2/(?<repository>\\S{1,300}?)/manifests/(?<reference>[^\\s?]{1,200}?)(?:\\?\\S{0,200})?: (?<status>\\d{3})',
    },
    {
      // The registry refused the request for credentials: `docker pull` (`Error response from daemon: unauthorized: authentication
      // required`, dusty-nv/jetson-containers#186 and NVlabs/BundleSDF#1 on nvcr.io), `docker run` (`docker: unauthorized: …`,
      // NVIDIA-developer-blog/kubernetes-hyperparam-exp#3) and the classic builder's FROM (`Step 1/22 : FROM
      // nvcr.io/nvidian/pytorch:20.07-py3` then a bare `unauthorized: authentication required`, NVlabs/imaginaire#3).
      literals: ['unauthorized: authentication required'],
      pattern: '^(?:Error response from daemon: |docker: )?unauthorized: authentication required',
    },
    {
      // BuildKit asking the registry for a token (XingangPan/DragGAN#149 on nvcr.io): `ERROR: failed to solve: failed to fetch
      // anonymous token: unexpected status: 401 Unauthorized`; NVlabs/stylegan3#167: `failed to authorize: rpc error: code =
      // Unknown desc = failed to fetch anonymous token: unexpected status: 401 Unauthorized`.
      // Older BuildKit prints the status code alone (NVlabs/nvdiffrast#135: `failed to fetch anonymous token: unexpected status: 401 `).
      literals: ['failed to fetch anonymous token', 'failed to fetch oauth token'],
      pattern: 'failed to fetch (?:anonymous|oauth) token: unexpected status: (?<status>40[13])\\b',
    },
    {
      // The token request itself got no answer (RaduAlexandru/permuto_sdf#25, nvcr.io, while pulling the FROM image's layers):
      // `failed to authorize: DeadlineExceeded: failed to fetch anonymous token: Get "https://nvcr.io/proxy_auth?scope=repository%3Anvidia%2Fpytorch%3Apull%2Cpush":
      // dial tcp 35.75.114.65:443: i/o timeout`. A registry that answers with a bearer challenge sends the client to its token
      // service first (containerd remotes/docker/authorizer.go doBearerAuth: a GET, `failed to fetch anonymous token` without
      // credentials, a POST, `failed to fetch oauth token`, with them): nvcr.io's is nvcr.io/proxy_auth, Docker Hub's
      // auth.docker.io. A push's token request (`failed to push …: failed to authorize: …`) is buildkit/push-denied's.
      literals: ['failed to fetch anonymous token: ', 'failed to fetch oauth token: '],
      pattern:
        '(?<!failed to push [^\\n]{1,400})failed to fetch (?:anonymous|oauth) token: (?:Get|Post) "https?://(?<registry>[^/"\\s?]{1,253})[^"\\s]{0,300}?": (?<reason>[^\\n]{1,300})$',
    },
    {
      // The classic builder on a host whose platform the tag lacks (NVIDIA/TensorRT#1479, a Jetson):
      // `no matching manifest for linux/arm64/v8 in the manifest list entries`
      literals: ['no matching manifest for '],
      pattern: 'no matching manifest for (?<wanted>[a-z0-9]{1,20}/[\\w/.-]{1,40}) in the manifest list entries',
    },
    {
      // BuildKit 0.8 (docker 20.10) resolves the FROM images while the Dockerfile frontend creates
      // the LLB definition, and names the manifest request that failed, not the image:
      // `failed to solve with frontend dockerfile.v0: failed to create LLB definition: failed to do request:
      // Head "https://registry-1.docker.io/v2/nvidia/cuda/manifests/12.4.1-cudnn-devel-ubuntu22.04": dial tcp:
      // lookup registry-1.docker.io on 10.255.255.53:53: no such host`. Only the frontend says
      // `failed to create LLB definition`: a RUN step's own network errors never carry it.
      literals: ['failed to create LLB definition: failed to do request: '],
      pattern:
        'failed to create LLB definition: failed to do request: [A-Za-z]{1,10} "https?://(?<registry>[^/"\\s]{1,253})/v2/(?<repository>[^"\\s]{1,300})/manifests/(?<reference>[^"/\\s]{1,200})"',
    },
  ],
  context: [
    // The request for the manifest never got an answer (DNS, connection, proxy, TLS): BuildKit 0.8's form above.
    { name: 'requestFailed', literals: ['failed to create LLB definition: failed to do request: '] },
    {
      name: 'network',
      literals: ['no such host', 'i/o timeout', 'connection refused', 'TLS handshake timeout', 'Temporary failure in name resolution', 'server misbehaving'],
    },
    // a line of the error block's Dockerfile excerpt that handles NVIDIA's apt key: `3 | RUN apt-key del 7fa2af80`
    {
      name: 'aptKey',
      literals: ['apt-key', '7fa2af80', '3bf863cc', 'cuda-keyring'],
      pattern: '^\\s{0,8}\\d{1,5}\\s{1,3}\\|\\s{1,8}(?<line>RUN\\b[^\\n]{0,300}?(?:apt-key|7fa2af80|3bf863cc|cuda-keyring)[^\\n]{0,200}?)\\s*$',
    },
    { name: 'rateLimit', literals: ['toomanyrequests', '429 Too Many Requests'] },
    // Docker Hub names the account a throttled pull was made as: `toomanyrequests: You have reached your pull rate limit as '***': …`
    { name: 'pulledAs', literals: ["pull rate limit as '"] },
    // The tag resolved, and the registry then had no manifest at the digest it resolved to (or one its index lists):
    // `failed to resolve source metadata for ghcr.io/…:latest: failed to copy: httpReadSeeker: failed open: content at
    // https://ghcr.io/v2/…/manifests/sha256:a526… not found: not found` (NVIDIA/cuda-quantum#3081).
    {
      name: 'digestGone',
      literals: ['/manifests/sha256:'],
      pattern: 'content at https?://[^/\\s]{1,253}/v2/\\S{1,300}?/manifests/(?<digest>sha256:[0-9a-f]{64}) not found',
    },
    { name: 'serverError', literals: ['500 Internal Server Error', '502 Bad Gateway', '503 Service Unavailable', '504 Gateway Timeout'] },
    // `401 Unauthorized` / `403 Forbidden`: the status of a registry's answer to a manifest request.
    // NGC (nvcr.io): the image path after the host, and NVIDIA's internal organisation `nvidian`.
    { name: 'nvidian', literals: ['nvcr.io/nvidian/'], pattern: 'nvcr\\.io/nvidian/(?<repo>[a-z0-9][\\w./-]{0,200}(?::[\\w][\\w.-]{0,127})?)' },
    { name: 'nvcr', literals: ['nvcr.io/'], pattern: 'nvcr\\.io/(?<path>[a-z0-9][\\w./-]{0,200}(?::[\\w][\\w.-]{0,127})?)' },
    {
      name: 'auth',
      literals: ['pull access denied', 'unauthorized', 'authorization failed', 'denied: ', '401 Unauthorized', '403 Forbidden', 'token: unexpected status: 401', 'token: unexpected status: 403'],
    },
    // BuildKit asked for a token without credentials and was refused (containerd remotes/docker/authorizer.go).
    { name: 'anonymousToken', literals: ['failed to fetch anonymous token: unexpected status: 40'] },
    // The token service of the registry did not answer (the token matcher above with a network error after it).
    { name: 'tokenRequest', literals: ['failed to fetch anonymous token: ', 'failed to fetch oauth token: '], pattern: 'failed to fetch (?:anonymous|oauth) token: (?:Get|Post) "' },
    {
      // An nvidia/cuda reference of the shape parseImageRef reads (knowledge/nvidia-images.ts).
      name: 'nvidiaCuda',
      literals: ['nvidia/cuda:'],
      pattern: '(?<ref>nvidia/cuda:\\d{1,2}\\.\\d{1,2}(?:\\.\\d{1,3})?-(?:cudnn\\d{0,2}-)?(?:base|runtime|devel)-[a-z]{1,20}\\d{1,2}(?:\\.\\d{1,2})?)(?![\\w.])',
    },
    // `nvidia/cuda:12.4-devel-ubuntu22.04`: no patch release in the version. Only from CUDA 11 on: CUDA 10.2 and
    // older were published as major.minor tags (`10.2-cudnn7-devel-ubuntu18.04`, Kaggle/docker-python#883) and have
    // no patch tags to move to; CUDA 11's short tags were replaced by patch tags (`11.0-devel` → `11.0.3-devel-ubuntu18.04`,
    // kokkos/kokkos#5509).
    { name: 'cudaShortVersion', literals: ['nvidia/cuda:'], pattern: 'nvidia/cuda:(?:1[1-9]|[2-9]\\d)\\.\\d{1,2}-' },
    { name: 'wantedPlatform', literals: ['no matching manifest for '] },
    { name: 'platform', literals: ['no match for platform in manifest', 'no matching manifest for '] },
    // The failing FROM line of BuildKit's error box builds its platform from a variable (apache/arrow#50171:
    // `20 | >>> FROM --platform=linux/${arch} ${base}`): the value passed, not the image, is then the usual suspect.
    {
      name: 'platformVar',
      literals: ['--platform='],
      pattern: '>>>\\s{0,8}FROM\\s{1,8}--platform=\\S{0,40}\\$\\{?(?<variable>[A-Za-z_][A-Za-z0-9_]{0,60})',
    },
    // The classic builder names the image it pulls: `10.2-cudnn8-devel-ubuntu18.04: Pulling from nvidia/cuda`.
    { name: 'pulling', literals: [': Pulling from '], pattern: '^(?<tag>[\\w][\\w.-]{0,127}): Pulling from (?<repository>[\\w][\\w./-]{0,250})$' },
    {
      // A docker.io image asked of another host (`Head "https://registry.docker-cn.com/v2/nvidia/cuda/manifests/…?ns=docker.io"`,
      // QwenAudio/CosyVoice#1344): the request went to a registry mirror configured for the builder, not to Docker Hub.
      name: 'mirror',
      literals: ['ns=docker.io'],
      pattern: 'failed to do request: [A-Za-z]{1,10} "https?://(?<host>(?!registry-1\\.docker\\.io[/:])[^/"\\s?]{1,253})/v2/[^"\\s?]{1,300}\\?(?:[^"\\s]{0,200}&)?ns=docker\\.io',
    },
    // The missing reference is a `latest` tag (`manifest for nvidia/cuda:latest not found`, `… docker.io/x/y:latest: not found`).
    { name: 'latestTag', literals: [':latest'], pattern: '(?:manifest for |source metadata for |^|failed to solve: )[\\w][\\w./-]{0,250}:latest(?: not found|: )' },
    // docker pull / docker run without a tag, typed in a shell: the fix is that command with a tag, besides any FROM line.
    { name: 'defaultTag', literals: ['Using default tag: latest'] },
    // The log names the image (the lines the `image` capture comes from).
    {
      name: 'imageNamed',
      literals: ['failed to resolve source metadata for', 'pull access denied for', 'manifest for ', ': not found', 'failed to create LLB definition: ', 'unexpected status from '],
      pattern: '(?:failed to resolve source metadata for|pull access denied for|manifest for) \\S|failed to create LLB definition: (?=[a-z0-9-]{1,63}\\.)[a-z0-9.-]{1,253}/\\S{1,400}: not found$|unexpected status from (?:HEAD|GET) request to \\S{1,600}/manifests/|(?:^|failed to solve: )[\\w][\\w./-]{0,250}(?::[\\w][\\w.-]{0,127})?(?:@sha256:[0-9a-f]{64})?: (?=[a-z0-9-]{1,63}\\.)[a-z0-9][a-z0-9.-]{0,252}(?::\\d{1,5})?/[^\\s:@]{1,300}(?::[\\w][\\w.-]{0,127})?(?:@sha256:[0-9a-f]{64})?: not found$',
    },
  ],
  message:
    'The base image `{image}` does not exist on its registry: the tag is misspelled, was never published, or was removed.',
  variants: [
    {
      when: 'rateLimit&pulledAs',
      title: 'Docker Hub pull limit of the logged-in account spent (base image)',
      retryable: true,
      message:
        'Docker Hub refused to serve `{image|the base image}` with 429 (`toomanyrequests`) and names the account the pull was made as: the ' +
        'pull was already authenticated, and that account has used up its pull rate limit. Logging in is done; the quota is what ran out.',
      fix: PULLED_AS_FIX,
    },
    {
      when: 'rateLimit',
      title: 'Registry rate limit while pulling the base image',
      retryable: true,
      message:
        'The registry refused to serve `{image|the base image}` because this builder reached its pull rate limit (HTTP 429, ' +
        '`toomanyrequests`): the image exists, the pull was throttled.',
      fix: [
        'Retry later, and log in before the build: authenticated Docker Hub pulls have a higher limit than anonymous ones',
        '(in GitHub Actions, `docker/login-action` with a Docker Hub token). For frequent builds, mirror the base image to',
        'a registry you control.',
      ].join('\n'),
    },
    {
      when: 'serverError',
      title: 'Registry error while resolving the base image',
      retryable: true,
      message: 'The registry answered with a server error while the builder resolved `{image|the base image}`: an outage on its side, not a missing image.',
      fix: 'Retry; if it persists, check the registry\'s status page, or mirror the base image to a registry you control.',
    },
    ...[true, false].map((named) => ({
      // A tag that resolves to an index whose manifests were deleted: on ghcr.io every manifest of a buildx multi-platform
      // image (and each attestation manifest of build-push-action's default provenance) is a package version of its own
      // without a tag, so a cleanup that deletes untagged versions breaks the tagged image: `manifest unknown` on every
      // pull (actions/delete-package-versions#162; snok/container-retention-policy#97, the maintainer: "Associated
      // manifests for multi-arch builds do not have tags associated with them"; chizkiyahu/delete-untagged-ghcr-action#45,
      // whose `except_untagged_multiplatform` option keeps them, #15). A tag moved between BuildKit's resolution and its
      // fetch leaves the old manifest in place on such registries, so a retry tells a passing race from a deletion.
      title: 'Base image tag points to a manifest the registry no longer has',
      message:
        'The tag of `{image|the base image}` exists: the registry resolved it to a digest. The manifest the builder then fetched, ' +
        '`{context.digestGone.digest}`, is not on the registry (`not found`). Manifests a tag still points to are gone when something deleted ' +
        'them (on ghcr.io, a cleanup of "untagged" package versions deletes the per-platform and attestation manifests of an image ' +
        'buildx pushed, which have no tag of their own); a tag pushed again mid-build is the passing case.',
      when: named ? 'digestGone&imageNamed' : 'digestGone',
      fix: digestGoneFix(named),
    })),
    {
      when: 'mirror&network',
      title: 'Registry mirror unreachable while resolving the base image',
      retryable: true,
      message:
        'The builder asked the registry mirror `{context.mirror.host}` for the Docker Hub image `{image|of the FROM line}`, and the ' +
        'mirror did not answer (DNS, connection or timeout): the image may well exist, the build never got an answer.',
      // registry-mirrors: https://docs.docker.com/docker-hub/image-library/mirror/ (daemon.json, dockerd restart);
      // a docker-container builder reads mirrors from buildkitd.toml `[registry."docker.io"] mirrors = [...]`
      // (https://docs.docker.com/build/buildkit/toml-configuration/).
      fix: [
        'Retry once; if the mirror stays silent, stop using it. It is set in `registry-mirrors` of `/etc/docker/daemon.json`',
        '(restart the Docker daemon after the change) or, for a `docker-container` builder, in the `mirrors` list of',
        '`[registry."docker.io"]` in its buildkitd.toml. Check which mirror the daemon uses and whether it answers:',
        '',
        '```sh',
        "docker info --format '{{{{.RegistryConfig.Mirrors}}}}'",
        'curl -sSI --max-time 10 https://{context.mirror.host}/v2/',
        '```',
        'Any HTTP answer (even `401 Unauthorized`) means the mirror is reachable; no answer means replace or remove it.',
      ].join('\n'),
    },
    {
      when: 'wantedPlatform&pulling',
      title: 'Base image has no variant for this platform',
      message:
        '`{context.pulling.repository}:{context.pulling.tag}` exists, but its manifest list has no image for `{wanted}`, the ' +
        'platform of this Docker host.',
      fix: [
        'List the platforms the tag provides, then pick a tag (or an image) built for `{wanted}`, or build on a host of a',
        'platform the tag has:',
        '',
        '```sh',
        'docker buildx imagetools inspect {context.pulling.repository}:{context.pulling.tag}',
        '```',
      ].join('\n'),
    },
    {
      when: 'wantedPlatform',
      title: 'Base image has no variant for this platform',
      message: 'The base image exists, but its manifest list has no image for `{wanted}`, the platform this build asked for.',
      fix: [
        'List the platforms the `FROM` image provides (`docker buildx imagetools inspect` with it prints them), then pick a tag',
        '(or an image) built for `{wanted}`, or build for a platform the tag has.',
      ].join('\n'),
    },
    {
      // The registry's token service is asked before any layer or manifest (containerd remotes/docker/auth): no answer from it
      // is a network failure of the builder, whatever the image. The host named is the token service's, for nvcr.io nvcr.io itself.
      when: 'tokenRequest&network',
      title: 'Registry unreachable while pulling the base image',
      retryable: true,
      message:
        'The builder could not reach `{registry}`, the token service of the registry it pulls the image from ' +
        '(`{reason}`): every pull asks it for a token first, so the pull stopped before the registry was asked for the image. ' +
        'The image may well exist; this is the network between the builder and the registry (DNS, firewall, proxy), or an outage.',
      fix: [
        'This is the network of the builder, not the Dockerfile: retry; on self-hosted runners and behind a corporate network check DNS,',
        'the proxy (`HTTPS_PROXY` for the Docker daemon or the buildx builder) and firewall rules for `{registry}`. From the machine the',
        'Docker daemon runs on, any HTTP answer (even `401 Unauthorized`) means the host is reachable; a timeout means it is not:',
        '',
        '```sh',
        'nslookup {registry}',
        'curl -sSI --max-time 20 https://{registry}/v2/',
        '```',
        'Mirror the base image to a registry you control if this one is unreliable from there.',
      ].join('\n'),
    },
    {
      // The token request failed another way (a TLS or proxy error, a reset connection): its reason is the builder's own words.
      when: 'tokenRequest',
      title: 'Registry token request failed while pulling the base image',
      retryable: true,
      message:
        'The builder\'s request to `{registry}`, the token service of the registry it pulls the image from, failed before any answer ' +
        '(`{reason}`): every pull asks it for a token first. The image may well exist; the failure is between the builder and that host.',
      fix: [
        'Read the reason above: it is the builder\'s network or TLS, not the Dockerfile. From the machine the Docker daemon runs on, check',
        'that the host answers at all (any HTTP status, even `401 Unauthorized`, means it is reachable) and with which certificate:',
        '',
        '```sh',
        'curl -sSI --max-time 20 https://{registry}/v2/',
        '```',
        'Where the machine reaches the internet through a proxy, the Docker daemon or the buildx builder needs it too (`HTTPS_PROXY` in its own environment, not only the shell\'s).',
      ].join('\n'),
    },
    {
      when: 'requestFailed',
      title: 'Registry unreachable while resolving the base image',
      retryable: true,
      message:
        'The builder could not reach the registry `{registry}` to resolve the base image `{repository}` (tag or digest ' +
        '`{reference}`): the request for its manifest failed before any answer (DNS, network, proxy or TLS), so ' +
        'the image may well exist; the build never got to ask.',
      fix: [
        'This is the network of the builder, not the Dockerfile: retry; on self-hosted runners check DNS, the',
        'proxy (`HTTPS_PROXY` for the Docker daemon) and firewall rules for the registry. From the machine the',
        'Docker daemon runs on, any HTTP answer (even `401 Unauthorized`) means the registry is reachable:',
        '',
        '```sh',
        'nslookup {registry}',
        'curl -sSI https://{registry}/v2/',
        '```',
        'Mirror the base image to a registry you control if this one is unreliable from there.',
      ].join('\n'),
    },
    {
      when: 'network',
      title: 'Registry unreachable while resolving the base image',
      retryable: true,
      message:
        'The builder could not reach the registry of `{image|the base image}` (DNS or network failure): the image ' +
        'may well exist, the build never got to ask.',
      fix: [
        'This is the network of the builder, not the Dockerfile: retry; on self-hosted runners check DNS, the',
        'proxy (`HTTPS_PROXY` for the Docker daemon or the buildx builder) and firewall rules for the registry;',
        'mirror the base image to a registry you control if Docker Hub is unreliable from there. To test the registry from',
        'the machine the builder runs on, resolve the `FROM` image by hand with `docker buildx imagetools inspect`.',
      ].join('\n'),
    },
    {
      when: 'latestTag&enrich.newestCudaBase',
      title: 'nvidia/cuda has no `latest` tag',
      message:
        'Docker asked for `nvidia/cuda:latest` (the tag it uses when a reference names none), and nvidia/cuda publishes no `latest` tag: NVIDIA removed it in 2021 ' +
        '(the container-images/cuda README, "Deprecated: latest tag"). Every nvidia/cuda image has to be named by a full tag: CUDA release, flavour ' +
        '(`base`, `runtime`, `devel`, with `cudnn-` for cuDNN) and OS, as in `12.4.1-base-ubuntu22.04`.',
      fix: [
        'Pick a tag of the CUDA release the host\'s driver supports (`CUDA Version` in the header of `nvidia-smi`) and the flavour the program needs',
        '(`devel` to compile CUDA code, `runtime` for CUDA\'s libraries, `base` for the runtime alone); the tags page https://hub.docker.com/r/nvidia/cuda/tags',
        'lists them. For instance, the newest `base` image on Ubuntu 24.04:',
        '',
        '```sh',
        'tag=$({enrich.newestCudaBase})',
        'docker pull "nvidia/cuda:$tag"',
        '```',
        '',
        'That tag needs a host driver of its CUDA release; with an older driver, take a tag of the driver\'s CUDA from the tags page instead. Use the',
        'same full tag in any `FROM nvidia/cuda` line or script that named the image without one.',
      ].join('\n'),
    },
    {
      when: 'latestTag&enrich.latestRepo',
      title: 'Image has no `latest` tag',
      message:
        'Docker asked for `{enrich.latestRepo}:latest` (the tag it uses when a reference names none), and `{enrich.latestRepo}` publishes no `latest` tag: the image ' +
        'has to be named by one of the tags it does publish.',
      fix: [
        'List the tags of `{enrich.latestRepo}` on Docker Hub (or its tags page https://hub.docker.com/r/{enrich.latestRepo}/tags), then name one in the',
        '`FROM` line or the `docker pull` / `docker run` command:',
        '',
        '```sh',
        '{enrich.listRepoTags}',
        '```',
      ].join('\n'),
    },
    {
      when: 'cudaShortVersion&nvidiaCuda',
      title: 'nvidia/cuda tag without a patch release',
      message:
        '`nvidia/cuda:{enrich.cudaTag}` does not exist: nvidia/cuda publishes its tags per full CUDA release ' +
        '(major.minor.patch), and this tag names only `{enrich.cudaTagVersion}`.',
      fix: [
        'List the existing CUDA {enrich.cudaTagVersion} tags of this form (`{enrich.cudaTagForm}`), then put the full version',
        'in the `FROM` line (or the `ARG` that builds it):',
        '',
        '```sh',
        '{enrich.listCudaPatchTags}',
        '```',
        'An empty list means CUDA {enrich.cudaTagVersion} has no tag of this form left (end of life): list the other',
        'CUDA {enrich.cudaTagMajor} releases with `{enrich.listCudaTags}`.',
        'The tags page https://hub.docker.com/r/nvidia/cuda/tags shows the same list.',
      ].join('\n'),
    },
    {
      // the same, with the tag named from the published-tag list (cuda-image-tags.ts)
      when: 'nvidiaCuda&enrich.cudaFirstPatch&enrich.cudaLaterPatchTag',
      title: 'nvidia/cuda tag not found (superseded patch release deleted)',
      message: SUPERSEDED_MESSAGE,
      fix: [
        'Move the `FROM` line to the last patch of the same CUDA {enrich.cudaTagMinor}, which NVIDIA published as',
        '`nvidia/cuda:{enrich.cudaLaterPatchTag}`: the same CUDA minor the rest of the build (PyTorch wheels, extensions) was made for.',
        '',
        '```dockerfile',
        'FROM nvidia/cuda:{enrich.cudaLaterPatchTag}',
        '```',
        '',
        'Check that it is still on Docker Hub (the CUDA {enrich.cudaTagMinor} tags of this form that exist today):',
        '',
        ...SUPERSEDED_LIST,
      ].join('\n'),
    },
    {
      // NVIDIA's tag deletion notice of July 2023, as NVIDIA's own NVIDIA/cudf-spark-examples#311 reproduces it ("The tags for
      // the following CUDA versioned container images will be DELETED from NGC AND DOCKER HUB: 11.7.0, 11.6.1, 11.6.0, 11.5.1,
      // 11.5.0, 11.4.2, 11.4.1, 11.4.0, 11.3.0, 11.2.1, 11.2.0, 10.2, …"): the earlier patches of a minor went, its last patch
      // (11.3.1, 11.4.3, 11.7.1) stayed; LightGBM#6520 quotes the policy's own example, `12.2.0` replaced by `12.2.2`; and
      // NVlabs/BundleSDF#30/#33 rebuilt on 11.3.1 after 11.3.0 vanished. A later patch of the same minor is the drop-in change.
      when: 'nvidiaCuda&enrich.cudaFirstPatch',
      title: 'nvidia/cuda tag not found (superseded patch release deleted)',
      message: SUPERSEDED_MESSAGE,
      fix: [
        'Move the `FROM` line to a later patch of the same CUDA {enrich.cudaTagMinor}: the same CUDA minor the rest of the build',
        '(PyTorch wheels, extensions) was made for. List the CUDA {enrich.cudaTagMinor} tags of this form (`{enrich.cudaTagForm}`) that exist today:',
        '',
        ...SUPERSEDED_LIST,
      ].join('\n'),
    },
    ...deletedMajorVariants(),
    {
      when: 'nvidiaCuda',
      title: 'nvidia/cuda tag not found (deleted or never published)',
      message:
        '`nvidia/cuda:{enrich.cudaTag}` does not exist on Docker Hub. NVIDIA deletes the tags of end-of-life CUDA releases six ' +
        'months after end of life, so a `FROM` line that built before stops resolving; a tag for an OS the release was ' +
        'never built for does not exist either.',
      fix: [
        'List the CUDA {enrich.cudaTagMajor} tags of the same form (`{enrich.cudaTagForm}`) that exist today, and move the',
        '`FROM` line to one of them (the newest keeps it pullable longest):',
        '',
        '```sh',
        '{enrich.listCudaTags}',
        '```',
        'An empty list means no CUDA {enrich.cudaTagMajor} tag of this form is left: change the OS release or the CUDA major.',
        'NVIDIA\'s policy and tag tables: https://gitlab.com/nvidia/container-images/cuda/-/blob/master/doc/support-policy.md',
      ].join('\n'),
    },
    {
      // containerd's platforms.Parse (which BuildKit's Dockerfile frontend uses for `FROM --platform`) accepts any
      // `os/arch` and normalizes only a few architecture names (database.go normalizeArch: i386 → 386, x86_64 / x86-64 → amd64,
      // aarch64 → arm64, armhf → arm/v7, armel → arm/v6); any other name stays as written and matches no image of an index.
      when: 'platform&platformVar',
      title: 'Base image has no variant for the platform the FROM line computes',
      message:
        '`{image|The base image}` has no variant for the platform the failing `FROM` line asks for, and that platform is made ' +
        'from the build argument `{context.platformVar.variable}` (`FROM --platform=…`). The value given to it is the first ' +
        'suspect: a name Docker does not know as an architecture (such as `arm64v8` or `arm32v7`, the names of Docker Hub\'s ' +
        'per-architecture namespaces, `armv7l` from `uname -m`, or Debian\'s `ppc64el`) is kept as written and matches no image.',
      fix: [
        'Find the value this build gave `{context.platformVar.variable}`: the `--build-arg {context.platformVar.variable}=…` of the',
        'build command, the `args:` of a compose file (`docker compose config` prints them with every variable filled in), or else',
        'the default of its `ARG` line. It must be an architecture as Docker names it: `amd64`, `arm64`, `arm/v7`, `386`,',
        '`ppc64le`, `s390x`, `riscv64` (BuildKit also reads `x86_64` and `aarch64` as `amd64` and `arm64`). Compare it with',
        'the platforms the image has:',
        '',
        '```sh',
        'docker buildx imagetools inspect {image|<the FROM image>}',
        '```',
        'If the value is right and the image lacks that platform, pick a tag or an image that has it.',
      ].join('\n'),
    },
    {
      when: 'platform',
      title: 'Base image has no variant for this platform',
      message: '`{image|The base image}` exists but has no variant for {platform|the platform being built}.',
      fix: [
        'List the platforms the tag provides (`docker buildx imagetools inspect` with the `FROM` image prints them), then',
        'build only those (`docker buildx build --platform linux/amd64 .`) or pick a tag that has them.',
      ].join('\n'),
    },
    {
      // `nvidian` is NVIDIA's internal NGC organisation: an NVIDIA engineer on NVlabs/alpasim#44 (`docker pull
      // nvcr.io/nvidian/alpamayo/nre:…` → `denied: … Access Denied` after a successful `docker login nvcr.io`): "That's an
      // internal-only image". NVlabs/imaginaire#3 had `FROM nvcr.io/nvidian/pytorch:20.07-py3` as a typo for `nvidia`;
      // NVlabs/BundleSDF#1: the maintainers' answer to the refused `docker pull nvcr.io/nvidian/bundlesdf` was to build it.
      when: 'auth&nvidian',
      title: 'Image is in NVIDIA\'s internal NGC organisation (nvcr.io/nvidian)',
      message:
        '`nvcr.io/nvidian/{context.nvidian.repo}` is in `nvidian`, NVIDIA\'s internal NGC organisation: its images are not public, so nvcr.io ' +
        'refuses them to anyone outside NVIDIA, logged in to NGC or not. A retry or `docker login` does not change that.',
      fix: [
        'If the project ships the Dockerfile of that image, build it yourself under the name its scripts expect, in the directory that holds the Dockerfile:',
        '',
        '```sh',
        'docker build -t nvcr.io/nvidian/{context.nvidian.repo} .',
        '```',
        '',
        'If a Dockerfile names it in `FROM`, look for the same path under the public `nvidia` organisation (`nvcr.io/nvidian/pytorch:20.07-py3`',
        'has a public `nvcr.io/nvidia/pytorch:20.07-py3`) in NGC\'s catalog: https://catalog.ngc.nvidia.com/containers.',
      ].join('\n'),
    },
    {
      // NGC's login (docs.nvidia.com/ngc/gpu-cloud/ngc-user-guide, "Accessing the NGC Container Registry"): user `$oauthtoken`,
      // the password an NGC API key (generated at https://ngc.nvidia.com/setup/api-key); XingangPan/DragGAN#149's answer.
      // NVIDIA's NIM guides print this very line ("NGC Access Setup", docs.nvidia.com/nim/speech/latest/get-started/ngc-access-setup.html:
      // `echo "$NGC_API_KEY" | docker login nvcr.io --username '$oauthtoken' --password-stdin`, "Username is the literal $oauthtoken").
      // `--password-stdin`: docker login's documented way to keep the key out of the shell history (docs.docker.com, docker login).
      when: 'auth&nvcr',
      title: 'nvcr.io refused the pull (NGC login or access needed)',
      message:
        'nvcr.io refused `nvcr.io/{context.nvcr.path}` without credentials: the image needs an NGC login (some NGC images, such as early-access ' +
        'and private organisations, are not public), or the path does not exist (the registry gives the same answer).',
      fix: NGC_LOGIN_FIX,
    },
    {
      // BuildKit's `load metadata` step names the image, no line of the scope does (NVlabs/nvdiffrast#135: `failed to fetch
      // anonymous token: unexpected status: 401`; the reporter moved to another monthly tag). An NGC framework image
      // (`nvcr.io/nvidia/pytorch:23.03-py3`: the base-image fact, image-facts.ts) is in NGC's public `nvidia` organisation, which
      // needs no login (triton-inference-server/server PR #1221, "NGC Container Registry login not required", 2020); nvcr.io has
      // refused anonymous tokens for such images now and then (triton-inference-server/server#3805, 2022: a CI pull of
      // nvcr.io/nvidia/tritonserver:21.09-py3 failing every few runs, a maintainer: "This is a problem with NGC"). With
      // credentials the builder asks for its token another way (containerd remotes/docker/authorizer.go doBearerAuth: an
      // OAuth POST, `failed to fetch oauth token` when that fails). NVlabs/stylegan3#167 (the same 401 for
      // nvcr.io/nvidia/pytorch:21.08-py3): a maintainer pulled it unauthenticated and asked for a retry, and a `docker run` of the
      // image before the build (which pulls it into the Docker image store) got the reporter past it.
      when: 'auth&anonymousToken&fact.imageFlavour=ngc',
      title: 'nvcr.io refused an anonymous pull token for an NGC image',
      message:
        'nvcr.io refused the builder an anonymous token to pull `{fact.baseImage}` (`unexpected status: {status|401}`). Images of NGC\'s public `nvidia` ' +
        'organisation pull without a login, so either this path or tag is not on nvcr.io (the registry refuses a missing one the same way), ' +
        'or NGC\'s token service refused a public image, as it has done intermittently.',
      fix: [
        'Check that the tag exists on the image\'s page in NGC\'s catalog (https://catalog.ngc.nvidia.com/containers), else move the `FROM` line to one that does;',
        'if it is listed, pull it by hand, then build again (a pull before the build has got past this refusal):',
        '',
        '```sh',
        'docker pull {fact.baseImage}',
        '```',
        '',
        'If the pull is refused too, log in with an NGC API key (https://ngc.nvidia.com/setup/api-key; the user name is the literal `$oauthtoken`):',
        'the builder then asks for its token with credentials instead of anonymously.',
        '',
        '```sh',
        'echo "$NGC_API_KEY" | docker login nvcr.io --username \'$oauthtoken\' --password-stdin',
        '```',
      ].join('\n'),
    },
    {
      when: 'auth',
      title: 'Base image is private or does not exist',
      message:
        'The registry refused `{image|the base image}`: it is private and the builder is not logged in, or the ' +
        'repository does not exist (registries give the same answer for both).',
      fix: [
        'Check the name, then log in before the build. In GitHub Actions:',
        '',
        '```yaml',
        '- uses: docker/login-action@v4',
        '  with:',
        '    registry: ghcr.io',
        // `{{` / `}}` are literal braces in a template: this renders `${{ github.actor }}`.
        '    username: ${{{{ github.actor }}}}',
        '    password: ${{{{ secrets.GITHUB_TOKEN }}}}',
        '```',
      ].join('\n'),
    },
    {
      when: '!imageNamed',
      message: 'A base image of this build does not exist on its registry (`manifest unknown`): the tag is misspelled, was never published, or was removed.',
    },
  ],
  fix: [
    'Check which tags of the image exist (its tags page on the registry, or `docker buildx imagetools inspect` with a',
    'candidate tag, which prints its platforms), then fix the `FROM` line, or the `ARG` that builds it.',
  ].join('\n'),
  enrich: ['cuda-image-tag', 'latest-tag'],
  docs: 'https://docs.docker.com/reference/dockerfile/#from',
};
