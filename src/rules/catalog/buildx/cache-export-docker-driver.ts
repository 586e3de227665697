// buildx refusing to export the build cache (`--cache-to`, docker/build-push-action's `cache-to:`, bake's `cache-to`)
// on the docker driver (BuildKit inside Docker Engine) while the engine keeps its images in the classic store, before
// anything is built:
//   `ERROR: Cache export is not supported for the docker driver.` (buildx 0.13.1 on this project's engines;
//   `ERROR: failed to build: …` from buildx 0.29.1), then `Switch to a different driver, or turn on the containerd image
//   store, and try again.`; older buildx: `Cache export feature is currently not supported for docker driver. Please
//   switch to a different driver (eg. "docker buildx create --use")`, in lower case (`cache export feature …`) up to
//   buildx 0.10 (docker/buildx driver/features.go: `CacheExport Feature = "cache export"` in v0.2.0-v0.10.x, "Cache export"
//   from v0.11.0; the sentence replaced by the current one in v0.12.0, commit bf5a700), as AlexsLemonade/refinebio#3293
//   quotes it: the match ignores case.
// Must not match: the same refusal of several platforms (buildx/multi-platform-docker-driver), a cache import that
// finds nothing (`WARNING: local cache import at … not found`, a warning, the build goes on).
// Where the advice comes from:
// - docs.docker.com/build/cache/backends/: "The default docker driver supports the inline, local, registry, and gha
//   cache backends, but only if you have enabled the containerd image store. Other cache backends require you to
//   select a different driver."
// - the docker-container builder and the containerd image store settings: the same sources as
//   buildx/multi-platform-docker-driver (docs.docker.com/build/builders/drivers/docker-container/; daemon.json
//   `"features": {"containerd-snapshotter": true}`; Docker Desktop's "Use containerd for pulling and storing images").
// - docker/setup-buildx-action creates a docker-container builder by default (its action.yml: input `driver`, default
//   `docker-container`), and build-push-action builds on the builder it set up.
// - An image built on a docker-container builder is not in the local image store until `--load` (docs.docker.com/build/
//   builders/drivers/: "images built using other drivers aren't automatically loaded into the local image store").
// - A docker-container builder runs BuildKit in a container with a network of its own, so a registry the job reaches
//   at `localhost:5000` (a `services: registry` container) is not its localhost: Docker's "Local registry with GitHub
//   Actions" page (docs.docker.com/build/ci/github-actions/local-registry/) gives setup-buildx-action
//   `driver-opts: network=host`; on the command line `docker buildx create --driver-opt network=host`
//   (docs.docker.com/build/builders/drivers/docker-container/: `network`). flanksource/config-db#1751 pushed to
//   `localhost:5000/…` with build-push-action on the docker driver.
import type { RuleInput } from '../../schema.js';
import { GHA_CACHE_STEPS } from '../ci/gha-cache-steps.js';

const containerdStore =
  'Or keep the docker driver and turn on the containerd image store, with which it exports the inline, local, registry ' +
  'and gha caches: on Docker Engine add `"features": {"containerd-snapshotter": true}` to `/etc/docker/daemon.json` and ' +
  'run `sudo systemctl restart docker`; in Docker Desktop, Settings → General → "Use containerd for pulling and storing images".';

const GHA_FIX = [
  "The job builds on the runner's default builder, the docker driver. Create a docker-container builder before",
  'the build: add docker/setup-buildx-action (its default driver is `docker-container`) ahead of',
  'docker/build-push-action, and keep the cache settings:',
  '',
  ...GHA_CACHE_STEPS,
  'If the workflow already has setup-buildx-action, check that it does not set `driver: docker`. An image built this',
  'way is not in the runner\'s image store unless the step sets `load: true` (or `push: true` to send it to a registry).',
].join('\n');

// The image goes to a registry on the job's host (a `services: registry` container): the new builder must share the host's network.
const LOCAL_REGISTRY_GHA_FIX = [
  "The job builds on the runner's default builder, the docker driver. Create a docker-container builder before",
  'the build with docker/setup-buildx-action (its default driver is `docker-container`). The image goes to',
  '`{context.localRegistry.ref}`, a registry on the runner itself, and the new builder runs in a container with a network',
  'of its own, where `localhost` is not the runner: give it the host\'s network, as Docker\'s "Local registry with GitHub',
  'Actions" example does, and keep the cache settings:',
  '',
  '```yaml',
  '- uses: docker/setup-buildx-action@v4',
  '  with:',
  '    driver-opts: network=host',
  '- uses: docker/build-push-action@v7',
  '  with:',
  '    push: true',
  '    tags: {context.localRegistry.ref}',
  '    cache-from: type=gha',
  '    cache-to: type=gha,mode=max',
  '```',
  'If the workflow already has setup-buildx-action, check that it does not set `driver: docker`.',
].join('\n');

export const cacheExportDockerDriver: RuleInput = {
  id: 'buildx/cache-export-docker-driver',
  title: 'Cache export needs another builder',
  severity: 'error',
  scope: 'build',
  match: [
    { literals: ['Cache export is not supported for the docker driver'] },
    { literals: ['cache export feature is currently not supported for docker driver'], ignoreCase: true },
  ],
  context: [
    // The image goes to a registry on the job's own host: `--tag localhost:5000/flanksource/config-db:latest`,
    // `-t 127.0.0.1:5000/app`, build-push-action's `tags: localhost:5000/…`.
    {
      name: 'localRegistry',
      literals: ['localhost:', '127.0.0.1:'],
      pattern: '(?:--tag[ =]|-t |tags: ?)(?<ref>(?:localhost|127\\.0\\.0\\.1):\\d{1,5}/[^\\s,]{1,300})',
    },
  ],
  specificity: 3,
  message:
    'The build asked to export its cache (`--cache-to`, or `cache-to` in build-push-action / bake) on the docker driver, ' +
    'the BuildKit inside Docker Engine, whose engine keeps its images in the classic store: that driver exports no cache ' +
    'there, so buildx refused before building anything.',
  // Any GitHub Actions job (a hosted or self-hosted runner, or only build-push-action's lead in the log) gets the workflow's fix.
  variants: [true, false].flatMap((local) =>
    (['github-hosted', 'self-hosted', 'github-actions'] as const).map((runner) => ({
      when: `fact.runner=${runner}${local ? '&localRegistry' : ''}`,
      fix: local ? LOCAL_REGISTRY_GHA_FIX : GHA_FIX,
    })),
  ).concat([
    {
      when: 'localRegistry',
      fix: [
        'Build on a builder of the docker-container driver, which exports every cache backend. The image goes to',
        '`{context.localRegistry.ref}`, a registry on this host, and the builder runs in a container with a network of its',
        'own, where `localhost` is not this host: give it the host\'s network.',
        '',
        '```sh',
        'docker buildx create --name container-builder --driver docker-container --driver-opt network=host --use --bootstrap',
        '```',
        'then run the same build.',
        '',
        containerdStore,
      ].join('\n'),
    },
  ]),
  fix: [
    'Build on a builder of the docker-container driver, which exports every cache backend:',
    '',
    '```sh',
    'docker buildx create --name container-builder --driver docker-container --use --bootstrap',
    '```',
    'then run the same build, with `--load` (or `--push`) to get the image out of the builder.',
    '',
    containerdStore,
    'Without `--cache-to` the docker driver still reuses its own cache between builds on the same machine.',
  ].join('\n'),
  docs: 'https://docs.docker.com/build/cache/backends/',
};
