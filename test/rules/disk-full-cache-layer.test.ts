// resources/disk-full: a failed write under a package manager's cache (sgl-project/sglang#7081, pip's http-v2 cache while the
// builder registers a layer) is most often that RUN's own cache, fixed by keeping the cache out of the layer; `failed to
// register layer` is a pull's wording too, so the message names that reading (a base image shipping the cache); a failed write
// anywhere else in a registered layer (the build-push-action fixture: `write /opt/conda/lib/libnppial.so…`) keeps the
// pull reading.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyzeLog } from './support/analyze-log.js';

const read = (name: string): string => readFileSync(new URL(`../../fixtures/rules/resources/disk-full/${name}`, import.meta.url), 'utf8');

async function finding(text: string) {
  const f = (await analyzeLog(text)).find((x) => x.ruleId === 'resources/disk-full');
  expect(f).toBeDefined();
  return f!;
}

describe('resources/disk-full: a package cache in the layer', () => {
  test("pip's cache in the failed write: --no-cache-dir or a cache mount", async () => {
    const f = await finding(read('match-register-layer-pip-cache-sglang-7081.log'));
    expect(f.message).toContain("pip's download cache (`/root/.cache/pip`)");
    expect(f.fix).toContain('pip install --no-cache-dir');
    expect(f.fix).toContain('RUN --mount=type=cache,target=/root/.cache/pip');
    expect(f.fix).not.toContain('slimming later layers');
    expect(f.message).toContain('a base image that ships such a cache fails the same way while it is pulled');
  });

  test('a registered layer that fails elsewhere is still read as a pull', async () => {
    const f = await finding(read('match-build-push-action-register-layer.log'));
    expect(f.message).not.toContain('cache');
  });
});
