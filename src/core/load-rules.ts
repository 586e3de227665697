// Loads the built-in catalog, merged with a user's rule file (JSON or YAML, same schema): a user
// rule with a built-in id replaces it, `{id, enabled: false}` turns it off. Every problem in a
// user's file is one line naming the field (`rules[2].match[0].pattern: …`), never a stack trace.
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { InputError } from './errors.js';
import { SECRET_RULE_ID } from '../rules/secret-in-log.js';
import { builtinRuleSet } from '../rules/builtin-rules.js';
import { ruleProblems } from '../rules/compile.js';
import { ruleSchema, type Rule } from '../rules/schema.js';

/** Rules a user file may hold: plenty for a project, bounded for a hostile file. */
const maxUserRules = 500;

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out === '' ? String(part) : `.${String(part)}`;
  return out;
}

function parseText(text: string, name: string): unknown {
  const ext = name.toLowerCase().match(/\.(json|ya?ml)$/)?.[1];
  const asJson = ext === 'json' || (ext === undefined && /^\s*[[{]/.test(text));
  try {
    return asJson ? JSON.parse(text) : parseYaml(text, { maxAliasCount: 50 });
  } catch (err) {
    const detail = (err as Error).message.split('\n')[0] ?? 'unreadable';
    throw new InputError(`${name}: not valid ${asJson ? 'JSON' : 'YAML'}: ${detail}`);
  }
}

function issueLine(name: string, prefix: (string | number)[], issue: z.core.$ZodIssue): string {
  return `${name}: ${formatPath([...prefix, ...issue.path])}: ${issue.message}`;
}

function isDisable(entry: unknown): entry is { id: string; enabled: false } {
  if (typeof entry !== 'object' || entry === null) return false;
  const keys = Object.keys(entry);
  return (entry as { enabled?: unknown }).enabled === false && keys.every((k) => k === 'id' || k === 'enabled');
}

/** The rules of a user's file, validated; `disabled` lists the ids it turns off. */
export function parseUserRules(text: string, fileName = 'rules file'): { rules: Rule[]; disabled: string[] } {
  const doc = parseText(text, fileName);
  const list: unknown = Array.isArray(doc) ? doc : (doc as { rules?: unknown } | null)?.rules;
  if (!Array.isArray(list)) throw new InputError(`${fileName}: expected an object with a "rules" list`);
  if (doc !== null && typeof doc === 'object' && !Array.isArray(doc)) {
    const extra = Object.keys(doc).filter((k) => k !== 'rules');
    if (extra.length > 0) throw new InputError(`${fileName}: ${extra[0]}: unknown key (only "rules" is allowed)`);
  }
  if (list.length > maxUserRules) throw new InputError(`${fileName}: rules: at most ${maxUserRules} rules`);

  const rules: Rule[] = [];
  const disabled: string[] = [];
  const seen = new Set<string>();
  list.forEach((entry: unknown, i) => {
    const at: (string | number)[] = ['rules', i];
    const id = (entry as { id?: unknown } | null)?.id;
    if (typeof id === 'string') {
      if (seen.has(id)) throw new InputError(`${fileName}: ${formatPath([...at, 'id'])}: "${id}" appears twice`);
      seen.add(id);
    }
    if (isDisable(entry)) {
      if (typeof id !== 'string' || !/^[a-z0-9-]+\/[a-z0-9-]+$/.test(id)) {
        throw new InputError(`${fileName}: ${formatPath([...at, 'id'])}: ids are "family/name" in lower-case kebab`);
      }
      disabled.push(id);
      return;
    }
    const parsed = ruleSchema.safeParse(entry);
    if (!parsed.success) throw new InputError(issueLine(fileName, at, parsed.error.issues[0]!));
    const problem = ruleProblems(parsed.data)[0];
    if (problem) throw new InputError(`${fileName}: ${formatPath([...at, ...problem.path])}: ${problem.message}`);
    rules.push(parsed.data);
  });
  return { rules, disabled };
}

/** The built-in catalog merged with the user's rule file, if any. */
export function loadRules(userText?: string, fileName?: string): Rule[] {
  return loadRuleSet(userText, fileName).rules;
}

export interface RuleSet {
  /** The enabled rules. */
  rules: Rule[];
  /**
   * `security/secret-in-log` is reported by the redactor, not by a line rule (its catalog entry is
   * disabled by design): false when the user's file turns it off. The masking happens regardless.
   */
  reportSecrets: boolean;
}

/** The rules of a run, and whether secret findings are wanted. */
export function loadRuleSet(userText?: string, fileName?: string): RuleSet {
  const rules = [...builtinRuleSet()];
  if (userText === undefined) return { rules: rules.filter((r) => r.enabled), reportSecrets: true };
  const name = fileName ?? 'rules file';
  const user = parseUserRules(userText, name);
  for (const id of user.disabled) {
    const i = rules.findIndex((r) => r.id === id);
    if (i < 0) throw new InputError(`${name}: ${id}: no built-in rule has this id, nothing to disable`);
    rules.splice(i, 1);
  }
  for (const rule of user.rules) {
    const i = rules.findIndex((r) => r.id === rule.id);
    if (i >= 0) rules[i] = rule;
    else rules.push(rule);
  }
  return { rules: rules.filter((r) => r.enabled), reportSecrets: !user.disabled.includes(SECRET_RULE_ID) };
}
