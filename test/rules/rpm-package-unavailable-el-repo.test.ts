// apt/rpm-package-unavailable names the EL release's extra repository (crb on EL9) only when the log shows that release.
// Both logs are the rule's match fixtures (provenance in fixtures/rules/apt/rpm-package-unavailable/README.md).
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { findingOf } from './support/analyze-log.js';

const dir = 'fixtures/rules/apt/rpm-package-unavailable';
const read = (name: string): string => readFileSync(`${dir}/${name}`, 'utf8');

describe('apt/rpm-package-unavailable: the EL release repository', () => {
  test('Rocky Linux 9: a finder that sees disabled repositories, and crb', async () => {
    const f = await findingOf('apt/rpm-package-unavailable', read('match-rocky9-devel-in-crb-docker-rockylinux9-ansible-1.log'));
    expect(f.fix).toContain("dnf --enablerepo='*' repoquery --info libyaml-devel");
    expect(f.fix).toContain('dnf config-manager --set-enabled crb');
    expect(f.fix).not.toContain('powertools');
  });

  test('an EL7 yum log (no EL8/9 repository names): no crb advice', async () => {
    const f = await findingOf('apt/rpm-package-unavailable', read('match-yum-pinned-tensorrt-classic.log'));
    expect(f.fix).not.toContain('crb');
    expect(f.fix).not.toContain('config-manager');
  });
});

describe('apt/rpm-package-unavailable: dnf, the release not shown', () => {
  test('cloudamqp/lavinmq#1255: a finder that sees disabled repositories, not dnf search', async () => {
    const f = await findingOf('apt/rpm-package-unavailable', read('match-unnamed-release-help2man-lavinmq-1255.log'));
    expect(f.fix).toContain("dnf --enablerepo='*' repoquery --info help2man");
    expect(f.fix).not.toContain('dnf search help2man');
    expect(f.fix).toContain('dnf config-manager --set-enabled crb');
    expect(f.fix).toContain('powertools');
    expect(f.fix).toContain('codeready-builder-for-rhel-9-$(arch)-rpms');
  });
});
