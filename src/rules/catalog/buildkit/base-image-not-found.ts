import type { RuleInput } from '../../schema.js';

/** The `FROM` image could not be resolved: wrong tag, private image, missing platform, or no registry. */
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
    { name: 'auth', literals: ['pull access denied', 'unauthorized', 'authorization failed', 'denied: '] },
    { name: 'platform', literals: ['no match for platform in manifest'] },
  ],
  message:
    'The base image `{image|of a FROM line}` does not exist on its registry: the tag is misspelled, was never ' +
    'published, or was removed (nvidia/cuda tags name the full version and OS, e.g. `12.4.1-cudnn-devel-ubuntu22.04`, ' +
    'and end-of-life CUDA tags are deleted from Docker Hub).',
  variants: [
    {
      when: 'requestFailed',
      title: 'Registry unreachable while resolving the base image',
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
      message:
        'The builder could not reach the registry of `{image|the base image}` (DNS or network failure): the image ' +
        'may well exist, the build never got to ask.',
      fix: [
        'This is the network of the builder, not the Dockerfile: retry; on self-hosted runners check DNS, the',
        'proxy (`HTTPS_PROXY` for the Docker daemon or the buildx builder) and firewall rules for the registry;',
        'mirror the base image to a registry you control if Docker Hub is unreliable from there:',
        '',
        '```sh',
        'docker buildx imagetools inspect {image|IMAGE}',
        '```',
      ].join('\n'),
    },
    {
      when: 'platform',
      title: 'Base image has no variant for this platform',
      message: '`{image|The base image}` exists but has no variant for {platform|the platform being built}.',
      fix: [
        'List the platforms the tag provides, then build only those or pick a tag that has them (many CUDA and',
        'vendor images are linux/amd64 only):',
        '',
        '```sh',
        'docker buildx imagetools inspect {image|IMAGE}',
        'docker buildx build --platform linux/amd64 .',
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
        '- uses: docker/login-action@v3',
        '  with:',
        '    registry: ghcr.io',
        // `{{` / `}}` are literal braces in a template: this renders `${{ github.actor }}`.
        '    username: ${{{{ github.actor }}}}',
        '    password: ${{{{ secrets.GITHUB_TOKEN }}}}',
        '```',
      ].join('\n'),
    },
  ],
  fix: [
    'Check the tag exists and which platforms it has, then fix the `FROM` line (or the `ARG` that builds it):',
    '',
    '```sh',
    'docker buildx imagetools inspect {image|IMAGE}',
    '```',
    'For CUDA images, pick a tag listed at https://hub.docker.com/r/nvidia/cuda/tags.',
  ].join('\n'),
  docs: 'https://docs.docker.com/reference/dockerfile/#from',
};
