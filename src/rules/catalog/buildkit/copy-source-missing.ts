import type { RuleInput } from '../../schema.js';

/** A COPY / ADD source that is not in the build context (or the named stage). */
export const copySourceMissing: RuleInput = {
  id: 'buildkit/copy-source-missing',
  title: 'COPY source not found in the build context',
  severity: 'error',
  match: [
    {
      // `failed to compute cache key: failed to calculate checksum of ref …: "/requirements.txt": not found`
      // and older BuildKit's `failed to compute cache key: "/app/dist" not found: not found`.
      literals: ['failed to calculate checksum of ref', 'failed to compute cache key'],
      pattern: '"/?(?<path>[^"\\n]{1,300})":? not found',
    },
    {
      // The classic builder: `COPY failed: file not found in build context or excluded by .dockerignore: stat requirements.txt: file does not exist`.
      literals: ['COPY failed:', 'ADD failed:'],
      pattern: '(?:COPY|ADD) failed: (?:[^:\\n]{0,200}: )?stat (?<path>[^:\\n]{1,300}): (?:file does not exist|no such file or directory)',
    },
  ],
  context: [
    // `COPY --from=builder …`: the path is looked up in another stage, not in the context.
    { name: 'fromStage', source: 'instruction', literals: ['--from='], pattern: '--from=(?<stage>[^\\s]{1,100})' },
    // `RUN --mount=type=bind,src=…` without `from=`: the mount's source comes from the build context too
    // (Dockerfile reference, RUN --mount=type=bind: `from` defaults to the build context).
    { name: 'bindMount', source: 'instruction', literals: ['type=bind'], pattern: '^RUN\\b[^\\n]{0,2000}--mount=type=bind(?![^\\s]{0,300}from=)' },
  ],
  message:
    '`{path|A COPY source}` is not in the build context: COPY and ADD read paths relative to the context directory ' +
    '(the last argument of `docker build`), not to the Dockerfile, and never see files excluded by `.dockerignore`.',
  variants: [
    {
      when: 'bindMount',
      title: 'Bind-mount source not found in the build context',
      message:
        '`{path|The mount source}` is not in the build context: a `RUN --mount=type=bind` without `from=` reads its source ' +
        'relative to the context directory (the last argument of `docker build`), as COPY does, and never sees files excluded ' +
        'by `.dockerignore`.',
    },
    {
      when: 'fromStage',
      message:
        '`{path|The COPY source}` does not exist in stage `{context.fromStage.stage}`: that stage never created it ' +
        '(a different output directory, a step that wrote elsewhere, or a build that produced nothing).',
      fix: [
        'Look inside the stage to see where its output went:',
        '',
        '```sh',
        'docker buildx build --target {context.fromStage.stage} -t debug-stage --load .',
        'docker run --rm -it debug-stage sh -c \'ls -la "$(dirname /{path})"\'',
        '```',
        'then point `COPY --from={context.fromStage.stage}` at the path that exists.',
      ].join('\n'),
    },
  ],
  fix: [
    'Check that the file is in the context and not ignored:',
    '',
    '```sh',
    'git ls-files --error-unmatch {path}   # tracked? (CI checkouts only have tracked files)',
    'grep -n . .dockerignore                    # a pattern such as * or *.txt excludes it',
    '```',
    'If the file is generated (a wheel, `dist/`), generate it before `docker build` in the same job, or build it',
    'in an earlier stage and `COPY --from=` that stage. If the context is a subdirectory, pass the right one',
    '(`docker build -f docker/Dockerfile .`).',
  ].join('\n'),
  docs: 'https://docs.docker.com/build/concepts/context/',
};
