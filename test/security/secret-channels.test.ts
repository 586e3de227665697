// Every secret format of secret-formats.ts, each in a failed build whose reports quote the secret's
// line (step name, evidence, error block), through every output format of the bundled CLI. Each
// log's marker must reach the output (the line was reported) and its secret must not (it was
// masked). The action's channels are driven the same way in test/action/action-e2e.test.ts.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { SECRET_LOG_DOCKERFILE, secretLogs } from './secret-formats.js';
import { CHILD_HANG_MS } from '../support/hang-guard.js';

const CLI = path.resolve('dist/cli.cjs');
const dir = mkdtempSync(path.join(tmpdir(), 'bkd-secrets-'));
const logs = secretLogs(2);
const files = logs.map(({ marker, log }) => {
  const file = path.join(dir, `${marker}.log`);
  writeFileSync(file, log);
  return file;
});
const dockerfile = path.join(dir, 'Dockerfile');
writeFileSync(dockerfile, SECRET_LOG_DOCKERFILE);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** One CLI run; the five formats run side by side (this file's time is mostly process start-up). */
function cli(format: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [CLI, ...files, '--dockerfile', dockerfile, '--format', format, '--fail-on', 'never'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, NO_COLOR: '1' },
      maxBuffer: 64 * 1024 * 1024,
      timeout: CHILD_HANG_MS,
    }, (_error, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr }));
  });
}

describe('every secret format through every CLI format', () => {
  const formats = ['text', 'json', 'markdown', 'sarif', 'github'];
  const runs = new Map(formats.map((format) => [format, cli(format)] as const));
  test.each(formats)('--format %s', async (format) => {
    const result = await runs.get(format)!;
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const leaked = logs.filter((l) => l.secrets.some((secret) => result.stdout.includes(secret))).map((l) => l.marker);
    const unreported = logs.filter((l) => !result.stdout.includes(l.marker)).map((l) => l.marker);
    expect(leaked).toEqual([]);
    if (format !== 'github') {
      expect(unreported).toEqual([]);
      return;
    }
    // GitHub draws 10 annotations of a level per step: what did not fit is counted in one last notice.
    const left = /::notice title=buildkit-doctor::(\d+) more findings? not annotated/.exec(result.stdout);
    if (unreported.length > 0) {
      expect(left).not.toBeNull();
      expect(Number(left![1])).toBeGreaterThanOrEqual(unreported.length);
    }
  });
});
