// apt/fetch-failed on the signs of a Docker host too old for the image (knowledge/host-seccomp.ts): the official
// images' docker-clean hook that apt could not start, fitted to where it ran, and near misses that are not it.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyzeLog, findingOf } from './support/analyze-log.js';

const read = (name: string): string => readFileSync(new URL(`../../fixtures/rules/apt/fetch-failed/${name}`, import.meta.url), 'utf8');

describe("apt's docker-clean Post-Invoke hook that could not start", () => {
  test('in a Dockerfile RUN (classic builder): host checks, the seccomp test with docker run, the older tag', async () => {
    const f = await findingOf('apt/fetch-failed', read('match-postinvoke-seccomp-debian-stable-classic.log'));
    expect(f.title).toContain('too old for this image');
    expect(f.message).toContain('`APT::Update::Post-Invoke`');
    expect(f.fix).toContain('dpkg -l | grep libseccomp');
    expect(f.fix).toContain('`docker build` has no such switch');
  });

  test('under docker run: the switch on that docker run is the stopgap', async () => {
    const f = await findingOf('apt/fetch-failed', read('match-postinvoke-seccomp-jammy-docker-run.log'));
    expect(f.message).toContain('Ubuntu 22.04');
    expect(f.fix).toContain('to this `docker run`');
    expect(f.fix).not.toContain('`docker build` has no such switch');
  });

  test("another hook's failure (Ubuntu's appstream Post-Invoke-Success) is that script's own error", async () => {
    // ubuntuforums thread "The AppStream system cache was updated, but some errors were detected, Ubuntu 18.04" (baaridun,
    // 2020-03-07), the lines of the post as stored
    const text = [
      'The AppStream system cache was updated, but some errors were detected, which might lead to missing metadata. Refer to the verbose log for more information.',
      'Reading package lists... Done',
      "E: Problem executing scripts APT::Update::Post-Invoke-Success 'if /usr/bin/test -w /var/cache/app-info -a -e /usr/bin/appstreamcli; then appstreamcli refresh-cache > /dev/null; fi'",
      'E: Sub-process returned an error code',
      '',
    ].join('\n');
    expect((await analyzeLog(text)).some((x) => x.ruleId === 'apt/fetch-failed')).toBe(false);
  });

  test("a lone invalid-signature warning of the distribution's own archive: the host checks, the full-disk branch too", async () => {
    const f = await findingOf('apt/fetch-failed', read('match-debian-archive-invalid-signature-lone-line.log'));
    expect(f.title).toContain("distribution's own archive");
    expect(f.fix).toContain('docker builder prune');
    expect(f.fix).toContain('dpkg -l | grep libseccomp');
  });

  test("the same warning for a third-party repository is not the distribution's archive", async () => {
    // one line of the ubuntuforums thread "xenial sources.list broken" (kmkwood, 2017-02-28): a PPA's signature
    const text =
      'W: An error occurred during the signature verification. The repository is not updated and the previous index files will be used. GPG error: http://ppa.launchpad.net/mscore-ubuntu/mscore-stable/ubuntu xenial InRelease: At least one invalid signature was encountered.\n';
    expect((await analyzeLog(text)).some((x) => x.ruleId === 'apt/fetch-failed')).toBe(false);
  });
});

describe("the distribution's archive refused in a machine's own shell", () => {
  test('a prompt with `sudo apt update`: the keyrings apt reads and the disk, no Docker host', async () => {
    const f = await findingOf('apt/fetch-failed', read('match-host-shell-distro-invalid-signature-xenial.log'));
    expect(f.title).toBe("apt rejects the distribution's own archive: not a missing key");
    expect(f.message).toContain('`_apt` user');
    expect(f.fix).toContain('ls -la /etc/apt/trusted.gpg /etc/apt/trusted.gpg.d/');
    expect(f.message).not.toContain('Docker');
  });
});
