import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyzeLog } from './support/analyze-log.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../fixtures/rules/pip/require-hashes-unpinned/${name}`, import.meta.url), 'utf8');

const finding = async (text: string) => (await analyzeLog(text)).find((x) => x.ruleId === 'pip/require-hashes-unpinned');

describe('pip/require-hashes-unpinned: the heading as a paste shows it', () => {
  test('a heading wrapped after `versions`, an address shortened to `.../`: setuptools, pip-compile --allow-unsafe', async () => {
    // okfn-brasil/querido-diario#1454
    const f = await finding(fixture('match-wrapped-heading-setuptools-querido-1454.log'));
    expect(f).toBeDefined();
    expect(f!.message).toContain('`setuptools` is not pinned');
    expect(f!.fix).toContain('pip-compile --allow-unsafe --generate-hashes');
  });

  test("pip's other hash-checking heading keeps its own advice, not the unsafe-package one", async () => {
    // mlco2/codecarbon#962: `Hashes are required in --require-hashes mode, but they are missing from some requirements.`
    const f = await finding(fixture('match-missing-hash.log'));
    expect(f).toBeDefined();
    expect(f!.fix).not.toContain('--allow-unsafe');
  });

  test('a hash that differs is not this rule', async () => {
    // DDMAL/Rodan#990: THESE PACKAGES DO NOT MATCH THE HASHES
    expect(await finding(fixture('nomatch-hash-differs.log'))).toBeUndefined();
  });

  test('pip on the command line in an image build keeps the command-line advice', async () => {
    // GoogleCloudPlatform/k8s-config-connector#1785: `pip install --require-hashes --upgrade pip`
    const f = await finding(fixture('match-command-line-pip.log'));
    expect(f!.message).toContain('given on the command line');
  });
});
