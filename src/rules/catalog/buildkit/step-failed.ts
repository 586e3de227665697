// The fallback: a failed step (or a solve error with no step) that no specific rule explains.
// Specificity 1, so any specific error finding about the same failure replaces it. It says only what
// the log shows: the instruction when there is one, the exit code when the log prints it
// (`step-outcome` enricher), never a placeholder for either.
import type { RuleInput } from '../../schema.js';
import { unpinnedFlashAttnVariant } from '../pip/unpinned-flash-attn.js';
import { unpinnedTorchExtensionVariants } from './unpinned-torch-extension.js';

/** The fix when the failure's lines are outside any step: the log is a cut, the first error is above it. */
function outsideFix(why: string): string {
  return [
    "These lines are the end of the failed step's output, cut from the log around BuildKit's error; the first",
    `error is further up (${why}): a compiler's \`error:\`, ninja's \`FAILED:\`, a \`CMake Error\`. Rebuild with`,
    '`--progress=plain` and keep the whole output, then read it from the first error down.',
  ].join('\n');
}

const EOL_MESSAGE_DEBIAN =
  'The build failed in `{instruction}`, and the log ends before apt\'s error. This stage is {enrich.eolRelease}, whose support ended ' +
  'on {enrich.eolEnded}: Debian has since moved its suites from deb.debian.org and security.debian.org to archive.debian.org, so an ' +
  'apt that reads the old sources gets 404 for every `Release` file. That is the likeliest cause; apt\'s error lines, which this log ' +
  'does not keep, would confirm it. {enrich.exitNote}';

const EOL_MESSAGE_UBUNTU =
  'The build failed in `{instruction}`, and the log ends before apt\'s error. This stage is {enrich.eolRelease}, which reached its end ' +
  'of life on {enrich.eolEnded}: Ubuntu has since moved its suites from archive.ubuntu.com and security.ubuntu.com to ' +
  'old-releases.ubuntu.com, so an apt that reads the old sources gets 404 for every `Release` file. That is the likeliest cause; ' +
  'apt\'s error lines, which this log does not keep, would confirm it. {enrich.exitNote}';

/** Confirm the move (the step's full output, or the mirror and the archive asked directly), then the way off it. */
function eolFix(then1: string, then2: string, stopgap: string): string {
  return [
    'Confirm it: the step\'s whole output (rebuild with `--progress=plain`) shows `Err:… {enrich.eolCodename} Release` with a',
    "404 and `E: The repository '… {enrich.eolCodename} Release' does not have a Release file`. Or ask the mirror and the",
    'archive directly: `404` from the first and `200` from the second mean the release moved.',
    '',
    '```sh',
    'curl -sI {enrich.eolMirror}/dists/{enrich.eolCodename}/Release | head -n 1',
    'curl -sI {enrich.eolArchive}/dists/{enrich.eolCodename}/Release | head -n 1',
    '```',
    '',
    then1,
    then2,
    '',
    '```dockerfile',
    stopgap,
    '```',
  ].join('\n');
}

/** The fix when the failed command configures a CMake project from the build context and the log keeps no CMake output. */
const CMAKE_CONTEXT_FIX = [
  'The log keeps no CMake output, so the error itself is not here. Check first what CMake needs from the build context: the',
  'project\'s `CMakeLists.txt` at the top of the directory you pass to `docker build` (`ls CMakeLists.txt` there; the usual',
  'miss is building from a directory that is not the cloned repository), its submodules when the project has them (`git',
  'submodule update --init --recursive`), and no `.dockerignore` entry that leaves sources out. Then rebuild with',
  '`--progress=plain` and keep the whole output: CMake\'s first `CMake Error` names what it could not find.',
].join('\n');

export const stepFailed: RuleInput = {
  id: 'buildkit/step-failed',
  title: 'Build step failed',
  severity: 'error',
  trigger: { kind: 'failure' },
  specificity: 1,
  context: [
    {
      // The step is a Dockerfile instruction (unknown for internal steps and a solve error without a step).
      name: 'instruction',
      source: 'instruction',
      literals: ['RUN', 'COPY', 'ADD', 'FROM', 'WORKDIR', 'ENV', 'ARG', 'USER', 'SHELL', 'LABEL', 'ONBUILD', 'HEALTHCHECK', 'VOLUME', 'EXPOSE', 'CMD', 'ENTRYPOINT', 'STOPSIGNAL'],
      ignoreCase: true,
      pattern: '^\\s*[A-Za-z]{2,11}\\b',
    },
  ],
  // Without a known instruction (an internal step, a step whose header the log lost, or a solve
  // error outside any step): the error as BuildKit printed it, which names the command or the file.
  // The error is log text: in a code span, so nothing in it (a link, a tag) is read as Markdown.
  message: "The build failed and no rule recognised the cause. The builder's error: `{error|none printed}`.",
  fix: [
    'If the error names a command (BuildKit\'s `process "/bin/sh -c …"`, the classic builder\'s `The command \'/bin/sh -c',
    '…\' returned a non-zero code`), its cause is in that command\'s output above the error: compilers, pip and CMake',
    'print it before the exit. When the log holds no more than the error, build again and keep the whole output',
    '(`docker build --progress=plain … 2>&1 | tee build.log`; the classic builder prints everything without the flag).',
    'If the error names a file BuildKit could not load, check the `-f` path, the context directory and the first line',
    'of the Dockerfile (`# syntax=`).',
  ].join('\n'),
  variants: [
    // a known source-build trap, named even when the log keeps only BuildKit's error
    unpinnedFlashAttnVariant,
    ...unpinnedTorchExtensionVariants,
    {
      // A `FROM` image BuildKit could not resolve, the error that says why not in the log (a tty screen pasted without its
      // error box, infiniflow/ragflow#5310); with the error printed, buildkit/base-image-not-found knows its wordings.
      // `docker buildx imagetools inspect` prints an index's platforms (or the registry's refusal); `docker version`'s
      // `.Server.Os` / `.Server.Arch` are the daemon's platform, the one a build asks for by default.
      when: 'enrich.unresolvedBase',
      title: 'Base image could not be resolved',
      message:
        'The build stopped at its base image: BuildKit\'s `load metadata for {enrich.unresolvedBase}` step, which asks the registry ' +
        'for that image\'s manifest for the platform being built, ended in ERROR. The builder\'s error: `{error|not in the log (it ends before the error box)}`.',
      fix: [
        'The usual causes: the tag does not exist (misspelt, removed), the image is private and the builder is not logged in, the',
        'image has no variant for the platform being built (an `amd64`-only image on an `arm64` host, such as Apple silicon or an',
        'ARM server), or the registry did not answer. Which one: ask the registry, and compare with the platform of the Docker host:',
        '',
        '```sh',
        'docker buildx imagetools inspect {enrich.unresolvedBase}',
        "docker version --format '{{{{.Server.Os}}}}/{{{{.Server.Arch}}}}'",
        '```',
        '',
        'If the image lists other platforms only, build for one it has (`docker build --platform linux/amd64 …`, emulated on another',
        'host: slower, and it needs QEMU, which Docker Desktop has) or build that base image for your platform from its Dockerfile.',
        'If the registry answers `not found` or `unauthorized`, fix the tag or `docker login`. To see the error itself, build again',
        'with `--progress=plain`.',
      ].join('\n'),
    },
    {
      // An `apk add` pinning exact package builds (`-rN`) whose error the log does not keep (knowledge/apk-pins-enricher.ts):
      // the likeliest cause is named as such, with the check that confirms or rules it out.
      when: 'instruction&enrich.apkRevisionPins',
      title: 'apk step failed; it pins exact package builds (apk\'s error not in the log)',
      message:
        'The build failed in `{instruction}`, and no rule recognised the cause in the lines the log keeps. The `apk add` of this step pins ' +
        'exact package builds: {enrich.apkRevisionPins}. Alpine keeps only the newest build of each package in a release branch, so a ' +
        'pin with its `-rN` stops resolving (`ERROR: unable to select packages`, `breaks: world[…]`) as soon as the package is rebuilt, ' +
        'with no change to the Dockerfile: the likeliest cause, which apk\'s error lines (not in this log) would confirm. {enrich.exitNote}',
      fix: [
        'Check the pins against the repositories: in this stage\'s base image (its `FROM` line), `apk update && apk policy {enrich.apkPinnedNames}`',
        'lists the versions each package has now. A pinned build not listed is the cause; ease the pins in this step\'s `apk add`, to',
        'the same versions with any build:',
        '',
        '```text',
        '{enrich.apkAnyBuild}',
        '```',
        '',
        'or to their major.minor, which also takes the patch releases the branch ships: `{enrich.apkMinorPins}`. An older Alpine',
        'does not bring an old build back (each branch keeps only its newest). If every pinned build is listed, the cause is',
        'elsewhere: rebuild with `--progress=plain` and read the step\'s output from the bottom up.',
      ].join('\n'),
    },
    // An apt step on a release that has left its distribution's mirrors, the log cut before apt's error
    // (knowledge/apt-eol-step-enricher.ts): the move is named as the likeliest cause, with the check that confirms it.
    // deb.debian.org answers 404 for buster's Release file (`curl -sI http://deb.debian.org/debian/dists/buster/Release`
    // on this project's machine); the archive keeps it (knowledge/eol-releases.ts).
    {
      when: 'instruction&enrich.archiveCommand',
      title: 'apt on a Debian release moved to archive.debian.org (error cut off)',
      message: EOL_MESSAGE_DEBIAN,
      fix: eolFix(
        'Then move the base image to a supported Debian release, {enrich.supported}{enrich.baseNote|}. As a stopgap that keeps the old',
        'release (it gets no security updates), point apt at the archive in a `RUN` before the failing one:',
        'RUN {enrich.archiveCommand}',
      ),
    },
    {
      when: 'instruction&enrich.eolCodename',
      title: 'apt on an Ubuntu release moved to old-releases (error cut off)',
      message: EOL_MESSAGE_UBUNTU,
      fix: eolFix(
        'Then move the base image to a supported Ubuntu release, {enrich.supported}{enrich.baseNote|}. As a stopgap that keeps the old',
        'release (it gets no security updates), point apt at old-releases.ubuntu.com in a `RUN` before the failing one:',
        'RUN {enrich.oldReleasesCommand}',
      ),
    },
    {
      when: 'instruction&enrich.cmakeContext',
      title: 'CMake build of the build context failed (its output is not in the log)',
      message:
        'The build failed in `{instruction}`, a CMake configure and build of the project in the step\'s working directory (`.`, where the Dockerfile copied the build context\'s sources). No ' +
        'rule recognised the cause, and the log keeps none of CMake\'s output. {enrich.exitNote}',
      fix: CMAKE_CONTEXT_FIX,
    },
    {
      when: 'enrich.cmakeContext',
      title: 'CMake build of the build context failed (its output is not in the log)',
      message:
        'The build failed in a command that configures and builds the CMake project in the step\'s working directory (`.`, where the ' +
        'Dockerfile copied the build context\'s sources), and the log keeps only BuildKit\'s error, with none of CMake\'s output.',
      fix: CMAKE_CONTEXT_FIX,
    },
    {
      when: 'instruction',
      message:
        // exitNote last: it is empty when the log shows no exit code (a COPY, a cut log), and a trailing space is trimmed.
        'The build failed in `{instruction}`. No rule recognised the cause; the evidence is the lines of the step that state it ' +
        '(or its last lines when none does). {enrich.exitNote}',
      fix: [
        'Read the evidence from the bottom up: compilers, pip and CMake print the cause before the exit, often',
        'a screen or more above it. To see the step in full, rebuild it with `--progress=plain`; to explore the',
        "failed step's filesystem, start buildx's debugger (buildx 0.12 or later):",
        '',
        '```sh',
        'BUILDX_EXPERIMENTAL=1 docker buildx debug --on=error build --progress=plain .',
        '```',
      ].join('\n'),
    },
    {
      // No step holds the failure (the log was cut around BuildKit's error box, or a traceback was
      // pasted above it), but a tool's error line outside any step names the command that failed.
      when: 'enrich.failedCommand',
      message:
        'The build failed and no rule recognised the cause. No step of the log holds the failure, but the output outside ' +
        'any build step names the command that failed: `{enrich.failedCommand}` exited with status {enrich.failedStatus}.',
      fix: outsideFix('the line that names the command only reports its exit'),
    },
    {
      when: 'enrich.outsideCause',
      message:
        'The build failed and no rule recognised the cause. No step of the log holds the failure, but the output outside ' +
        'any build step shows the error: `{enrich.outsideCause}`.',
      fix: outsideFix('the last error printed is often only the exit'),
    },
  ],
  enrich: ['step-outcome', 'unpinned-flash-attn', 'unpinned-torch', 'apk-pins', 'apt-eol-step'],
  docs: 'https://docs.docker.com/build/debug/',
};
