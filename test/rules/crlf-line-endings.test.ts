// shell/crlf-line-endings: `set -e\r` refused by BusyBox sh (unoconv/unoserver-docker#7) or dash, the option printed as a
// bare `-`; and the near miss with a real option after the dash.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyzeLog, findingOf } from './support/analyze-log.js';

const busybox = readFileSync(new URL('../../fixtures/rules/shell/crlf-line-endings/match-busybox-set-illegal-option-unoserver.log', import.meta.url), 'utf8');
// dash 0.5.12-2 on `printf 'set -e\r\n' > crlf.sh; dash crlf.sh` and on `set -o pipefail`
const dashCr = 'crlf.sh: 2: set: Illegal option -\r\n';
const dashPipefail = 'crlf.sh: 2: set: Illegal option -o pipefail\n';
// dash 0.5.12-2 on `printf 'set -e\r\necho hi\r\n' > crlf.sh; /bin/sh -c "$(cat crlf.sh)"`: the shell's own name, no script
const dashText = '/bin/sh: 1: set: Illegal option -\r\n';
const freqtrade = readFileSync(new URL('../../fixtures/rules/shell/crlf-line-endings/match-dash-and-unexpected-freqtrade-1567.log', import.meta.url), 'utf8');
// dash 0.5.12-2 on `printf 'echo a \\\r\n&& echo b\r\n' > crlf.sh; dash crlf.sh` (a `\` before the carriage return), and on
// `printf 'echo a \\\r\n|| echo b\r\n' > crlfor.sh; dash crlfor.sh`
const dashAnd = 'crlf.sh: 2: Syntax error: "&&" unexpected\n';
const dashOr = 'crlfor.sh: 2: Syntax error: "||" unexpected\n';
// dash 0.5.12-2 on `dash -c "$(printf 'echo a \\\r\n&& echo b')"`: the shell's own name, no script
const dashAndText = 'dash: 2: Syntax error: "&&" unexpected\n';
const paren = readFileSync(new URL('../../fixtures/rules/shell/crlf-line-endings/nomatch-dash-paren-unexpected-bash-array.log', import.meta.url), 'utf8');

describe('shell/crlf-line-endings', () => {
  test('BusyBox sh: the script path in the fix', async () => {
    const f = await findingOf('shell/crlf-line-endings', busybox);
    expect(f.fix).toContain("RUN sed -i 's/\\r$//' /config/entrypoint.sh");
    expect(f.fix).toContain('*.sh text eol=lf');
  });

  test('dash: the carriage return after the dash', async () => {
    const f = await findingOf('shell/crlf-line-endings', dashCr);
    expect(f.message).toContain('`crlf.sh`');
  });

  test('commands given as text: the shell is not named as the script to convert', async () => {
    const f = await findingOf('shell/crlf-line-endings', dashText);
    expect(f.fix).not.toContain('/bin/sh');
    expect(f.message).not.toContain('`/bin/sh` has');
    expect(f.fix).toContain("sed -i 's/\\r$//' FILE");
  });

  test('near miss: a real option after the dash is not line endings', async () => {
    const findings = await analyzeLog(dashPipefail);
    expect(findings.some((f) => f.ruleId === 'shell/crlf-line-endings')).toBe(false);
  });

  test('dash: a line that starts with && (older dash names the script twice): check, convert, keep LF', async () => {
    const f = await findingOf('shell/crlf-line-endings', freqtrade);
    expect(f.message).toContain('line 4 of `/tmp/install_ta-lib.sh` starting with `&&`');
    expect(f.fix).toContain("cat -A /tmp/install_ta-lib.sh | sed -n '1,4p'");
    expect(f.fix).toContain("RUN sed -i 's/\\r$//' /tmp/install_ta-lib.sh");
    expect(f.fix).toContain('*.sh text eol=lf');
    expect(f.fix).toContain('git add --renormalize .');
  });

  test('dash 0.5.12: && and || at a line start', async () => {
    expect((await findingOf('shell/crlf-line-endings', dashAnd)).message).toContain('`crlf.sh` starting with `&&`');
    expect((await findingOf('shell/crlf-line-endings', dashOr)).message).toContain('`crlf.sh`'.replace('crlf', 'crlfor'));
  });

  test('near misses: the shell\'s own name (commands as text), and another token', async () => {
    for (const text of [dashAndText, paren]) {
      const findings = await analyzeLog(text);
      expect(findings.some((f) => f.ruleId === 'shell/crlf-line-endings')).toBe(false);
    }
  });

  test('a `set` line with the shell\'s own operator line beside it: the set form, no empty script or line', async () => {
    // dashCr and dashAndText, both produced with dash 0.5.12-2 above, in one log
    const f = await findingOf('shell/crlf-line-endings', dashCr + dashAndText);
    expect(f.message).not.toContain('``');
    expect(f.fix).not.toMatch(/cat -A +\|/);
    expect(f.message).toContain('`crlf.sh`');
  });
});
