import type { RuleInput } from '../../schema.js';

// podman build / buildah word the same failure as `Error: building at STEP "COPY a b": checking on sources under
// "/var/tmp/libpod_builder…/build": copier: stat: "/a": no such file or directory`: buildah's add.go stats every local
// source under the context directory (or, for `--from`, under the other stage's root) and returns
// `checking on sources under %q: %v` with the copier's error for that source (containers/buildah add.go, Add;
// instructlab/instructlab#2687). podman and buildah read `.containerignore` or `.dockerignore` in the context's root
// (containers-common's containerignore(5)).
// `COPY --from=<stage> <src>` reads `<src>` in that stage's filesystem from its root: the stage's WORKDIR is not applied
// to a relative source (docker build's behaviour, which buildah's imagebuilder was fixed to match: openshift/imagebuilder#215).
// What a RUN writes under a cache or tmpfs mount's target is in the mount, not in the stage's layer (Dockerfile reference,
// RUN --mount; matze/wastebin#170: Dockerfile.arm builds into `--mount=type=cache,target=/app/target` and copies out one
// binary of two, so `COPY --from=builder /app/wastebin-ctl` finds nothing).

// Next.js's `.next/standalone` and its `output: 'standalone'` setting: src/knowledge/build-output-path.ts (cited there).
// BuildKit's `failed to calculate checksum of ref …: "/x": not found` reads the same for a context source and for a
// `COPY --from` stage's, down to the ref's session prefix (fixtures match-context-next-standalone.log and
// match-from-stage-next-standalone.log, one engine): only the instruction tells them apart.

const NEXT_STANDALONE_FIX = [
  '`.next/standalone` is written by `next build` only when the Next.js config sets `output: \'standalone\'`',
  '(https://nextjs.org/docs/app/api-reference/config/next-config-js/output). If the stage ran `next build` and',
  '`.next` has no `standalone` folder, add the setting to the config\'s object (in `next.config.js` below; in',
  '`next.config.mjs` / `.ts` the object of `export default`) and rebuild:',
  '',
  '```js',
  'module.exports = {',
  "  output: 'standalone',",
  '}',
  '```',
].join('\n');

/** The COPY --from fix: look in the stage, by path and by name, with the builder the log shows. */
function fromStageFix(build: string, run: string): string {
  return [
    'Look inside the stage to see where its output went (by name, in case the build wrote it elsewhere):',
    '',
    '```sh',
    `${build} --target {context.fromStage.stage} -t debug-stage .`,
    `${run} --rm -it debug-stage sh -c 'ls -la "$(dirname /{path})"; find / -xdev -name "$(basename /{path})" 2>/dev/null'`,
    '```',
    'If it is elsewhere, point `COPY --from={context.fromStage.stage}` at that path (an absolute one: a relative source is',
    "read from the stage's root, not from its `WORKDIR`). If it is nowhere, the step of that stage that should make it did",
    'not: read that step\'s output in this log (a build that wrote nothing, a `|| true` that hid a failure, an output',
    'directory set by the build tool, such as CMake\'s or Make\'s build directory). A file written under the target of a',
    '`RUN --mount=type=cache` or `type=tmpfs` stays in that mount and is not in the stage: copy it out of the mount in',
    'the same `RUN`.',
  ].join('\n');
}

/** The fix when the log does not show the instruction: which reading, then the check for each. */
function eitherReadingFix(stageExtra: string): string {
  return [
    'The log does not show the failing instruction. Find it in the Dockerfile (the file `-f` / `file:` names):',
    '',
    '```sh',
    "grep -nF '{path}' Dockerfile   # the COPY / ADD line: with --from= or without?",
    '```',
    'If it has `--from=` naming an earlier stage, that stage did not produce the path. Build the stage alone and look:',
    '',
    '```sh',
    "stage=$(grep -F '{path}' Dockerfile | grep -o -- '--from=[^ ]*' | head -n 1 | cut -d= -f2)",
    'docker buildx build --load --target "$stage" -t check .',
    'docker run --rm check sh -c \'ls -la "$(dirname /{path})"\'',
    '```',
    ...(stageExtra ? [stageExtra] : []),
    'If it has no `--from`, the path is missing from the build context (the last argument of `docker build`):',
    '',
    '```sh',
    'git ls-files --error-unmatch {path}   # tracked? (CI checkouts only have tracked files)',
    'grep -n . .dockerignore                    # a pattern such as * or *.txt excludes it',
    '```',
    'If the file is generated, generate it before `docker build` in the same job, or build it in an earlier stage and',
    '`COPY --from=` that stage.',
  ].join('\n');
}

const CONTEXT_MESSAGE =
  '`{path|A COPY source}` is not in the build context: COPY and ADD read paths relative to the context directory ' +
  '(the last argument of `docker build`), not to the Dockerfile, and never see files excluded by `.dockerignore`.';

const CONTEXT_FIX = [
  'Check that the file is in the context and not ignored:',
  '',
  '```sh',
  'git ls-files --error-unmatch {path}   # tracked? (CI checkouts only have tracked files)',
  'grep -n . .dockerignore                    # a pattern such as * or *.txt excludes it',
  '```',
  'If the file is generated (a wheel, `dist/`), generate it before `docker build` in the same job, or build it',
  'in an earlier stage and `COPY --from=` that stage. If the context is a subdirectory, pass the right one',
  '(`docker build -f docker/Dockerfile .`).',
].join('\n');

const EITHER_MESSAGE =
  '`/{path}` was not found, and the log does not show the instruction that copies it: either a `COPY --from` of an ' +
  'earlier stage that never created it (it is read from that stage\'s filesystem), or a plain `COPY` / `ADD` of a path that is ' +
  'not in the build context (or is excluded by `.dockerignore`). BuildKit words both the same.';

const FROM_STAGE_MESSAGE =
  '`/{path}` does not exist in stage `{context.fromStage.stage}`: `COPY --from` reads it from that stage\'s ' +
  'filesystem, not from the build context, and that stage never created it there (a different output directory, a step ' +
  'that wrote elsewhere or was skipped, or a build that produced nothing).';

/** A COPY / ADD source that is not in the build context, or not in the stage a `COPY --from` names. */
export const copySourceMissing: RuleInput = {
  id: 'buildkit/copy-source-missing',
  title: 'COPY source not found (build context or earlier stage)',
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
    {
      // podman build / buildah: `checking on sources under "<context>": copier: stat: "/<src>": no such file or directory`.
      literals: ['copier: stat:'],
      pattern: 'checking on sources under "[^"\\n]{1,400}": copier: stat: "/?(?<path>[^"\\n]{1,300})": no such file or directory',
    },
  ],
  context: [
    // `COPY --from=builder …`: the path is looked up in another stage, not in the context.
    { name: 'fromStage', source: 'instruction', literals: ['--from='], pattern: '--from=(?<stage>[^\\s]{1,100})' },
    // `RUN --mount=type=bind,src=…` without `from=`: the mount's source comes from the build context too
    // (Dockerfile reference, RUN --mount=type=bind: `from` defaults to the build context).
    { name: 'bindMount', source: 'instruction', literals: ['type=bind'], pattern: '^RUN\\b[^\\n]{0,2000}--mount=type=bind(?![^\\s]{0,300}from=)' },
    // podman build / buildah's wording (above): the fix's commands are podman's, and its ignore file may be .containerignore.
    { name: 'podman', literals: ['copier: stat:'] },
    // The classic builder names the context itself: `file not found in build context or excluded by .dockerignore`.
    { name: 'classicContext', literals: ['not found in build context'] },
  ],
  // Without the instruction (a pasted error line, a CI summary) the log cannot tell the two readings apart.
  message: EITHER_MESSAGE,
  variants: [
    {
      when: 'bindMount',
      title: 'Bind-mount source not found in the build context',
      message:
        '`{path|The mount source}` is not in the build context: a `RUN --mount=type=bind` without `from=` reads its source ' +
        'relative to the context directory (the last argument of `docker build`), as COPY does, and never sees files excluded ' +
        'by `.dockerignore`.',
      fix: CONTEXT_FIX,
    },
    {
      when: 'fromStage&podman',
      title: 'COPY --from source not found in the earlier stage',
      message: FROM_STAGE_MESSAGE,
      fix: fromStageFix('podman build', 'podman run'),
    },
    {
      when: 'fromStage&enrich.nextStandalone',
      title: 'COPY --from source not found in the earlier stage',
      message: FROM_STAGE_MESSAGE,
      fix: `${fromStageFix('docker buildx build --load', 'docker run')}\n\n${NEXT_STANDALONE_FIX}`,
    },
    {
      when: 'fromStage',
      title: 'COPY --from source not found in the earlier stage',
      message: FROM_STAGE_MESSAGE,
      fix: fromStageFix('docker buildx build --load', 'docker run'),
    },
    {
      when: 'podman',
      title: 'COPY source not found in the build context',
      message:
        '`{path|A COPY source}` is not in the build context: COPY and ADD read paths relative to the context directory ' +
        '(the last argument of `podman build`), not to the Containerfile, and never see files excluded by `.containerignore` ' +
        'or `.dockerignore`.',
      fix: [
        'Check that the file is in the context, at that path below it, and not ignored:',
        '',
        '```sh',
        'git ls-files --error-unmatch {path}   # tracked? (CI checkouts only have tracked files)',
        'grep -n . .containerignore .dockerignore 2>/dev/null   # a pattern such as * or *.repo excludes it',
        '```',
        'The source must be the file\'s path relative to the context directory this build was given (the last argument of',
        '`podman build`), whatever directory the Containerfile is in: a path written from the repository\'s root fails when',
        'the context is a subdirectory (such as the Containerfile\'s own directory). Either shorten the COPY source to the',
        'path below that context, or pass the directory it is written from as the context (run `podman build … .` from the',
        'repository\'s root, with `-f` naming the Containerfile). If the file is generated, generate it before `podman build`,',
        'or build it in an earlier stage and `COPY --from=` that stage.',
      ].join('\n'),
    },
    // The instruction is shown and has no `--from`, or the classic builder says "build context" itself.
    { when: '!fromStage', title: 'COPY source not found in the build context', message: CONTEXT_MESSAGE, fix: CONTEXT_FIX },
    { when: 'classicContext', title: 'COPY source not found in the build context', message: CONTEXT_MESSAGE, fix: CONTEXT_FIX },
    { when: 'enrich.nextStandalone', fix: eitherReadingFix(NEXT_STANDALONE_FIX) },
  ],
  fix: eitherReadingFix(''),
  // The path read as a build tool's output folder (Next.js's `.next/standalone`): the stage reading names its setting.
  enrich: 'build-output-path',
  docs: 'https://docs.docker.com/build/concepts/context/',
};
