// apt/apk-unable-to-select when the name apk could not select is a provider name (`so:libcrypto.so.3`, a shared
// library), not a package: the finding names the library and the package that needs it, and points at repositories of
// two Alpine releases, not at a renamed package. A package the table of removed Alpine packages knows (libssl1.1)
// gets its replacement and the last release that has it, not an `apk search` that finds nothing.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { apkUnableToSelect } from '../../src/rules/catalog/apt/apk-unable-to-select.js';
import { alpineReleaseLacks, removedApkPackage } from '../../src/knowledge/apk-removed-packages.js';
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

describe('apt/apk-unable-to-select: a dependency of a package, not the command\'s request', () => {
  test('py3-selenium required by bareos-webui on edge (barcus/bareos#92): the package needs it, no renaming advice', async () => {
    const f = await findingOf('apt/apk-unable-to-select', read('match-dependency-missing-edge-bareos-92.log'));
    expect(f.title).toBe('apk: a package in the repositories needs a package no repository here has');
    expect(f.message).toContain('`bareos-webui-20.0.0-r0`: it depends on `py3-selenium`');
    expect(f.fix).toContain('apk policy py3-selenium');
    expect(f.fix).not.toContain('use the name the release has now');
  });

  test("the command's own request (`world[…]`) and a provider name are not a package's dependency", async () => {
    const dependency = contextPattern('dependencyOf');
    // the command's request: match-alpine-316-python2-legacy.log
    expect(dependency.test('    required by: world[python]')).toBe(false);
    // a provider name: angristan/docker-pleroma#68
    expect(dependency.test('    required by: libsrt-1.5.1-r0[so:libcrypto.so.3]')).toBe(false);
    const f = await findingOf('apt/apk-unable-to-select', read('match-alpine-316-python2-legacy.log'));
    expect(f.title).not.toContain('needs a package no repository here has');
  });
});

describe('apt/apk-unable-to-select: packages newer Alpine releases removed', () => {
  test('libssl1.1 with no release in the log (MicrosoftDocs/PowerShell-Docs#11429): libssl3, or FROM alpine:3.18', async () => {
    const f = await findingOf('apt/apk-unable-to-select', read('match-libssl11-removed-powershell.log'));
    expect(f.title).toBe('apk package removed from newer Alpine releases');
    expect(f.fix).toContain('replace `libssl1.1` with `libssl3`');
    expect(f.fix).toContain('`FROM alpine:3.18`');
    expect(f.fix).not.toContain('apk search');
  });

  test('libssl1.1 after v3.19 index lines: the release is named', async () => {
    // MicrosoftDocs/PowerShell-Docs#10817 (description, 2024-01-23), the log as quoted there
    const text = [
      '> fetch https://dl-cdn.alpinelinux.org/alpine/v3.19/main/x86_64/APKINDEX.tar.gz ',
      '> fetch https://dl-cdn.alpinelinux.org/alpine/v3.19/community/x86_64/APKINDEX.tar.gz',
      '>   ERROR: unable to select packages:',
      '>     libssl1.1 (no such package):',
      '>      required by: world[libssl1.1]',
    ].join('\n');
    const f = await findingOf('apt/apk-unable-to-select', text);
    expect(f.message).toContain("this image's Alpine, v3.19, does not ship it");
  });

  test('the table compares releases: 3.18 has OpenSSL 1.1, 3.19 and edge do not, an unknown release is unknown', () => {
    const pkg = removedApkPackage('libssl1.1');
    expect(pkg?.replacement).toBe('libssl3');
    if (pkg === null) return;
    expect(alpineReleaseLacks(pkg, 'v3.18')).toBe(false);
    expect(alpineReleaseLacks(pkg, 'v3.19')).toBe(true);
    expect(alpineReleaseLacks(pkg, 'edge')).toBe(true);
    expect(alpineReleaseLacks(pkg, undefined)).toBeNull();
    expect(removedApkPackage('libssl3')).toBeNull();
  });
});
