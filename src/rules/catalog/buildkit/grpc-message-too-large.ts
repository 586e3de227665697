// A message between the build client (docker build / buildx, the Dockerfile frontend) and BuildKit was larger than gRPC
// lets through: `ERROR: failed to receive status: rpc error: code = ResourceExhausted desc = grpc: received message larger
// than max (44865299 vs. 16777216)` right after `transferring dockerfile: 896.44kB` (moby/moby#48164: a generated
// Dockerfile of 15k+ lines; "since docker-engine v27 the builds are failing ... with version 26.1.4 it works fine"),
// `… grpc: received message larger than max (4212583 vs. 4194304)` from the frontend (moby/buildkit#4948), and the sending
// side's `trying to send message larger than max (22482550 vs. 16777216)` (moby/buildkit#6097, a remote builder; removing
// stages made it work). It is the size of the build definition, not a command of the build.
// The version boundary: Docker Engine 27.0 set up the gRPC endpoint of its embedded BuildKit without BuildKit's message
// sizes (the regression came with moby commit 3bcbb561, first in v27.0.0-rc.1); moby/moby#48242, backported as #48245
// ("fixes moby/moby#48164", "fixes moby/buildkit#4948"), sets them (api/server/router/grpc: grpc.MaxRecvMsgSize and
// MaxSendMsgSize from containerd's defaults), and shipped in Docker Engine 27.1.2 (tag v27.1.2; Docker's release notes,
// 27.1.2: "Fix a regression that could result in a `ResourceExhausted desc = grpc: received message larger than max` error
// when building from a large Dockerfile. moby/moby#48245"). The PR: standalone buildkitd, which the docker-container
// driver runs, already had the fix (buildkit commit 29b4b1a537), so such a builder was not affected.
// Only the build client's own error about the solve: BuildKit's `failed to receive status: rpc error: code = ResourceExhausted
// desc = …` and `failed to solve: ResourceExhausted: … grpc: …` (read as the solve error's message, which opens the line). Not the same gRPC words elsewhere, which are no build
// definition: a program a step runs (`set mita server config failed: rpc error: code = ResourceExhausted desc = grpc: received
// message larger than max (4977817 vs. 4194304)`, enfein/mieru#166), the export writing a blob (`failed to solve: error writing
// data blob sha256:…: failed to copy: failed to send write: trying to send message larger than max (25286341 vs. 16777216):
// unknown`, an SBOM, moby/buildkit#5327), or `docker buildx du` (`failed to call diskusage: ResourceExhausted: grpc: trying to
// send message larger than max (30520647 vs. 16777216)`, docker/buildx#3084).
import type { RuleInput } from '../../schema.js';

export const grpcMessageTooLarge: RuleInput = {
  id: 'buildkit/grpc-message-too-large',
  title: 'Build definition larger than BuildKit\'s gRPC message limit',
  severity: 'error',
  match: [
    {
      literals: ['message larger than max'],
      pattern:
        '(?:failed to receive status: rpc error: code = ResourceExhausted desc = |(?:^|failed to solve: )ResourceExhausted: [A-Za-z: ]{0,200}?)(?:grpc: )?' +
        '(?:received|trying to send) message larger than max \\((?<size>\\d{1,12}) vs\\. (?<max>\\d{1,12})\\)',
    },
  ],
  scope: 'step',
  maxFindings: 1,
  specificity: 3,
  message:
    'A message between the build client and BuildKit ({size} bytes) was larger than gRPC lets through ({max} bytes), so the build stopped ' +
    'before any step ran: the build definition is too large (a generated Dockerfile with many stages or lines). No command of the build failed. ' +
    'Docker Engine 27.0.0 to 27.1.1 had a regression that set this limit too low for the builder inside the Engine (fixed in 27.1.2, moby/moby#48245).',
  fix: [
    'Check which Docker Engine runs the build:',
    '',
    '```sh',
    "docker version --format '{{{{.Server.Version}}}}'",
    'docker buildx ls   # the builder in use (*) and its driver',
    '```',
    '',
    '- 27.0.0 up to 27.1.1: upgrade Docker Engine to 27.1.2 or later (release notes: https://docs.docker.com/engine/release-notes/27/).',
    '  Until then, a `docker-container` builder runs its own BuildKit, which has the right limits:',
    '  `docker buildx create --name big --driver docker-container --use`, then `docker buildx build --load …`.',
    '- A later Engine, or a builder of its own: the definition is larger than BuildKit accepts even with its limits (16 MB). Split the',
    '  generated Dockerfile into several smaller ones built one after another (fewer stages per file), or build one `--target` at a time',
    '  from smaller files.',
  ].join('\n'),
  docs: 'https://github.com/moby/moby/pull/48245',
};
