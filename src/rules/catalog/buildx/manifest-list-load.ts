import type { RuleInput } from '../../schema.js';

/** `--load` (the docker exporter) with more than one platform. */
export const manifestListLoad: RuleInput = {
  id: 'buildx/manifest-list-load',
  title: 'Multi-platform build cannot be loaded into the local image store',
  severity: 'error',
  scope: 'build',
  match: [{ literals: ['docker exporter does not currently support exporting manifest lists'], ignoreCase: true }],
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
