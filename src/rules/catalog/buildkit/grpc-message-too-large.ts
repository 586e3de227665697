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
// The 4 MiB figure (`… vs. 4194304`) is gRPC's own library default, an older limit than the Engine 27 one: before BuildKit
// v0.14.0 the frontend's gRPC client (frontend/gateway/grpcclient/client.go) and the gateway that serves frontends
// (frontend/gateway/gateway.go) used gRPC's defaults, and moby/buildkit#4969 (commit 29b4b1a53, "ensure correct grpc max
// sizes for control API and frontends", fixes moby/buildkit#4948) set 16 MiB (`grpc.MaxCallRecvMsgSize(16 << 20)`, and
// containerd's DefaultMaxRecvMsgSize / DefaultMaxSendMsgSize for the servers). `git tag --contains 29b4b1a53`: first in
// v0.14.0 and dockerfile/1.8.0 (both 2024-06-11); dockerfile/1.7.1 (2024-04-25), the frontend of docker/buildx#2453 (`1
// dockerfile/1.7.1 /bin/dockerfile-frontend`, pulled by a `# syntax=docker.io/docker/dockerfile:1@sha256:…` pin), does not
// have it. So with 4194304 the fix is a newer frontend (the `# syntax=` line: a digest pin keeps the old one) and BuildKit.
import type { RuleInput } from '../../schema.js';

const FOUR_MIB_MESSAGE =
  'A message between the Dockerfile frontend and BuildKit ({size} bytes) was larger than gRPC\'s default limit ({max} bytes, 4 MiB), so ' +
  'the build stopped before any step ran: the build definition is large (a generated Dockerfile with many stages, many build ' +
  'contexts). No command of the build failed. 4 MiB is the limit of the Dockerfile frontend and BuildKit before BuildKit v0.14.0 and ' +
  'dockerfile 1.8.0, which raised it to 16 MiB (moby/buildkit#4969, fixing moby/buildkit#4948).';

/** `frontend`: what the log says of the frontend that ran. */
const fourMiBFix = (frontend: string): string => [
  'Update the frontend and BuildKit:',
  '',
  `- the frontend comes from the Dockerfile's \`# syntax=\` line (${frontend}). A pin to`,
  '  an older release or to a digest (`docker/dockerfile:1@sha256:…`) keeps the 4 MiB one: use `# syntax=docker/dockerfile:1`',
  '  (the current 1.x), or drop the line to use the frontend built into BuildKit.',
  '- BuildKit v0.14.0 or later: see the builder with `docker buildx ls` / `docker buildx inspect`. For a `docker-container` builder,',
  '  recreate it with a current image (`docker buildx create --driver docker-container --driver-opt image=moby/buildkit:latest --use`);',
  '  for the builder inside Docker Engine, upgrade Docker Engine to 27.1.2 or later (27.0.0 to 27.1.1 had a limit regression of their own).',
  '',
  'If the definition still exceeds 16 MiB, split the generated Dockerfile into several smaller ones built one after another.',
].join('\n');

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
  context: [
    // gRPC's own default limit, 4 MiB: `… larger than max (4212583 vs. 4194304)`
    { name: 'fourMiB', literals: ['vs. 4194304)'], pattern: 'message larger than max \\(\\d{1,12} vs\\. 4194304\\)' },
    // the frontend that ran, in the error's process list: `1 dockerfile/1.7.1 /bin/dockerfile-frontend`
    { name: 'frontend', literals: ['/bin/dockerfile-frontend'], pattern: '\\bdockerfile/(?<version>\\d{1,3}\\.\\d{1,3}\\.\\d{1,3})(?:-labs)? /bin/dockerfile-frontend' },
  ],
  variants: [
    {
      when: 'fourMiB&frontend',
      message: FOUR_MIB_MESSAGE,
      fix: fourMiBFix('this build ran dockerfile {context.frontend.version}; releases before 1.8.0 have the 4 MiB limit'),
    },
    { when: 'fourMiB', message: FOUR_MIB_MESSAGE, fix: fourMiBFix('the frontend that ran is named in the error: `dockerfile/1.x /bin/dockerfile-frontend`') },
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
