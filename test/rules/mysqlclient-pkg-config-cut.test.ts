// shell/command-not-found's mysqlclient finding when mysqlclient's own `Trying pkg-config` line is cut away: pip's
// `Downloading mysqlclient-2.2.0.tar.gz` in the step names the build, and the finding leads over pip/wheel-build-failed.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyzeLog } from './support/analyze-log.js';

const read = (name: string): string => readFileSync(new URL(`../../fixtures/rules/shell/command-not-found/${name}`, import.meta.url), 'utf8');

describe('mysqlclient without pkg-config, its own output cut', () => {
  test('getredash/redash#6419: the pkg-config advice is the first finding, the generic wheel one gone', async () => {
    const findings = await analyzeLog(read('match-mysqlclient-pkg-config-cut-redash.log'));
    expect(findings[0]?.ruleId).toBe('shell/command-not-found');
    expect(findings[0]?.title).toBe("mysqlclient's build needs pkg-config and the MySQL client headers");
    expect(findings[0]?.fix).toContain('pkg-config default-libmysqlclient-dev build-essential');
    expect(findings.some((f) => f.ruleId === 'pip/wheel-build-failed')).toBe(false);
  });

  test('a command missing in a build that is not mysqlclient (cmake under dash): not the mysqlclient finding', async () => {
    const f = (await analyzeLog(read('match-dash-cmake.log'))).find((x) => x.ruleId === 'shell/command-not-found');
    expect(f?.title).not.toContain('mysqlclient');
  });
});
