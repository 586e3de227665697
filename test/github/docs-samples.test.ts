import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { renderDocSamples } from '../../scripts/docs-samples.js';
import { root } from './make-analysis.js';

it.each(['docs/summary-sample.md', 'docs/comment-sample.md'])('%s is current (run `npm run docs:samples`)', async (file) => {
  const samples = await renderDocSamples(root);
  expect(samples[file]).toBeDefined();
  expect(readFileSync(join(root, file), 'utf8') === samples[file], `${file} is stale`).toBe(true);
});
