// `buildkit-doctor history`: a fake `docker` on PATH replays what the real CLI printed on this
// machine (fixtures/real/buildkit-0.25-dockerd-28.5/history/): the records of real builds, and the
// answers of a docker without buildx and of buildx 0.13. Every failure is one line and exit 2.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { fakeDocker, recordedId, recordedResponses, recordedSession, type FakeAnswer } from '../support/fake-docker.js';

let dir: string;
const responses = recordedResponses;
const runFailsId = recordedId('run-fails');
const fake = (name: string, answers: Record<string, FakeAnswer>) => fakeDocker(join(dir, name), answers);

class Collect extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString('utf8');
    done();
  }
}

async function history(args: string[], path: string) {
  const stdout = new Collect();
  const stderr = new Collect();
  const code = await runCli(['history', ...args], { stdin: Readable.from([]), stdout, stderr, env: { PATH: path }, isTTY: false, stderrIsTTY: false });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

let recordsBin: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bkd-history-cli-'));
  mkdirSync(join(dir, 'empty'));
  recordsBin = fake('records', recordedSession());
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('buildkit-doctor history', () => {
  test("a failed record: the finding on its Dockerfile line, exit 1, the record named on stderr", async () => {
    // the record names its context (relative to where buildx ran: this repository) and Dockerfile
    const dockerfile = 'test/engine/cases/run-fails/Dockerfile';
    const r = await history([runFailsId, '--format', 'json'], recordsBin);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { findings: { ruleId: string; location: { file: string; line: number } | null }[] };
    expect(report.findings[0]).toMatchObject({ ruleId: 'buildkit/step-failed', location: { file: dockerfile, line: 4 } });
    expect(r.stderr).toBe(`buildkit-doctor: build record ${runFailsId} (test/engine/cases/run-fails): failed, 0.5s, 7/8 steps, 0% cached\n`);
  });

  test.each([
    ['no docker on PATH', () => join(dir, 'empty'), /^buildkit-doctor: no docker command on PATH: build records are read with "docker buildx history"/],
    [
      'docker without buildx',
      () => fake('no-buildx', { 'buildx history ls --format json': responses['no-buildx-ls']!, 'buildx version': responses['no-buildx-version']! }),
      /^buildkit-doctor: docker has no buildx plugin \("docker buildx" is an unknown command\)/,
    ],
    [
      'buildx 0.13',
      () => fake('buildx-013', { 'buildx history inspect --format json': responses['buildx-0.13-inspect']!, 'buildx version': responses['buildx-0.13-version']! }),
      /^buildkit-doctor: buildx 0\.13\.1\+ds1 has no "history" command \(it came with buildx 0\.20/,
    ],
    [
      'a daemon that keeps no records',
      () => fake('docker-2010', { 'buildx history inspect --format json': responses['buildx-0.29-docker-20.10-inspect']! }),
      /^buildkit-doctor: the current builder keeps no build records: its BuildKit is older than 0\.11/,
    ],
    [
      'a record that is gone',
      () => fake('gone', { 'buildx history inspect alpskcr597z743bsdxcjyzd5i --format json': responses['buildx-0.29-gone-inspect']! }),
      /^buildkit-doctor: build record "alpskcr597z743bsdxcjyzd5i" is gone from the current builder/,
    ],
  ])('%s: one line, exit 2', async (name, bin, message) => {
    // without buildx only a list was recorded: --since makes the list the first call
    const args = name === 'a record that is gone' ? ['alpskcr597z743bsdxcjyzd5i'] : name === 'docker without buildx' ? ['--since', '1h'] : [];
    const r = await history(args, bin());
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  test('usage mistakes', async () => {
    expect((await history(['--since', 'yesterday'], recordsBin)).stderr).toBe('buildkit-doctor: --since takes a duration such as 30m, 2h or 1h30m (got "yesterday")\n');
    expect((await history(['not a ref!'], recordsBin)).stderr).toMatch(/^buildkit-doctor: "not a ref!" is not a build record ref/);
    const elsewhere = await runCli(['build.log', '--builder', 'ci'], { stdin: Readable.from([]), stdout: new Collect(), stderr: new Collect(), env: {}, isTTY: false });
    expect(elsewhere).toBe(2);
  });
});
