// A container that cannot start its entrypoint though the file is in the image: `exec /entrypoint.sh: no such file or
// directory` (runc 1.x: libcontainer/system's Exec returns `&os.PathError{Op: "exec", Path: cmd, Err: err}`), or from older
// runc `standard_init_linux.go:211: exec user process caused "no such file or directory"`. runc looks the file up first
// (`exec.LookPath(l.config.Args[0])` in libcontainer/standard_init_linux.go), so a file that is not there fails earlier
// and otherwise (`exec: "/entrypoint.sh": stat /entrypoint.sh: no such file or directory`); the ENOENT of execve itself
// means "a script or ELF interpreter does not exist" (execve(2), ERRORS, ENOENT). For a script that is the program on its
// `#!` line: a script saved with Windows line endings reads `#!/bin/sh\r`, and no `/bin/sh\r` exists (ericc-ch/copilot-api#137,
// fixed by PR #138's `.gitattributes`; bodleian/iiif-static-choices#20, fixed by converting to LF and `*.sh text eol=lf`);
// or the interpreter is not in the image (`#!/bin/bash` on Alpine, whose base has BusyBox's sh only). For a program, its
// ELF loader (`/lib64/ld-linux-x86-64.so.2` of a glibc build, absent on Alpine's musl or `scratch`).
// The fix: `sed -i 's/\r$//'` (GNU sed and BusyBox sed both read `\r`: BusyBox editors/sed.c copy_parsing_escapes,
// "GNU sed also recognizes \t and \r"); `eol=lf` in .gitattributes keeps LF in the working tree on every checkout, and
// `git add --renormalize .` re-applies the attributes to files already committed (git-scm.com/docs/gitattributes, "eol";
// git-scm.com/docs/git-add, --renormalize). `od -c` shows the carriage return as `\r`.
// Not this rule: `exec: "…": executable file not found in $PATH` or `stat …: no such file or directory` (the file is not
// there: another cause and fix), `exec format error` (buildx/exec-format-error), Go's `fork/exec …` (a program that runs
// another one, not the container's start).
import type { RuleInput } from '../../schema.js';

const CHECK_SCRIPT = [
  'Look at the end of the script\'s first line, in the image (or with `head -1 FILE | od -c` on the file in your checkout):',
  '',
  '```sh',
  "docker run --rm --entrypoint sh IMAGE -c 'head -1 {path|/entrypoint.sh} | od -c'   # ends in \\r \\n: Windows (CRLF) line endings",
  '```',
  '',
].join('\n');

const CRLF_FIX = [
  'With `\\r` there, the script has Windows line endings (Git on Windows usually checks text files out with CRLF: `core.autocrlf`), ' +
    'so the kernel looks for an interpreter whose name ends in a carriage return. Convert it where the image is built, after the ' +
    '`COPY` of the script:',
  '',
  '```dockerfile',
  "RUN sed -i 's/\\r$//' {path|/entrypoint.sh} && chmod +x {path|/entrypoint.sh}",
  '```',
  '',
  'and keep Git from converting it again: a `.gitattributes` at the root of the repository with the line `*.sh text eol=lf`, then ' +
    '`git add --renormalize .` and a commit.',
].join('\n');

const INTERPRETER_FIX =
  'Without `\\r`, the interpreter the `#!` line names is not in the image (`#!/bin/bash` in an Alpine or slim image that has only ' +
  '`sh`): `docker run --rm --entrypoint sh IMAGE -c \'head -1 {path|/entrypoint.sh}; ls -l /bin/bash\'` shows which it is and whether ' +
  'it exists. Install it in the Dockerfile (`RUN apk add --no-cache bash` on Alpine), or start the script with `#!/bin/sh` when it ' +
  'uses no bash features.';

export const execNoSuchFile: RuleInput = {
  id: 'runtime/exec-no-such-file',
  title: 'Container cannot start its entrypoint (Windows line endings or missing interpreter)',
  severity: 'error',
  match: [
    // `exec /entrypoint.sh: no such file or directory`, also after compose's `app-1  | `, in backticks of a report or
    // right after a sentence (`日志报错exec /app/entrypoint.sh: …`); not Go's `fork/exec /usr/bin/x: no such file or directory`
    {
      literals: ['exec /', 'exec ./'],
      pattern: '(?<![\\w/.-])exec (?<path>\\.{0,2}/[^\\s:`"\']{1,300}): no such file or directory',
    },
    // runc before 1.1: `standard_init_linux.go:211: exec user process caused "no such file or directory"`
    { literals: ['exec user process caused'], pattern: 'exec user process caused:? "?no such file or directory' },
  ],
  context: [{ name: 'script', literals: ['.sh: no such file', '.bash: no such file'], pattern: 'exec \\S{1,300}\\.(?:sh|bash): no such file or directory' }],
  scope: 'step',
  specificity: 3,
  message:
    'The container could not start `{path|its entrypoint}`: the file is in the image, but the program that runs it is not. The runtime ' +
    'looks the file up before it starts it (a missing file fails earlier, with `stat …: no such file or directory`), so this error is the ' +
    'kernel\'s: the interpreter the file asks for does not exist: for a script, the program on its first line (`#!…`); for a compiled ' +
    'program, its loader (`/lib64/ld-linux-x86-64.so.2` of a glibc build, absent on Alpine or `scratch`).',
  fix: [
    'See which it is: `head -c 4 FILE | od -c` shows `#  !` for a script and `177  E  L  F` for a program.',
    '',
    CHECK_SCRIPT,
    CRLF_FIX,
    '',
    INTERPRETER_FIX,
    '',
    'A program whose loader is missing: build it statically (Go: `CGO_ENABLED=0`), or run it on a base image with glibc (Debian, Ubuntu).',
  ].join('\n'),
  variants: [
    {
      when: 'script',
      title: 'Entrypoint script cannot start: Windows line endings or a missing interpreter',
      message:
        'The container could not start the script `{path}`: the file is in the image, but the program on its first line (`#!…`) does not ' +
        'exist. The runtime looks the script up before it starts it (a missing file fails earlier, with `stat …: no such file or directory`), ' +
        'so this error is the kernel\'s, about the script\'s interpreter. The usual cause is Windows line endings: the first line then ' +
        'reads `#!/bin/sh\\r`, and there is no program named `sh\\r`; the other is an interpreter the image does not have.',
      fix: [CHECK_SCRIPT, CRLF_FIX, '', INTERPRETER_FIX].join('\n'),
    },
  ],
  docs: 'https://git-scm.com/docs/gitattributes#_eol',
};
