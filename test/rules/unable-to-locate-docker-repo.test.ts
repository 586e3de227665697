// apt/unable-to-locate-package on packages of Docker's own apt repository (docker-ce, docker-ce-cli, containerd.io, …):
// the finding names that repository and its `arch=` against the stage's, and gives Docker's install-guide line (the
// architecture read with `dpkg --print-architecture`), not a distribution's snapshot or a rotated pin. A docker-like name
// of a distribution's own (`docker-compose-v2`, Ubuntu's) keeps the generic finding.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { findingOf } from './support/analyze-log.js';

const dir = '../../fixtures/rules/apt/unable-to-locate-package/';
const read = (name: string): string => readFileSync(new URL(dir + name, import.meta.url), 'utf8');

const finding = (text: string) => findingOf('apt/unable-to-locate-package', text);

describe("apt/unable-to-locate-package: Docker's apt repository", () => {
  test('a docker-ce pin and docker-ce-cli / containerd.io missing (Apple silicon): the repository line, not snapshot.debian.org', async () => {
    const f = await finding(read('match-docker-repo-arch-amd64-azuretre.log'));
    expect(f.title).toBe("Docker's apt repository gives this stage no packages");
    expect(f.message).toContain('`docker-ce, docker-ce-cli, containerd.io`');
    expect(f.message).toContain('`deb [arch=amd64] https://download.docker.com/…`');
    expect(f.message).toContain('The pin `5:20.10.17~3-0~debian-buster` names a release too');
    expect(f.fix).toContain('```dockerfile');
    expect(f.fix).toContain('deb [arch=$(dpkg --print-architecture) signed-by=/etc/apt/keyrings/docker.asc]');
    // the guide's own step: a key apt cannot read (a restrictive umask) is ignored
    expect(f.fix).toContain(' && chmod a+r /etc/apt/keyrings/docker.asc \\');
    expect(f.fix).toContain('apt-get install -y --no-install-recommends docker-ce docker-ce-cli containerd.io');
    expect(f.fix).toContain('apt-cache madison docker-ce');
    expect(f.fix).toContain('--platform linux/amd64');
    expect(f.fix).not.toContain('snapshot.debian.org');
  });

  test('docker-ce-cli with no installation candidate: the same finding, without the pin', async () => {
    const f = await finding(read('match-docker-repo-no-candidate-keda.log'));
    expect(f.title).toBe("Docker's apt repository gives this stage no packages");
    expect(f.message).toContain('`docker-ce-cli`');
    expect(f.message).not.toContain('The pin');
    expect(f.fix).toContain('apt-get install -y --no-install-recommends docker-ce-cli');
    expect(f.fix).not.toContain('apt-cache madison');
  });

  test("docker-compose-v2, a distribution's own name: the generic finding", async () => {
    const f = await finding(read('match-docker-compose-v2-debian12-shell.log'));
    expect(f.title).toBe('apt package not found');
    expect(f.message).not.toContain('download.docker.com');
    expect(f.fix).toContain('apt-cache policy docker-compose-v2');
  });
});
