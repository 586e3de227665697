// pip/uv-version-required outside an image build: the pip requirement for the uv the project asks for.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyzeLog } from './support/analyze-log.js';

const exactPin = readFileSync(new URL('../../fixtures/rules/pip/uv-version-required/match-uv-run-exact-pin-self-update-hint.log', import.meta.url), 'utf8');

async function fix(text: string): Promise<string> {
  const f = (await analyzeLog(text)).find((x) => x.ruleId === 'pip/uv-version-required');
  expect(f).toBeDefined();
  return f!.fix;
}

describe('pip/uv-version-required: the uv pip installs', () => {
  test('a specifier as uv prints it is the requirement', async () => {
    // uv prints `required-version = "0.11.19"` back as `==0.11.19` (RequiredVersion's Display)
    expect(await fix(exactPin)).toContain('`pip install -U "uv==0.11.19"`');
  });

  test('a bare version gets `==`: pip rejects `uv0.11.19`', async () => {
    // The same real line with the specifier as a bare version, the form the setting itself may take
    // (`required-version = "0.11.19"`, which uv reads as `==0.11.19`); not a captured uv message.
    const bare = exactPin.replace('`==0.11.19`', '`0.11.19`');
    expect(bare).not.toBe(exactPin);
    const text = await fix(bare);
    expect(text).toContain('`pip install -U "uv==0.11.19"`');
    expect(text).not.toContain('"uv0.11.19"');
  });
});
