// shell/unbound-variable on bash's indirect expansion: `!var: unbound variable` means the variable NAMED BY var's value
// is unset, not var; a plain `NAME: unbound variable` keeps the advice to set NAME.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyzeLog } from './support/analyze-log.js';

const read = (name: string): string => readFileSync(new URL(`../../fixtures/rules/shell/unbound-variable/${name}`, import.meta.url), 'utf8');

async function finding(text: string) {
  const f = (await analyzeLog(text)).find((x) => x.ruleId === 'shell/unbound-variable');
  expect(f).toBeDefined();
  return f!;
}

describe('shell/unbound-variable: indirect expansion', () => {
  test('`!var: unbound variable`: the variable var names is unset, and var is not', async () => {
    const f = await finding(read('match-indirect-expansion.log'));
    expect(f.message).toContain('`${!var}` is an indirect expansion');
    expect(f.message).not.toContain('was never set');
    expect(f.fix).toContain('`${!var:-}`');
    expect(f.fix).toContain('`"${var}"`');
    expect(f.fix).not.toContain('ARG var=');
  });

  test('`PS1: unbound variable`, no `!`: not the indirect finding', async () => {
    const f = await finding(read('match-nvidia-ps1.log'));
    expect(f.message).not.toContain('indirect expansion');
  });
});
