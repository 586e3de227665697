// pip/resolution-impossible without pip's "The conflict is caused by:" lines: the pin-the-whole-set advice only when
// every requirement pip names in "Cannot install …" has no version.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyzeLog } from './support/analyze-log.js';

const unpinned = readFileSync(new URL('../../fixtures/rules/pip/resolution-impossible/match-unpinned-trigger-no-cause-lines.log', import.meta.url), 'utf8');

async function finding(text: string) {
  const f = (await analyzeLog(text)).find((x) => x.ruleId === 'pip/resolution-impossible');
  expect(f).toBeDefined();
  return f!;
}

describe('pip/resolution-impossible: requirements named without a version', () => {
  test('aden-hive/hive#2683: a constraints file or a dated lock for the whole set', async () => {
    const f = await finding(unpinned);
    expect(f.title).toBe('pip could not resolve requirements that are not pinned');
    expect(f.fix).toContain('pip freeze --exclude-editable > constraints.txt');
    expect(f.fix).toContain('--exclude-newer');
  });

  test('a requirement with a version in the list is not that case', async () => {
    // the real line of a fixture beside this one, with hive#2683's ResolutionImpossible line under it
    const mixed = 'ERROR: Cannot install torch and torchaudio==2.2.0 because these package versions have conflicting dependencies.\nERROR: ResolutionImpossible\n';
    const f = await finding(mixed);
    expect(f.title).not.toBe('pip could not resolve requirements that are not pinned');
  });
});
