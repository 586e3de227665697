// apt/release-info-changed: a moving suite (`testing`) whose Codename moved (status-im/nimbus-eth1#3635), the generic
// reading for another field, and apt's notice (`N:`), which does not stop the update. The two one-line inputs are lines
// quoted in public material: a BuildKit build of continuumio/miniconda (buster, `E:`) and a bookworm upgrade note (`N:`).
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyzeLog, findingOf } from './support/analyze-log.js';

const nimbus = readFileSync(new URL('../../fixtures/rules/apt/release-info-changed/match-testing-codename-trixie-forky-nimbus.log', import.meta.url), 'utf8');

describe('apt/release-info-changed', () => {
  test('testing moved from trixie to forky: pin the base to trixie, or accept the change', async () => {
    const f = await findingOf('apt/release-info-changed', nimbus);
    expect(f.title).toBe('The image follows a moving suite, and it moved to a new release');
    expect(f.fix).toContain('FROM debian:trixie');
    expect(f.fix).toContain('apt-get update --allow-releaseinfo-change');
  });

  test("a pocket's Codename carries the pocket: the image tag is the release's name alone", async () => {
    // apache/arrow#47323 (a `debian:testing` image after trixie's release), its testing-updates line
    const line =
      "#15 1.433 E: Repository 'http://deb.debian.org/debian testing-updates InRelease' changed its 'Codename' value from 'trixie-updates' to 'forky-updates'\n";
    const f = await findingOf('apt/release-info-changed', line);
    expect(f.title).toBe('The image follows a moving suite, and it moved to a new release');
    expect(f.fix).toContain('FROM debian:trixie\n');
    expect(f.fix).not.toContain('debian:trixie-updates');
    expect(f.fix).toContain('To follow the suite into `forky` instead');
  });

  test('a named release whose Suite moved: the generic reading', async () => {
    const line = "E: Repository 'http://deb.debian.org/debian buster InRelease' changed its 'Suite' value from 'stable' to 'oldstable'\n";
    const f = await findingOf('apt/release-info-changed', line);
    expect(f.title).toBe('apt stopped: a repository changed its release information');
    expect(f.fix).toContain('--allow-releaseinfo-change');
  });

  test("near miss: apt's notice does not stop the update", async () => {
    const notice = "N: Repository 'http://deb.debian.org/debian bookworm InRelease' changed its 'Suite' value from 'stable' to 'oldstable'\n";
    const findings = await analyzeLog(notice);
    expect(findings.some((f) => f.ruleId === 'apt/release-info-changed')).toBe(false);
  });
});
