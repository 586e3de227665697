// apt/apk-unable-to-select when the name apk could not select is a provider name (`so:libcrypto.so.3`, a shared
// library), not a package: the finding names the library and the package that needs it, and points at repositories of
// two Alpine releases, not at a renamed package.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { apkUnableToSelect } from '../../src/rules/catalog/apt/apk-unable-to-select.js';
import { findingOf } from './support/analyze-log.js';

const dir = '../../fixtures/rules/apt/apk-unable-to-select/';
const read = (name: string): string => readFileSync(new URL(dir + name, import.meta.url), 'utf8');

function contextPattern(name: string): RegExp {
  const c = apkUnableToSelect.context?.find((x) => x.name === name);
  if (c?.pattern === undefined) throw new Error(`no context ${name}`);
  return new RegExp(c.pattern);
}

describe('apt/apk-unable-to-select: provider names', () => {
  test('so:libcrypto.so.3 required by libsrt (angristan/docker-pleroma#68): the library and its package, not "the lines are missing"', async () => {
    const f = await findingOf('apt/apk-unable-to-select', read('match-so-provider-mixed-release-pleroma.log'));
    expect(f.title).toBe('apk: no repository provides a library (or command) a package needs');
    expect(f.message).toContain('`so:libcrypto.so.3`, which `libsrt-1.5.1-r0` needs');
    expect(f.fix).toContain('cat /etc/apk/repositories');
    expect(f.fix).toContain('apk search so:libcrypto.so.3');
    expect(f.fix).not.toContain('are not in this part of the log');
  });

  test("another release's repository in the step: latest-stable and edge match, the base's own numbered release does not", () => {
    const run = contextPattern('otherReleaseRun');
    // angristan/docker-pleroma Dockerfile (FROM alpine:3), the RUN line of the thread's build
    expect(run.exec('set -eux &&  echo "http://nl.alpinelinux.org/alpine/latest-stable/community" >> /etc/apk/repositories &&  apk --update add --no-cache tini su-exec ncurses postgresql-client imagemagick ffmpeg exiftool libmagic')?.groups?.release).toBe('latest-stable');
    // a public Dockerfile's RUN that writes its base's own release (alpine:3.16 AS root-certs)
    expect(run.test('echo "http://dl-cdn.alpinelinux.org/alpine/v3.16/main" > /etc/apk/repositories && echo "http://dl-cdn.alpinelinux.org/alpine/v3.16/community" >> /etc/apk/repositories && apk update')).toBe(false);
  });
});
