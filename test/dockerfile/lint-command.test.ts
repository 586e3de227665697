import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const sink = (into: string[]) =>
    new Writable({
      write(chunk, _encoding, done) {
        into.push(String(chunk));
        done();
      },
    });
  const code = await runCli(argv, { stdin: Readable.from([]), stdout: sink(out), stderr: sink(err), env: {}, isTTY: false });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

const fixture = (name: string) => `fixtures/dockerfiles/${name}`;

describe('buildkit-doctor lint', () => {
  it('an error finding fails with the default --fail-on error', async () => {
    const { code, stdout, stderr } = await cli('lint', fixture('cuda-arch-unsupported/match-torch-arch-list.Dockerfile'));
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(stdout.split('\n')[0]).toBe(`✖ ${fixture('cuda-arch-unsupported/match-torch-arch-list.Dockerfile')}: 1 error (1 stage checked)`);
    expect(stdout).toContain('dockerfile/cuda-arch-unsupported');
    expect(stdout).toContain(':4');
  });

  it('warnings pass unless --fail-on warning', async () => {
    const file = fixture('pipefail-missing/match.Dockerfile');
    expect((await cli('lint', file)).code).toBe(0);
    expect((await cli('lint', file, '--fail-on', 'warning')).code).toBe(1);
    expect((await cli('lint', file, '--fail-on', 'never')).code).toBe(0);
  });

  it('JSON: the report with no steps and the located findings', async () => {
    const { code, stdout } = await cli('lint', '--format', 'json', '--dockerfile', fixture('unpinned-base-image/match.Dockerfile'));
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.steps).toEqual([]);
    expect(report.findings.map((f: { ruleId: string; location: { line: number } }) => [f.ruleId, f.location.line])).toEqual([
      ['dockerfile/unpinned-base-image', 1],
      ['dockerfile/unpinned-base-image', 2],
      ['dockerfile/unpinned-base-image', 3],
    ]);
  });

  it('a clean Dockerfile says so', async () => {
    const { code, stdout } = await cli('lint', fixture('pipefail-missing/no-match.Dockerfile'));
    expect(code).toBe(0);
    expect(stdout).toBe(`✔ ${fixture('pipefail-missing/no-match.Dockerfile')}: no findings (3 stages checked)\n`);
  });

  it('a missing file is an input error: exit 2, one line, no stack', async () => {
    const { code, stdout, stderr } = await cli('lint', 'no/such/Dockerfile');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^buildkit-doctor: .*no\/such\/Dockerfile/);
  });
});
