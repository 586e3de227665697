// The README's examples are run, not just read: the quick-start scripts exist, the custom-rule
// example loads, and the files it links to are in the repository.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRules } from '../../src/core/load-rules.js';

const root = join(import.meta.dirname, '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

describe('README', () => {
  it('quick start: both commands are scripts of package.json', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(readme).toContain('npm ci && npm run demo');
    expect(readme).toContain('npm ci && npm test');
    expect(pkg.scripts.demo).toBeTruthy();
    expect(pkg.scripts.test).toBeTruthy();
  });

  it('the demo runs as the quick start says: exit 0, and the verdict the README shows', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const run = spawnSync('bash', ['-c', pkg.scripts.demo!], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(run.status).toBe(0);
    const shown = /The demo prints[^\n]*\n\n```text\n([^\n]+)/.exec(readme)?.[1];
    expect(shown).toBeDefined();
    expect(run.stdout.split('\n')[0]).toBe(shown);
  });

  it('the custom-rule example is a valid rule file that adds one rule and turns one off', () => {
    const block = /```yaml\n(rules:[\s\S]*?)```/.exec(readme);
    expect(block).not.toBeNull();
    const rules = loadRules(block![1]!, 'rules.yml');
    const ids = rules.map((r) => r.id);
    expect(ids).toContain('team/flash-attn-wheel');
    expect(ids).not.toContain('cmake/notfound');
    expect(ids).toContain('cuda/unsupported-arch');
  });

  it('links only to files that exist', () => {
    const links = [...readme.matchAll(/\]\(((?:docs|bench|fixtures|src|test)\/[^)#\s]+)\)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(2);
    for (const link of links) expect(existsSync(join(root, link)), link).toBe(true);
  });
});
