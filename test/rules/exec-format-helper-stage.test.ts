// buildx/exec-format-error in a build stage with no emulator: the stage-pinning fix (`--platform=$BUILDPLATFORM`) for a
// stage that only fetches architecture-independent files, and a reproduce command that registers QEMU first and opens the
// shell an Alpine stage has.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { findingOf } from './support/analyze-log.js';

const read = (name: string): string => readFileSync(new URL(`../../fixtures/rules/buildx/exec-format-error/${name}`, import.meta.url), 'utf8');
const finding = (text: string) => findingOf('buildx/exec-format-error', text);

describe('exec format error in a helper stage (sighupio/gangplank#13)', () => {
  test('the fix names the stage to pin to the build platform, and when that applies', async () => {
    const f = await finding(read('match-helper-stage-apk-no-qemu-gangplank-13.log'));
    expect(f.fix).toContain('add `--platform=$BUILDPLATFORM`');
    expect(f.fix).toContain('to the FROM line of the failing stage (ca-certificates)');
    expect(f.fix).toContain('Not for a stage whose results are programs or libraries for the target');
  });

  test('the reproduce registers QEMU before the build and opens sh, not bash, in a stage that runs apk', async () => {
    const f = await finding(read('match-helper-stage-apk-no-qemu-gangplank-13.log'));
    const lines = f.reproduce!.split('\n');
    const binfmt = lines.indexOf('docker run --privileged --rm tonistiigi/binfmt --install all');
    const build = lines.findIndex((l) => l.startsWith('docker buildx build'));
    expect(binfmt).toBeGreaterThanOrEqual(0);
    expect(binfmt).toBeLessThan(build);
    expect(lines[build]).toMatch(/ sh$/);
    expect(f.reproduce).toContain('--invoke sh build');
  });

  test('a docker run of an image of another architecture (shayonj/pg_easy_replicate#14): no stage to pin', async () => {
    const f = await finding(read('match-docker-run-arm64-only-image-pg-easy-replicate-14.log'));
    expect(f.fix).not.toContain('$BUILDPLATFORM');
  });
});
