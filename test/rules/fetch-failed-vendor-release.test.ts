// apt/fetch-failed on a third-party repository without the suite a line names: the finding names that repository and the
// release it dropped, and for PGDG (which moves dropped releases to apt-archive.postgresql.org) rewrites that line. Debian's
// own mirrors without a release keep the archive.debian.org finding.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { findingOf } from './support/analyze-log.js';

const read = (name: string): string => readFileSync(new URL(`../../fixtures/rules/apt/fetch-failed/${name}`, import.meta.url), 'utf8');

const finding = (text: string) => findingOf('apt/fetch-failed', text);

describe('apt/fetch-failed: a third-party repository without the release', () => {
  test('PGDG without buster-pgdg, Debian\'s buster fetched (Tecnativa/doodba#623): the PGDG line to apt-archive.postgresql.org', async () => {
    const f = await finding(read('match-pgdg-dropped-buster-doodba.log'));
    expect(f.title).toBe('Third-party apt repository no longer serves this release');
    expect(f.message).toContain("PostgreSQL's PGDG apt repository (`http://apt.postgresql.org/pub/repos/apt`)");
    expect(f.message).toContain('it has dropped Debian 10 (buster)');
    expect(f.fix).toContain("xargs -r sed -i 's|//apt.postgresql.org/|//apt-archive.postgresql.org/|g'");
    expect(f.fix).toContain('http://apt-archive.postgresql.org/pub/repos/apt/dists/buster-pgdg/Release');
    expect(f.fix).not.toContain('archive.debian.org');
    expect(f.fix).not.toContain('old-releases.ubuntu.com');
    expect(f.message).not.toContain('a package');
  });

  test("Debian's own mirror without buster: the archive.debian.org finding, not the vendor one", async () => {
    const f = await finding(read('match-debian-buster-eol.log'));
    expect(f.title).toBe('Debian release past its end of life, moved to archive.debian.org');
    expect(f.message).not.toContain('third-party');
  });
});

describe('apt/fetch-failed: an expired key on ROS 2\'s repository', () => {
  test('osrf/docker_images#807: ros2-apt-source, after removing the old source', async () => {
    const f = await finding(read('match-ros2-expkeysig-humble-docker-images-807.log'));
    expect(f!.title).toBe("ROS 2's apt repository key has expired");
    expect(f!.fix).toContain('grep -rl packages.ros.org /etc/apt/sources.list.d/ | xargs -r rm -f');
    expect(f!.fix).toContain('dpkg -i /tmp/ros2-apt-source.deb');
  });

  test("another vendor's expired key (Yarn's) keeps its own advice", async () => {
    const f = await finding(read('match-yarn-subkey-expired-sqv.log'));
    expect(f!.title).not.toContain('ROS');
    expect(f!.fix).not.toContain('ros2-apt-source');
  });
});
