// `ERROR: failed to build: failed to solve: circular dependency detected on stage: builder`: BuildKit's
// Dockerfile frontend found a stage that depends on itself through `COPY --from=` / `RUN
// --mount=from=` (dockerfile2llb: `errors.Errorf("circular dependency detected on stage: %s", …)`; its test
// TestDockerfileCircularDependencies: `FROM busybox AS stage0` + `COPY --from=stage0 …` gives exactly this
// error, as does a cycle stage0 → stage2 → stage1 → stage0). Newer BuildKit attaches the location of the
// `COPY --from=` lines that close the cycle, which the log prints as `Dockerfile:148` with the line marked
// `>>>` (validations.go). The usual real cause: the `FROM` line that should start the final stage is
// missing or was deleted, so the `COPY --from=builder` lines end up inside `builder` itself (a public
// Dockerfile's note: "without above line: … circular dependency detected on stage: build"; code corpus).
import type { RuleInput } from '../../schema.js';

export const circularStageDependency: RuleInput = {
  id: 'buildkit/circular-stage-dependency',
  title: 'Dockerfile stage depends on itself',
  severity: 'error',
  match: [
    {
      literals: ['circular dependency detected on stage'],
      pattern: 'circular dependency detected on stage: (?<stage>[\\w.-]{1,200})',
    },
  ],
  context: [
    // BuildKit's location block: `Dockerfile:148` then ` 148 | >>> COPY --from=builder /usr/local/nginx /usr/local/nginx`
    { name: 'location', literals: ['>>> '], pattern: '^\\s{0,8}(?<line>\\d{1,6}) \\| >>> (?<instruction>[^\\n]{1,300})$' },
  ],
  scope: 'build',
  maxFindings: 1,
  specificity: 3,
  message:
    'BuildKit refused the Dockerfile: stage `{stage}` depends on itself. A `COPY --from={stage}` (or `--mount=from={stage}`) ' +
    'is inside the stage `{stage}`, or inside a stage that `{stage}` itself copies from, so no stage can be built first.',
  fix: [
    'Find the `FROM … AS {stage}` line and every `--from={stage}` below it. The usual cause is a missing `FROM` line: the',
    'final stage\'s `FROM` was deleted, so its `COPY --from={stage}` lines now belong to `{stage}` itself. Start the stage',
    'that copies from `{stage}` with its own `FROM` line (for example the runtime base image), or copy from an earlier stage.',
  ].join('\n'),
  variants: [
    {
      when: 'location',
      message:
        'BuildKit refused the Dockerfile: stage `{stage}` depends on itself. Line {context.location.line} ' +
        '(`{context.location.instruction}`) copies from `{stage}` while being part of `{stage}` (or of a stage `{stage}` ' +
        'copies from), so no stage can be built first.',
      fix: [
        'Look above Dockerfile line {context.location.line} for the nearest `FROM` line: that is the stage this `COPY` belongs',
        'to. If it is `FROM … AS {stage}`, the line that should start the final stage is missing: add a `FROM` line (the runtime',
        'base image) between the end of the `{stage}` stage and line {context.location.line}. Otherwise rename one of the',
        'stages or copy from an earlier one, so the stages form a chain without a loop.',
      ].join('\n'),
    },
  ],
  docs: 'https://docs.docker.com/build/building/multi-stage/',
};
