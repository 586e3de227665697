// buildx/cache-export-failed on Amazon ECR (overhangio/tutor#1118): the finding is on the export step, not on the cache
// import whose box BuildKit printed first, and the ECR variant adds the repository's tag mutability.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { Readable } from 'node:stream';
import { analyzeStream } from '../../src/analyze.js';
import { findingOf } from './support/analyze-log.js';

const read = (name: string): string => readFileSync(new URL(`../../fixtures/rules/buildx/cache-export-failed/${name}`, import.meta.url), 'utf8');
const finding = (text: string) => findingOf('buildx/cache-export-failed', text);

describe('a registry cache refused by ECR', () => {
  test('placed at `exporting cache to registry`, with the OCI manifest and the tag-mutability check', async () => {
    const f = await finding(read('match-ecr-cache-manifest-400-tutor-1118.log'));
    expect(f.message).toContain('Amazon ECR refused');
    expect(f.fix).toContain('`,image-manifest=true,oci-mediatypes=true`');
    expect(f.fix).toContain("aws ecr describe-repositories --repository-names myrepo/openedx --query 'repositories[0].imageTagMutability'");
  });

  test('the build died of the export, not of the cache import whose box came first', async () => {
    const { model, findings } = await analyzeStream(Readable.from([Buffer.from(read('match-ecr-cache-manifest-400-tutor-1118.log'))]));
    const failed = model.steps.find((s) => s.id === model.failedStep);
    expect(failed?.instruction).toBe('exporting cache to registry');
    const f = findings.find((x) => x.ruleId === 'buildx/cache-export-failed');
    expect(f?.step).toBe(model.failedStep);
  });

  // docker/hub-feedback#2322 (Docker Hub, not ECR): the general 400 reading, no ECR check
  test('a 400 from another registry gets no ECR check', async () => {
    const f = await finding(read('match-hub-cacheconfig-400.log'));
    expect(f.title).toBe('Registry refused the build cache manifest');
    expect(f.fix).not.toContain('aws ecr');
  });
});
