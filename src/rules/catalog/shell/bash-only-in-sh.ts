// A bash builtin or keyword run by a POSIX sh that lacks it: dash, Debian's and Ubuntu's /bin/sh, has no `source`,
// `pushd`, `popd`, `shopt`, `declare`, `mapfile` / `readarray` or `[[` (dash(1), "Builtins": `.` is its only way to
// read a file into the shell; bash(1), "Shell Builtin Commands", lists `source` as a synonym of `.`), so it looks them
// up as programs and prints `not found`, exit 127. No package provides them: an apt-file search finds nothing.
// dash names the shell or the script, its line number and the word: `/bin/sh: 1: source: not found` for `sh -c`
// (a shell-form Dockerfile RUN / CMD / ENTRYPOINT, whose default shell on Linux is `["/bin/sh", "-c"]`:
// docs.docker.com/reference/dockerfile/#shell), `./docker/setup: 8: ./docker/setup: source: not found` for a script
// (dash before 0.5.11 repeats the script's name; later ones print it once).
//
// The fixes: run the command with bash (`SHELL ["/bin/bash", "-c"]` in a Dockerfile, which RUN and the shell forms of
// CMD and ENTRYPOINT use after it, same docs; `bash script` or a `#!/usr/bin/env bash` first line for a script), or
// write it in POSIX sh: `. FILE` instead of `source FILE`. POSIX `.` searches PATH, not the current directory, for a name
// without a slash (POSIX "dot": "If file does not contain a <slash>, the shell shall use the search path specified by
// PATH"), so `source env.sh` becomes `. ./env.sh`. At `docker run`, a command after the image name replaces the image's
// CMD (docs.docker.com/reference/cli/docker/container/run/).
//
// Threads: PaddlePaddle/Serving#1895 (the image's shell-form CMD `/bin/sh -c 'source …'` on Ubuntu exits 127 at
// `docker run`); mysociety/alaveteli#7614 (a host script `docker/setup` with `source`; the maintainers: "prefix the
// command with `bash` … We should switch to `.`").
import type { RuleInput, Matcher } from '../../schema.js';
import { RUN_COMMAND_CONTEXT } from '../runtime/run-command.js';

/** Words bash has and dash does not (dash(1) Builtins; bash(1) Shell Builtin Commands and `[[`). */
const BASH_WORDS = 'source|pushd|popd|shopt|declare|mapfile|readarray|\\[\\[';

/** dash's not-found line for one of them, from `sh -c` or from a script (the script's name, its line, the word). */
const NOT_FOUND = `(?<shell>[^\\s:]{1,200}): \\d{1,7}: (?:[^\\s:]{1,200}: )?(?<command>${BASH_WORDS}): not found`;

/** For other rules: a line that is this rule's, not a missing program. */
export const BASH_WORD_NOT_FOUND: Matcher[] = [{ literals: [': not found'], pattern: NOT_FOUND }];

const POSIX_FORMS = [
  'or write it in POSIX sh, which every `/bin/sh` runs: `. ./FILE` for `source FILE` (`.` looks a name without a slash up',
  'on `PATH`, not in the current directory, so keep the `./`), `[ … ]` for `[[ … ]]`, `cd DIR` and `cd -` for `pushd` and `popd`.',
].join('\n');

export const bashOnlyInSh: RuleInput = {
  id: 'shell/bash-only-in-sh',
  title: 'A bash builtin run by /bin/sh (dash)',
  severity: 'error',
  only: 'failed-step',
  match: [{ literals: [': not found'], pattern: NOT_FOUND }],
  context: [
    // the `docker run` line, for the image its advice names (the run-command enricher)
    RUN_COMMAND_CONTEXT,
    // `/bin/sh: 1: source: not found`: a `sh -c` command (shell-form RUN / CMD / ENTRYPOINT, `docker run … sh -c`)
    { name: 'shC', literals: [': not found'], pattern: `(?:^|\\s)(?:/usr)?(?:/bin/)?sh: \\d{1,7}: (?:${BASH_WORDS}): not found` },
    // `./docker/setup: 8: ./docker/setup: source: not found`: a script file run by sh
    {
      name: 'script',
      literals: [': not found'],
      pattern: `(?:^|\\s)(?!(?:/usr)?(?:/bin/)?sh:)(?<file>[^\\s:]{1,200}): (?<line>\\d{1,7}): (?:[^\\s:]{1,200}: )?(?:${BASH_WORDS}): not found`,
    },
  ],
  message:
    '`{command}` is a bash builtin, not a program, and the shell that ran it is a POSIX sh without it (`{shell}`: on Debian ' +
    'and Ubuntu `/bin/sh` is dash), so it was looked up as a command and not found (exit code 127). No package provides it.',
  fix: [
    'Run the command with bash, ' + POSIX_FORMS,
  ].join('\n'),
  variants: [
    {
      when: 'script&fact.place=image-build',
      message:
        '`{command}` is a bash builtin, not a program, and `{context.script.file}` (line {context.script.line}) is run by a ' +
        'POSIX sh without it (dash, Debian\'s and Ubuntu\'s `/bin/sh`), so it was looked up as a command and not found (exit ' +
        'code 127). No package provides it.',
      fix: [
        'Run the script with bash in the `RUN` (`bash {context.script.file}`), or make its first line `#!/usr/bin/env bash`',
        '(bash must be in the image: Debian and Ubuntu images have it, Alpine needs `apk add bash`); ' + POSIX_FORMS,
      ].join('\n'),
    },
    {
      when: 'script',
      message:
        '`{command}` is a bash builtin, not a program, and `{context.script.file}` (line {context.script.line}) is run by a ' +
        'POSIX sh without it (its `#!/bin/sh` line, or `sh {context.script.file}`; on Debian and Ubuntu `/bin/sh` is dash), so it ' +
        'was looked up as a command and not found (exit code 127). No package provides it.',
      fix: [
        'Run it with bash, `bash {context.script.file}`, or make its first line `#!/usr/bin/env bash`; for a script meant for',
        'every `/bin/sh`, ' + POSIX_FORMS.replace(/^or /, ''),
      ].join('\n'),
    },
    {
      when: 'fact.place=image-build',
      message:
        '`{command}` is a bash builtin, not a program, and a shell-form `RUN` runs under `/bin/sh -c` (Docker\'s default ' +
        '`SHELL` on Linux), which on Debian and Ubuntu images is dash: it has no `{command}`, so it was looked up as a command ' +
        'and not found (exit code 127). No package provides it.',
      fix: [
        'Make bash the shell of the `RUN` lines that need it, before the first of them (bash must be in the image: Debian and',
        'Ubuntu images have it, Alpine needs `apk add bash`):',
        '',
        '```dockerfile',
        'SHELL ["/bin/bash", "-c"]',
        '```',
        '',
        POSIX_FORMS.replace(/^or /, 'Or '),
      ].join('\n'),
    },
    {
      when: 'fact.place=docker-run',
      message:
        '`{command}` is a bash builtin, not a program, and the container\'s command ran under `/bin/sh -c` (a shell-form ' +
        '`CMD` or `ENTRYPOINT` of the image, or an `sh -c` given to `docker run`), which on Debian and Ubuntu images is dash: it ' +
        'has no `{command}`, so it was looked up as a command and not found, and the container exited with 127 at start. No ' +
        'package provides it.',
      fix: [
        'Give `docker run` the command to run with bash after the image name, which replaces the image\'s `CMD`',
        '(`docker run … {enrich.runImage|IMAGE} bash -c \'…\'`, or `{enrich.runImage|IMAGE} bash` for a shell); `docker image inspect`',
        'shows the command the image runs under `Config.Cmd`. To fix the image, write its command in exec form with bash,',
        '`CMD ["bash", "-c", "…"]`, or put `SHELL ["/bin/bash", "-c"]` before a shell-form `CMD`; ' + POSIX_FORMS,
      ].join('\n'),
    },
  ],
  enrich: 'run-command',
  docs: 'https://docs.docker.com/reference/dockerfile/#shell',
};
