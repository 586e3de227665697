// apt/unable-to-locate-package when a third-party repository's Release file was fetched but no package index at all:
// the repository may list no index for this architecture (an arm64 build of an amd64-only repository). A repository
// whose index for the architecture was fetched keeps the other readings.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { findingOf } from './support/analyze-log.js';

const dir = '../../fixtures/rules/apt/unable-to-locate-package/';
const read = (name: string): string => readFileSync(new URL(dir + name, import.meta.url), 'utf8');
const finding = (text: string) => findingOf('apt/unable-to-locate-package', text);
const TITLE = 'apt package not found: the repository has no index for this architecture';

describe('apt/unable-to-locate-package: a repository with no index for this architecture', () => {
  test("packagecloud's amqproxy repository on an M1 build (cloudamqp/amqproxy#94): its Release file, --platform linux/amd64", async () => {
    const f = await finding(read('match-vendor-repo-no-arm64-index-amqproxy.log'));
    expect(f.title).toBe(TITLE);
    expect(f.message).toContain('`https://packagecloud.io/cloudamqp/amqproxy/debian` (`bullseye`)');
    expect(f.fix).toContain("curl -fsSL https://packagecloud.io/cloudamqp/amqproxy/debian/dists/bullseye/Release | grep -iE '^architectures:|binary-'");
    expect(f.fix).toContain('docker build --platform linux/amd64 .');
    expect(f.fix).not.toContain('Names differ between releases');
  });

  test("ROS's repository with its arm64 index fetched (match-arm64-ros-foxglove.log): not this reading", async () => {
    const f = await finding(read('match-arm64-ros-foxglove.log'));
    expect(f.title).not.toBe(TITLE);
  });
});
