// QEMU in multi-platform builds: a fatal QEMU line quoted without its timestamp, and an image of a build target on an
// x86-64 host whose shell cannot run. Each case is a rule fixture (provenance in the fixture folders' READMEs).
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyzeLog } from './support/analyze-log.js';

const fixture = (path: string): string => readFileSync(new URL(`../../fixtures/rules/${path}`, import.meta.url), 'utf8');

describe('QEMU stopped on an instruction', () => {
  test('a quoted `#35 qemu: uncaught target signal 4` is the failure, and the fix leads with a newer binfmt QEMU', async () => {
    const [f] = await analyzeLog(fixture('runtime/illegal-instruction/match-qemu-timestamp-dropped-quack-312.log'));
    expect(f?.ruleId).toBe('runtime/illegal-instruction');
    expect(f?.title).toBe('QEMU emulation met an instruction it cannot run');
    expect(f?.fix.indexOf('image: tonistiigi/binfmt:qemu-v')).toBeGreaterThan(-1);
    expect(f?.fix.indexOf('image: tonistiigi/binfmt:qemu-v')).toBeLessThan(f?.fix.indexOf('ubuntu-24.04-arm') ?? 0);
  });

  test('signal 11 under QEMU is not an illegal instruction', async () => {
    const findings = await analyzeLog(fixture('runtime/illegal-instruction/nomatch-qemu-signal-11-libc-bin.log'));
    expect(findings.map((f) => f.ruleId)).not.toContain('runtime/illegal-instruction');
  });
});

describe('an image of a build target on an x86-64 host', () => {
  test('arm64 stage on an amd64 host, the warning wrapped: register QEMU first, in the workflow form', async () => {
    const [f] = await analyzeLog(fixture('buildx/exec-format-error/match-goreleaser-arm64-image-amd64-host-152.log'));
    expect(f?.ruleId).toBe('buildx/exec-format-error');
    expect(f?.title).toBe('Image for another platform on an x86-64 host with no emulator (exec format error)');
    expect(f?.message).toContain('linux/arm64/v8');
    expect(f?.fix).toMatch(/^Register QEMU/);
    expect(f?.fix).toContain('- uses: docker/setup-qemu-action@v4\n- uses: docker/setup-buildx-action@v4');
  });

  test("the docker CLI's WARNING at a docker run is a run, not a build missing QEMU", async () => {
    const [f] = await analyzeLog(fixture('buildx/exec-format-error/match-docker-run-arm64-only-image-pg-easy-replicate-14.log'));
    expect(f?.ruleId).toBe('buildx/exec-format-error');
    expect(f?.title).toBe('Image built for another architecture than this host');
  });
});

describe("a step under BuildKit's fallback QEMU (`/dev/.buildkit_qemu_emulator` in front of its command)", () => {
  test('the prefix is the diagnosis: register current QEMU, the binfmt command first', async () => {
    for (const file of ['match-buildx-900-npm-install.log', 'match-woodpecker-484-alpine323-apk-trigger.log']) {
      const [f] = await analyzeLog(fixture(`buildx/bundled-qemu-emulator/${file}`));
      expect(f?.ruleId, file).toBe('buildx/bundled-qemu-emulator');
      expect(f?.fix).toContain('docker run --privileged --rm tonistiigi/binfmt --install all');
      expect(f?.fix).toContain('docker/setup-qemu-action@v4');
    }
  });

  test('an apk trigger that cannot execve under the fallback is named', async () => {
    const [f] = await analyzeLog(fixture('buildx/bundled-qemu-emulator/match-woodpecker-484-alpine323-apk-trigger.log'));
    expect(f?.message).toContain('execve: No such file or directory');
  });

  test('the SELinux xattr refused on the copy of the fallback: register QEMU, or BuildKit v0.27.0', async () => {
    const [f] = await analyzeLog(fixture('buildx/bundled-qemu-emulator/match-buildx-584-selinux-xattr-copy.log'));
    expect(f?.ruleId).toBe('buildx/bundled-qemu-emulator');
    expect(f?.title).toBe('BuildKit could not copy its fallback QEMU on an SELinux host');
    expect(f?.message).toContain('linux/arm/v7');
    expect(f?.fix).toContain('moby/buildkit:v0.27.0');
  });

  test('a cause named in the step outranks the fallback (exec format error, illegal instruction)', async () => {
    const loading = await analyzeLog(fixture('buildx/bundled-qemu-emulator/nomatch-qemu-without-fix-binary-flag.log'));
    expect(loading[0]?.ruleId).toBe('buildx/exec-format-error');
    const sigill = await analyzeLog(fixture('runtime/illegal-instruction/match-qemu-arm64-exit-132.log'));
    // The paste's failing command is the build's error, QEMU's signal a line outside any step: one failure, whose most
    // specific finding (the signal) is the only one.
    expect(sigill.map((f) => f.ruleId)).toEqual(['runtime/illegal-instruction']);
  });
});
