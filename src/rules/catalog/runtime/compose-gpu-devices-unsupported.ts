// A Compose file that reserves GPUs the Compose Specification way (`deploy.resources.reservations.devices`, with
// `capabilities: [gpu]`; Docker's docs, "Run Docker Compose services with GPU access",
// https://docs.docker.com/compose/how-tos/gpu-support/) is refused by a docker-compose 1.x older than 1.28.0: its JSON
// schema has no `devices` under `reservations`, and jsonschema's message names the key:
// `services.<service>.deploy.resources.reservations value Additional properties are not allowed ('devices' was unexpected)`.
// docker/compose CHANGELOG.md, 1.28.0: "Support for Nvidia GPUs via device requests" (its compose_spec.json at the 1.28.0
// tag lists `devices` under `reservations`); the Compose docs of that time: "Docker Compose v1.28.0+ allows to define GPU
// reservations using the device structure defined in the Compose Specification". Compose v2 (`docker compose`, the CLI
// plugin) reads it too. Ubuntu 18.04's apt docker-compose is 1.17.1 (Sygil-Dev/sygil-webui#490: the maintainer's answer
// was docker-compose >= 1.28, and to prefer `docker compose`; the reporter moved to 1.28.3 and got past this error).
// Installing the plugin: Docker's "Install the Docker Compose plugin" page (docs.docker.com/compose/install/linux/):
// set up Docker's apt / yum repository, `sudo apt-get install docker-compose-plugin`, check with `docker compose version`.
// The same message for another key (`'start_period' was unexpected` under `healthcheck`, `'name'` under `networks`) is a
// different feature and a different minimum: not this rule's.
import type { RuleInput } from '../../schema.js';

export const composeGpuDevicesUnsupported: RuleInput = {
  id: 'runtime/compose-gpu-devices-unsupported',
  title: 'This docker-compose is older than 1.28.0 and does not know GPU device reservations (`devices` under `reservations`)',
  severity: 'error',
  match: [
    // `services.stable-diffusion.deploy.resources.reservations value Additional properties are not allowed ('devices' was unexpected)`
    {
      literals: ["('devices' was unexpected)"],
      pattern: "services\\.(?<service>[\\w.-]{1,100})\\.deploy\\.resources\\.reservations value Additional properties are not allowed \\('devices' was unexpected\\)",
    },
  ],
  scope: 'step',
  specificity: 3,
  message:
    'docker-compose refused the Compose file: service `{service}` reserves GPUs with `deploy.resources.reservations.devices`, ' +
    'which docker-compose 1.x reads only from 1.28.0 on (docker/compose 1.28.0: "Support for Nvidia GPUs via device requests"). ' +
    'This docker-compose is older; the Compose file is fine.',
  fix: [
    'See which Compose runs it:',
    '',
    '```sh',
    'docker-compose version',
    'docker compose version',
    '```',
    '',
    'A `docker-compose version 1.x` below 1.28.0 (an old distro package: Ubuntu 18.04\'s is 1.17.1) is the cause. Use Compose v2, the Docker CLI ' +
      'plugin, which reads GPU reservations: with Docker\'s apt repository set up (https://docs.docker.com/engine/install/ubuntu/#install-using-the-repository):',
    '',
    '```sh',
    'sudo apt-get update',
    'sudo apt-get install docker-compose-plugin',
    'docker compose version',
    'docker compose up',
    '```',
    '',
    '(`docker compose`, with a space, is the plugin; RPM distributions: `sudo yum install docker-compose-plugin`; without Docker\'s repository, ' +
      'the plugin\'s manual install: https://docs.docker.com/compose/install/linux/.) Or replace the old `docker-compose` with a 1.x release of 1.28.0 or later. ' +
      'GPUs in the container also need the NVIDIA driver and the NVIDIA Container Toolkit on the host (https://docs.docker.com/compose/how-tos/gpu-support/).',
  ].join('\n'),
  docs: 'https://docs.docker.com/compose/how-tos/gpu-support/',
};
