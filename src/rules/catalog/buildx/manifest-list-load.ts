// The dev container CLI (`@devcontainers/cli`, `devcontainer build`) runs the buildx command itself, and loads the image
// unless told otherwise: its `--output` "Overrides the default behavior to load built images into the local docker registry",
// `--platform` "Set target platforms", `--push` "Push to a container registry" (devcontainers/cli, src/spec-node/
// devContainersSpecCLI.ts, buildOptions; `--push` with `--output` is refused). So `--platform a,b` without `--push` becomes
// `docker buildx build --platform a,b --load …` (Automattic/vip-codespaces#148, CLI 0.56.2 in GitHub Actions, fixed by PR #149
// after "using devcontainer CLI to build multi-platform images"). devcontainers/ci passes its `platform` input to that CLI
// (README: "Platforms for which the image should be built") and pushes by its `push` input (`never`, `filter`, `always`).
// The docker exporter writing a file (`--output type=docker,dest=/tmp/image.tar`, build-push-action's `outputs:`) hits the
// same refusal: BuildKit's docker variant of the image exporter refuses several refs (exporter/oci/export.go: `if
// e.opt.Variant == VariantDocker && len(src.Refs) > 0` → `docker exporter does not currently support exporting manifest
// lists`), and buildx now says it itself when the export has an output, with the way out: `docker exporter does not support
// exporting manifest lists, use the oci exporter instead` (docker/buildx build/opt.go, `if e.Output != nil`). The oci
// exporter writes an OCI image layout tarball, the docker one "behaves the same way, except it exports a Docker image layout"
// (docs.docker.com/build/exporters/oci-docker/, parameters `dest`, `tar`); an OCI layout's index.json lists several
// manifests (opencontainers/image-spec, image-layout.md). Seen in solidnerd/docker-bookstack#349 (build-push-action with
// `--output type=docker,dest=/tmp/image-bookstack.tar --platform linux/amd64,linux/arm64`).
import type { RuleInput } from '../../schema.js';

const TARBALL_MESSAGE =
  'The build asked for several platforms and the docker exporter with a file (`type=docker,dest=…`): a Docker image tarball ' +
  'holds one platform, so the multi-platform result cannot be written to it.';

const TARBALL_FIX = [
  'For one file with every platform, use the OCI exporter: its image layout holds the multi-platform index (buildx\'s own advice,',
  '"use the oci exporter instead"; https://docs.docker.com/build/exporters/oci-docker/):',
  '',
  '```sh',
  'docker buildx build --platform linux/amd64,linux/arm64 --output type=oci,dest=/tmp/image.tar -t myimage:1.0 .',
  '```',
  '',
  'With docker/build-push-action: `outputs: type=oci,dest=/tmp/image.tar`. Whatever reads the file later must read an OCI layout.',
  '',
  '- a tarball to `docker load` in a later job: one platform per tarball, e.g. a matrix job per platform, one with',
  '  `platforms: linux/amd64` and `outputs: type=docker,dest=/tmp/image-amd64.tar`, one with `linux/arm64` and `/tmp/image-arm64.tar`.',
  '- a multi-platform image to publish: push it instead (`--push`, build-push-action `push: true`).',
].join('\n');

const DEVCONTAINER_FIX = [
  'The dev container CLI ran this build (`@devcontainers/cli`): it loads the image into Docker unless it is told to push, so the',
  'flags go on the `devcontainer build` command, not on buildx. Push the multi-platform image, or load one platform:',
  '',
  '```sh',
  'devcontainer build --workspace-folder . --platform linux/amd64,linux/arm64 --push --image-name registry.example.com/myimage:1.0',
  'devcontainer build --workspace-folder . --platform linux/amd64 --image-name myimage:test',
  '```',
  'Log in to the registry first (`docker login`). devcontainers/ci runs this same CLI with its `platform` input: name several',
  'platforms only in a job that pushes the image (its `push` input: `never`, `filter`, `always`; see its README), one where the image is loaded.',
].join('\n');

/** `--load` (the docker exporter) with more than one platform. */
export const manifestListLoad: RuleInput = {
  id: 'buildx/manifest-list-load',
  title: 'Multi-platform build cannot be loaded into the local image store',
  severity: 'error',
  scope: 'build',
  match: [
    // BuildKit's refusal, and buildx's own when the export has an output (`…, use the oci exporter instead`)
    { literals: ['docker exporter does not currently support exporting manifest lists', 'docker exporter does not support exporting manifest lists'], ignoreCase: true },
  ],
  context: [
    // the docker exporter to a file: `--output type=docker,dest=/tmp/image-bookstack.tar`, `outputs: type=docker,dest=…`,
    // or buildx's wording for it
    {
      name: 'dockerTarball',
      literals: ['type=docker,', 'use the oci exporter instead'],
      pattern: 'type=docker,[^\\s]{0,300}?\\bdest=|use the oci exporter instead',
    },
    // `[2024-02-14T16:54:15.692Z] @devcontainers/cli 0.56.2. Node.js v18.19.0. …`, its work dir `/tmp/devcontainercli-…/`
    { name: 'devcontainerCli', literals: ['@devcontainers/cli', 'devcontainercli'] },
  ],
  variants: [
    { when: 'devcontainerCli', fix: DEVCONTAINER_FIX },
    { when: 'dockerTarball', title: 'Multi-platform build cannot be written to a Docker image tarball', message: TARBALL_MESSAGE, fix: TARBALL_FIX },
  ],
  message:
    'The build asked for several platforms and `--load` (the docker exporter): the classic Docker image store ' +
    'holds one platform per tag, so the multi-platform result cannot be loaded.',
  fix: [
    'Pick one per build: load a single platform for local tests, push the multi-platform image:',
    '',
    '```sh',
    'docker buildx build --platform linux/amd64 --load -t myimage:test .',
    'docker buildx build --platform linux/amd64,linux/arm64 --push -t registry.example.com/myimage:1.0 .',
    '```',
    'With docker/build-push-action, set `load: true` only in a job whose `platforms` names one platform, and',
    '`push: true` where it names several. Docker Engine with the containerd image store',
    '(`"features": {"containerd-snapshotter": true}` in daemon.json) can load multi-platform images.',
  ].join('\n'),
  docs: 'https://docs.docker.com/build/building/multi-platform/',
};
