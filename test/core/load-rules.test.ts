import { describe, expect, test } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { builtinRuleSet } from '../../src/rules/builtin-rules.js';
import { loadRuleSet, loadRules } from '../../src/core/load-rules.js';
import { reportOf } from '../../src/report/json.js';

const custom = {
  id: 'acme/licence-server',
  title: 'Licence server unreachable',
  severity: 'error',
  match: [{ literals: ['LICENSE_SERVER'], pattern: 'LICENSE_SERVER=(?<host>\\S{1,100}) unreachable' }],
  message: 'The licence server {host} was unreachable.',
  fix: 'Start the VPN step before the build.',
};

function inputError(text: string, name?: string): string {
  try {
    loadRules(text, name);
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    const message = (err as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error('expected an InputError');
}

describe('loading rules', () => {
  test('the built-in catalog alone, enabled rules only', () => {
    const rules = loadRules();
    expect(rules.length).toBe(builtinRuleSet().filter((r) => r.enabled).length);
    expect(rules.every((r) => r.enabled)).toBe(true);
  });

  test('turning security/secret-in-log off drops its findings; masking stays', async () => {
    const { analyzeStream } = await import('../../src/analyze.js');
    const { Readable } = await import('node:stream');
    const log = '#4 0.3 + docker login --username ci --password Sup3rS3cret registry.example.com\n';
    const off = loadRuleSet(JSON.stringify({ rules: [{ id: 'security/secret-in-log', enabled: false }] }), 'rules.json');
    expect(off.reportSecrets).toBe(false);
    expect(loadRuleSet().reportSecrets).toBe(true);
    const quiet = await analyzeStream(Readable.from([log]), off);
    expect(quiet.findings.map((f) => f.ruleId)).not.toContain('security/secret-in-log');
    expect(JSON.stringify(reportOf(quiet))).not.toContain('Sup3rS3cret');
    const loud = await analyzeStream(Readable.from([log]), loadRuleSet());
    expect(loud.findings.map((f) => f.ruleId)).toContain('security/secret-in-log');
  });

  test('a JSON file adds rules, with defaults applied', () => {
    const rules = loadRules(JSON.stringify({ rules: [custom] }), 'rules.json');
    const added = rules.find((r) => r.id === 'acme/licence-server');
    expect(added).toMatchObject({ scope: 'step', minCount: 1, only: 'any', specificity: 3 });
    expect(rules.length).toBe(loadRules().length + 1);
  });

  test('YAML by extension or by content; overriding and disabling built-ins by id', () => {
    const yaml = [
      'rules:',
      '  - id: resources/disk-full',
      '    enabled: false',
      '  - id: shell/command-not-found',
      '    title: Tool missing from our base image',
      '    severity: warning',
      '    match:',
      "      - literals: ['command not found']",
      '    message: install it',
      '    fix: add it to base.Dockerfile',
    ].join('\n');
    for (const name of ['rules.yaml', undefined]) {
      const rules = loadRules(yaml, name);
      expect(rules.some((r) => r.id === 'resources/disk-full')).toBe(false);
      const replaced = rules.filter((r) => r.id === 'shell/command-not-found');
      expect(replaced).toHaveLength(1);
      expect(replaced[0]).toMatchObject({ title: 'Tool missing from our base image', severity: 'warning' });
      // The override keeps the built-in's place in the catalog order.
      const at = (id: string) => rules.findIndex((r) => r.id === id);
      expect(at('shell/command-not-found')).toBe(at('shell/unbound-variable') + 1);
    }
  });

  test('a bare list of rules is accepted', () => {
    expect(loadRules(JSON.stringify([custom]), 'rules.json').some((r) => r.id === custom.id)).toBe(true);
  });

  test('errors name the file and the field, on one line', () => {
    expect(inputError(JSON.stringify({ rules: [{ ...custom, severity: 'fatal' }] }), 'ci/rules.json')).toMatch(/^ci\/rules\.json: rules\[0\]\.severity: /);
    expect(inputError(JSON.stringify({ rules: [custom, { ...custom, id: 'Bad Id' }] }), 'r.json')).toMatch(/^r\.json: rules\[1\]\.id: ids are "family\/name"/);
    expect(inputError(JSON.stringify({ rules: [{ ...custom, match: [{ literals: [] }] }] }), 'r.json')).toMatch(/rules\[0\]\.match\[0\]\.literals: /);
    expect(inputError(JSON.stringify({ rules: [{ ...custom, colour: 'red' }] }), 'r.json')).toMatch(/rules\[0\]: .*colour/);
    expect(inputError(JSON.stringify({ rules: [{ ...custom, match: undefined }] }), 'r.json')).toMatch(/rules\[0\]\.match: a rule needs "match"/);
  });

  test('patterns must compile and run in linear time', () => {
    const withPattern = (pattern: string) => JSON.stringify({ rules: [{ ...custom, match: [{ literals: ['boom'], pattern }] }] });
    expect(inputError(withPattern('(?<x>unclosed'), 'r.json')).toMatch(/^r\.json: rules\[0\]\.match\[0\]\.pattern: invalid regular expression/);
    expect(inputError(withPattern('^(a+)+$'), 'r.json')).toMatch(/rules\[0\]\.match\[0\]\.pattern: regular expression may run in super-linear time/);
  });

  test('templates may only name placeholders the rule fills', () => {
    const rule = { ...custom, message: 'server {hostname} down' };
    expect(inputError(JSON.stringify({ rules: [rule] }), 'r.json')).toMatch(/rules\[0\]\.message: \{hostname\}: unknown placeholder/);
    const variant = { ...custom, variants: [{ when: 'vpn', message: 'x' }] };
    expect(inputError(JSON.stringify({ rules: [variant] }), 'r.json')).toMatch(/rules\[0\]\.variants\[0\]\.when: no context matcher is named "vpn"/);
    expect(inputError(JSON.stringify({ rules: [{ ...custom, enrich: 'no-such' }] }), 'r.json')).toMatch(/rules\[0\]\.enrich: unknown enricher "no-such"/);
  });

  test('unreadable files, unknown ids to disable, duplicates', () => {
    expect(inputError('{"rules": [', 'r.json')).toMatch(/^r\.json: not valid JSON: /);
    expect(inputError('rules: [a, : b', 'r.yml')).toMatch(/^r\.yml: not valid YAML: /);
    expect(inputError('just a string', 'r.yml')).toMatch(/expected an object with a "rules" list/);
    expect(inputError(JSON.stringify({ rules: [{ id: 'nope/nothing', enabled: false }] }), 'r.json')).toMatch(/nope\/nothing: no built-in rule has this id/);
    expect(inputError(JSON.stringify({ rules: [custom, custom] }), 'r.json')).toMatch(/rules\[1\]\.id: "acme\/licence-server" appears twice/);
    expect(inputError(JSON.stringify({ rules: [], version: 2 }), 'r.json')).toMatch(/version: unknown key/);
  });
});
