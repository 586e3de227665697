// Docker Hub's 429 when the pull was already authenticated (the refusal names the account) or was the builder's own image
// at boot: the fix is not "log in". Each case is a rule fixture (provenance in the fixture folders' READMEs).
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyzeLog } from './support/analyze-log.js';

const fixture = (path: string): string => readFileSync(new URL(`../../fixtures/rules/${path}`, import.meta.url), 'utf8');

describe("Docker Hub's pull limit", () => {
  test('a pull made as an account: its quota is spent, one finding, no advice to log in', async () => {
    const findings = await analyzeLog(fixture('buildkit/base-image-not-found/match-dockerhub-429-pulled-as-account-bpa-1539.log'));
    expect(findings.map((f) => f.ruleId)).toEqual(['buildkit/base-image-not-found']);
    const [f] = findings;
    expect(f?.title).toBe('Docker Hub pull limit of the logged-in account spent (base image)');
    expect(f?.fix).not.toMatch(/log in before|Log in to Docker Hub before/i);
    expect(f?.fix).toContain('docker/login-action');
  });

  test("the builder's own image at boot: login placement and the setup action's driver-opts", async () => {
    const [f] = await analyzeLog(fixture('buildkit/registry-rate-limit/match-pull-limit-booting-buildkit-binfmt-237.log'));
    expect(f?.ruleId).toBe('buildkit/registry-rate-limit');
    expect(f?.title).toBe('Docker Hub pull limit hit while the builder started (moby/buildkit)');
    expect(f?.fix).toContain('driver-opts: image=REGISTRY/moby/buildkit:buildx-stable-1');
  });
});
