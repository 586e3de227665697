// buildx refusing several platforms on the docker driver (BuildKit inside Docker Engine) while the engine keeps
// its images in the classic store, before anything is built:
//   `ERROR: Multi-platform build is not supported for the docker driver.` (buildx 0.13.1 on this project's engines;
//   `ERROR: failed to build: …` from buildx 0.29.1), then `Switch to a different driver, or turn on the containerd image store, and try again.`;
//   older buildx: `multiple platforms feature is currently not supported for docker driver. Please switch to a different
//   driver (eg. "docker buildx create --use")`; buildx 0.11 capitalised it (`Multiple platforms feature …`: docker/buildx
//   driver/features.go, `MultiPlatform Feature = "Multiple platforms"` from v0.11.0), so the match ignores case.
// With `--load` buildx says `docker exporter does not currently support exporting manifest lists` instead
// (buildx/manifest-list-load), so this is the build that names no output, or `--push`.
// The two ways out, from docs.docker.com/build/building/multi-platform/ (Prerequisites): turn on the containerd image
// store (Docker Engine: `"features": {"containerd-snapshotter": true}` in /etc/docker/daemon.json, then
// `systemctl restart docker`; Docker Desktop: Settings → General → "Use containerd for pulling and storing images"), or
// a builder on the docker-container driver (`docker buildx create --name container-builder --driver docker-container
// --use --bootstrap`), whose images are not loaded into the local store: `--push` (or `--load` once the engine uses the
// containerd store). docker/setup-buildx-action creates a docker-container builder by default (its action.yml: input
// `driver`, default `docker-container`; README: "to be able to build multi-platform images"), and its README's example
// puts docker/setup-qemu-action before it to "add support for more platforms with QEMU (optional)".
import type { RuleInput } from '../../schema.js';

const containerBuilder = [
  '```sh',
  'docker buildx create --name container-builder --driver docker-container --use --bootstrap',
  'docker buildx build --platform linux/amd64,linux/arm64 --push -t registry.example.com/myimage:1.0 .',
  '```',
];

const containerdStore = [
  'Or turn on the containerd image store, which holds multi-platform images, and keep the docker driver: on Docker Engine',
  'add `"features": {"containerd-snapshotter": true}` to `/etc/docker/daemon.json` and run `sudo systemctl restart docker`;',
  'in Docker Desktop, Settings → General → "Use containerd for pulling and storing images" (Desktop then hides the images',
  'and containers of the classic store until it is turned off).',
];

export const multiPlatformDockerDriver: RuleInput = {
  id: 'buildx/multi-platform-docker-driver',
  title: 'Multi-platform build needs another builder',
  severity: 'error',
  scope: 'build',
  match: [
    { literals: ['Multi-platform build is not supported for the docker driver'] },
    { literals: ['multiple platforms feature is currently not supported for docker driver'], ignoreCase: true },
  ],
  message:
    'The build asked for several platforms (`--platform linux/amd64,linux/arm64`, or `platforms` in bake / ' +
    'build-push-action) on the docker driver, the BuildKit inside Docker Engine, and the engine keeps its images in the ' +
    'classic store, which holds one platform per tag: buildx refused before building anything.',
  // Any GitHub Actions job (a hosted or self-hosted runner, or only build-push-action's lead in the log) gets the workflow's fix.
  variants: (['github-hosted', 'self-hosted', 'github-actions'] as const).map((runner) => ({
    when: `fact.runner=${runner}`,
    fix: [
      'Create a docker-container builder before the build: add docker/setup-buildx-action (its default driver is',
      '`docker-container`) ahead of docker/build-push-action, and push the multi-platform image:',
      '',
      '```yaml',
      '- uses: docker/setup-qemu-action@v4   # emulators for the platforms the runner is not',
      '- uses: docker/setup-buildx-action@v4',
      '- uses: docker/build-push-action@v7',
      '  with:',
      '    platforms: linux/amd64,linux/arm64',
      '    push: true',
      '```',
      'If the workflow already has setup-buildx-action, check that it does not set `driver: docker`.',
    ].join('\n'),
  })),
  fix: [
    'Build on a builder of the docker-container driver, and push the result (its images are not in the local store):',
    '',
    ...containerBuilder,
    ...containerdStore,
    'For a local test, one platform at a time works on the docker driver as it is: `--platform linux/amd64`.',
  ].join('\n'),
  docs: 'https://docs.docker.com/build/building/multi-platform/',
};
