// apt/fetch-failed on a 404 for a package file: stale lists only when the log does not show them refreshed. After an
// `apt-get update` the log shows (apt's `InRelease` lines, a traced or typed update), the repository's index and its
// files disagree (docker/docker-install#544), and the fix is the previous version, not another update.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { findingOf } from './support/analyze-log.js';

const read = (name: string): string => readFileSync(new URL(`../../fixtures/rules/apt/fetch-failed/${name}`, import.meta.url), 'utf8');

const finding = (text: string) => findingOf('apt/fetch-failed', text);

describe('apt/fetch-failed: a package file answering 404', () => {
  test('get.docker.com traced the update, then containerd.io 2.2.1 was gone (docker/docker-install#544): index and pool disagree', async () => {
    const f = await finding(read('match-vendor-deb-404-fresh-lists-get-docker.log'));
    expect(f.title).toBe('Package file missing from the repository that lists it');
    expect(f.message).toContain('`containerd.io`');
    expect(f.message).toContain('`download.docker.com`');
    expect(f.message).not.toContain('stale (');
    expect(f.fix).toContain('apt-cache madison containerd.io');
    expect(f.fix).toContain('`containerd.io=` followed by that version');
    // the install the script ran, the last one traced, less its redirection
    expect(f.fix).toContain('apt-get -y -qq install docker-ce docker-ce-cli containerd.io docker-compose-plugin docker-ce-rootless-extras docker-buildx-plugin docker-model-plugin`');
    expect(f.fix).not.toContain('old-releases');
  });

  test('an install with no update in it or in the log (jupyter/docker-demo-images#69): still stale lists', async () => {
    const f = await finding(read('match-deb-404-stale-lists-install-only.log'));
    expect(f.title).not.toBe('Package file missing from the repository that lists it');
    expect(f.message).toContain('the package lists are stale');
  });
});
