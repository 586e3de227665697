import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyzeLog } from './support/analyze-log.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../fixtures/rules/apt/fetch-failed/${name}`, import.meta.url), 'utf8');

const finding = async (name: string) => (await analyzeLog(fixture(name))).find((x) => x.ruleId === 'apt/fetch-failed');

describe("apt/fetch-failed: an archived Debian release's suite seen on apt's Err: line alone", () => {
  test('a third-party mirror of debian-security buster/updates, the paste cut before any E: line: a notice, the archive address', async () => {
    // sonic-net/sonic-buildimage#23336
    const f = await finding('match-debian-buster-security-mirror-cut-sonic-23336.log');
    expect(f).toBeDefined();
    expect(f!.severity).toBe('notice');
    expect(f!.message).toContain('Debian 10 (buster)');
    expect(f!.fix).toContain('`http://archive.debian.org/debian-security buster/updates`');
    expect(f!.fix).toContain(
      "sed -i 's|http://debian-archive.trafficmanager.net/debian-security|http://archive.debian.org/debian-security|g'",
    );
  });

  test("Debian's own mirrors with apt's E: lines keep the release's finding", async () => {
    const f = await finding('match-debian-buster-eol.log');
    expect(f!.title).toBe('Debian release past its end of life, moved to archive.debian.org');
  });

  test('an Err: line of a release still served (bookworm) is not read as an archived one', async () => {
    const f = await finding('match-debian-archive-nopubkey-rust-bookworm.log');
    expect(f?.title ?? '').not.toContain('end of life');
  });
});
