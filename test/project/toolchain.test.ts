// What package.json promises about Node and the scripts the docs name: CI tests every Node major
// that `engines` accepts, and every `npm run X` in README.md and CONTRIBUTING.md is a script.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const pkg = JSON.parse(read('package.json')) as { engines: { node: string }; scripts: Record<string, string>; overrides?: unknown };

describe('toolchain', () => {
  it('CI tests the Node majors of engines, and this Node is one of them', () => {
    const majors = [...pkg.engines.node.matchAll(/(?:\^|>=)(\d+)/g)].map((m) => Number(m[1]));
    const matrix = /node: \[([\d, ]+)\]/.exec(read('.github/workflows/ci.yml'))?.[1]?.split(',').map((n) => Number(n.trim()));
    expect(matrix).toEqual(majors);
    expect(majors).toContain(Number(process.versions.node.split('.')[0]));
  });

  it('every `npm run X` the docs name is a script', () => {
    for (const doc of ['README.md', 'CONTRIBUTING.md']) {
      for (const [, name] of read(doc).matchAll(/npm run ([a-z][\w:-]*)/g)) expect(pkg.scripts[name!], `${doc}: npm run ${name}`).toBeTruthy();
    }
    // local-action is fetched by npx at a pinned version: no floating `latest`.
    expect(pkg.scripts['local-action']).toMatch(/@github\/local-action@\d+\.\d+\.\d+ /);
  });
});
