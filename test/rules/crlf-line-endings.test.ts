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
});
