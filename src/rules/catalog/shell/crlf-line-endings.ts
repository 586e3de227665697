// A shell script saved with Windows (CRLF) line endings: every line ends in a carriage return, so `set -e` reaches the
// shell as `set -e\r`, and `\r` is no option. The shells print the option they refused, the carriage return being
// invisible, so the message ends at the dash:
// - BusyBox sh (Alpine): `/config/entrypoint.sh: set: line 2: illegal option -` (unoconv/unoserver-docker#7, fixed with
//   dos2unix);
// - dash (Debian's and Ubuntu's /bin/sh): `crlf.sh: 2: set: Illegal option -` followed by `\r` (dash 0.5.12-2 on this
//   machine, `printf 'set -e\r\n' > crlf.sh; dash crlf.sh`).
// With a real option after the dash (`Illegal option -o pipefail`: dash before Debian 13 has no pipefail) it is another
// cause, which shell/bash-only-in-sh and the Dockerfile check pipefail-missing read. The fix is the one of
// runtime/exec-no-such-file: `sed -i 's/\r$//'` (GNU and BusyBox sed read `\r`), and `*.sh text eol=lf` in
// .gitattributes with `git add --renormalize .` (git-scm.com/docs/gitattributes, "eol"; git-scm.com/docs/git-add).
// The name before the line number is the shell's `$0`: a script's path, or the shell itself when the commands came as text
// (`sh -c "$(cat crlf.sh)"` gives `sh: 1: set: Illegal option -`, dash 0.5.12 on this machine; a `RUN` runs `/bin/sh -c`). The
// shell is no script to convert: that form names no file.
// The other CRLF sign, dash's `FILE: N: Syntax error: "&&" unexpected` (also `"||"`, `"|"`): a line that starts with the
// operator, because the line before it ends in `\` followed by the carriage return, so the backslash escapes the `\r`, not
// the newline, and the command ends there (dash 0.5.12-2 on this machine: `printf 'echo a \\\r\n&& echo b\r\n' > crlf.sh;
// dash crlf.sh` prints `crlf.sh: 2: Syntax error: "&&" unexpected`, and `"||"` / `"|"` for those operators). The same line
// comes from an LF script whose `\` is missing (`printf 'echo a\n&& echo b\n'`, same output), so the fix checks with `cat -A`
// first. dash before 0.5.11 names the script twice (`/tmp/install_ta-lib.sh: 4: /tmp/install_ta-lib.sh: Syntax error: …`,
// freqtrade/freqtrade#1567, fixed by keeping the script LF). Another token (`Syntax error: "(" unexpected`, bash-only syntax
// such as an array run by dash: `printf 'arr=(a b)\n' > x.sh; dash x.sh`) is another cause, not read here.
import type { RuleInput } from '../../schema.js';

// After a conversion: the same words as runtime/exec-no-such-file's CRLF fix.
const KEEP_LF =
  '(or `dos2unix` where it is installed), and keep Git from converting it again: a `.gitattributes` at the root of the ' +
  'repository with the line `*.sh text eol=lf`, then `git add --renormalize .` and a commit (Git on Windows checks text ' +
  'files out with CRLF under `core.autocrlf`).';

const OPERATOR_LITERALS = ['Syntax error: "&&" unexpected', 'Syntax error: "||" unexpected', 'Syntax error: "|" unexpected'];
const OPERATOR_PATTERN =
  '(?<![\\w/.-])(?!(?:/usr)?(?:/bin/)?(?:sh|dash|ash|bash|busybox):)(?<opScript>[^\\s:`\'"]{1,300}): (?<opLine>\\d{1,7}): (?:[^\\s:]{1,300}: )?' +
  'Syntax error: "(?<op>&&|\\|\\||\\|)" unexpected';

export const crlfLineEndings: RuleInput = {
  id: 'shell/crlf-line-endings',
  title: 'Shell script has Windows (CRLF) line endings',
  severity: 'error',
  match: [
    {
      // BusyBox: `FILE: set: line 2: illegal option -`; dash: `FILE: 2: set: Illegal option -`; nothing but the invisible
      // `\r` (or the paste's closing quote) after the dash
      literals: ['llegal option -'],
      pattern:
        '(?:(?:/usr)?(?:/bin/)?(?:sh|dash|ash|bash|busybox): |(?<script>[^\\s:`\'"]{1,300}): )?(?:set: line \\d{1,7}|\\d{1,7}: set): ' +
        '[Ii]llegal option -\\r?[`\'"]?\\s*$',
    },
    {
      // dash: `FILE: 4: Syntax error: "&&" unexpected`, older dash `FILE: 4: FILE: Syntax error: …`; a script's name only (the
      // shell's own name is commands given as text, which this form does not read)
      literals: OPERATOR_LITERALS,
      pattern: OPERATOR_PATTERN,
    },
  ],
  context: [
    // the operator form of the match above, with a script's name (its variant reads the names from here: the rule's match
    // can be the `set` form while the log also holds the shell's own `dash: 2: Syntax error: "&&" unexpected`)
    { name: 'operatorLine', literals: OPERATOR_LITERALS, pattern: OPERATOR_PATTERN },
    {
      // the shell's own name where a script's would be: the commands were given as text (`sh -c`)
      name: 'shellText',
      literals: ['llegal option -'],
      pattern: '(?:^|\\s)(?:/usr)?(?:/bin/)?(?:sh|dash|ash|bash|busybox): (?:set: line \\d{1,7}|\\d{1,7}: set): [Ii]llegal option -\\r?[`\'"]?\\s*$',
    },
  ],
  scope: 'step',
  specificity: 3,
  message:
    'The shell refused an option it printed as a bare `-`: the option is a carriage return, invisible in the log. `{script|The script}` ' +
    'has Windows (CRLF) line endings, so its `set -e` line reaches the shell as `set -e\\r` (dash and BusyBox sh both say `illegal ' +
    'option -` for it).',
  fix: [
    'Check the line ends (`\\r \\n` is CRLF): `head -3 {script|FILE} | od -c`. Convert the script where the image is built, after the',
    '`COPY` of it:',
    '',
    '```dockerfile',
    "RUN sed -i 's/\\r$//' {script|/entrypoint.sh}",
    '```',
    '',
    KEEP_LF,
    'A script mounted into the container at run time (a bind mount, a ConfigMap)',
    'is converted in its source the same way: `sed -i \'s/\\r$//\' FILE`.',
  ].join('\n'),
  variants: [
    {
      when: 'operatorLine',
      title: 'Shell script has Windows (CRLF) line endings (a line starts with an operator)',
      message:
        'dash found line {context.operatorLine.opLine} of `{context.operatorLine.opScript}` starting with `{context.operatorLine.op}`: the line before it did not continue onto it. Its trailing `\\` ' +
        'escapes a carriage return instead of the newline when the script has Windows (CRLF) line endings, so the command ends ' +
        'there; the same error comes from a line before it with no `\\` at all.',
      fix: [
        'See which it is, on the script in your checkout (or in the image): a `^M` before the `$` is CRLF:',
        '',
        '```sh',
        'cat -A {context.operatorLine.opScript} | sed -n \'1,{context.operatorLine.opLine}p\'',
        '```',
        '',
        'With `^M$`, convert the script where the image is built, in the `RUN` before it runs (after the `COPY` of it):',
        '',
        '```dockerfile',
        "RUN sed -i 's/\\r$//' {context.operatorLine.opScript}",
        '```',
        '',
        KEEP_LF,
        'Without `^M`, the line before line {context.operatorLine.opLine} lacks the `\\` that continues it: add it.',
      ].join('\n'),
    },
    {
      when: 'shellText',
      message:
        'The shell refused an option it printed as a bare `-`: the option is a carriage return, invisible in the log. The shell names ' +
        'itself where a script\'s path would be, so it ran commands given to it as text (`sh -c`, as a `RUN` line runs them), and that ' +
        'text ends its lines with Windows (CRLF) line endings: its `set -e` reaches the shell as `set -e\\r`.',
      fix: [
        'Find where the commands come from: a file read into the command (`sh -c "$(cat FILE)"`, an env file, a here-document) saved',
        'with CRLF line endings. Check a file\'s line ends with `head -3 FILE | od -c` (`\\r \\n` is CRLF), and convert it before it is',
        'read:',
        '',
        '```sh',
        "sed -i 's/\\r$//' FILE",
        '```',
        '',
        '(or `dos2unix FILE`), then keep Git from converting it again: a `.gitattributes` at the root of the repository with a line',
        'such as `*.sh text eol=lf` for those files, then `git add --renormalize .` and a commit.',
      ].join('\n'),
    },
  ],
  docs: 'https://git-scm.com/docs/gitattributes#_eol',
};
