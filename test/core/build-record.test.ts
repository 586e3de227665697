// Build records read back with `docker buildx history`: every docker answer here is one the real CLI
// gave on this machine (fixtures/real/buildkit-0.25-dockerd-28.5/history/), replayed by a fake exec.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { analyzeStream } from '../../src/analyze.js';
import { InputError } from '../../src/core/errors.js';
import { parseDockerfile } from '../../src/dockerfile/dockerfile.js';
import {
  closingBlock,
  describeRecord,
  parseBuildxVersion,
  parseDuration,
  parseHistoryList,
  parseInspect,
  readBuildRecords,
  type DockerExec,
  type ExecResult,
  type RecordQuery,
} from '../../src/core/build-record.js';
import { recordDockerfilePath } from '../../src/core/record-dockerfile.js';

const dir = fileURLToPath(new URL('../../fixtures/real/buildkit-0.25-dockerd-28.5/history/', import.meta.url));
const read = (name: string) => readFileSync(join(dir, name), 'utf8');
const responses = JSON.parse(read('buildx-responses.json')) as Record<string, { args: string[]; exitCode: number; stdout: string; stderr: string }>;
const CASES = ['run-fails', 'copy-missing', 'multistage-pass'] as const;
const ids = Object.fromEntries(CASES.map((c) => [c, (JSON.parse(read(`history-inspect-${c}.json`)) as { Ref: string }).Ref]));

/** What `docker ARGS` printed, from the recorded session (a failing lookup is a test bug, said loudly). */
function recorded(name: string): ExecResult {
  const r = responses[name];
  if (r === undefined) throw new Error(`no recorded response ${name}`);
  return { exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr };
}

/** buildx 0.29.1 on dockerd 28.5.2, with the three recorded builds. */
const session: DockerExec = async (args) => {
  const key = args.join(' ');
  if (key === 'buildx version') return recorded('buildx-0.29-version');
  if (key === 'buildx history ls --format json') return { exitCode: 0, stdout: read('history-ls.json'), stderr: '' };
  // no ref: buildx inspects the latest record
  if (key === 'buildx history inspect --format json') return { exitCode: 0, stdout: read('history-inspect-multistage-pass.json'), stderr: '' };
  for (const c of CASES) {
    if (key === `buildx history inspect ${ids[c]} --format json`) return { exitCode: 0, stdout: read(`history-inspect-${c}.json`), stderr: '' };
    // buildx writes the replayed log on stderr
    if (key === `buildx history logs ${ids[c]} --progress plain`) return { exitCode: 0, stdout: '', stderr: read(`history-logs-${c}.log`) };
  }
  if (key.startsWith('buildx history inspect ')) return recorded('buildx-0.29-gone-inspect');
  throw new Error(`unexpected docker ${key}`);
};

const query = (over: Partial<RecordQuery> = {}): RecordQuery => ({ refs: [], builder: null, sinceMs: null, ...over });

async function findingsOf(log: string, dockerfile: string | null) {
  const analysis = await analyzeStream(Readable.from([Buffer.from(log)]), { dockerfile: dockerfile === null ? null : parseDockerfile(read(dockerfile), 'Dockerfile') });
  return analysis.findings.map((f) => ({ ruleId: f.ruleId, line: f.location?.line ?? null, endLine: f.location?.endLine ?? null, step: f.step }));
}

describe('reading build records', () => {
  test('no ref: the latest finished record, its facts and its log', async () => {
    const { records, warnings } = await readBuildRecords(query(), session);
    expect(warnings).toEqual([]);
    expect(records).toHaveLength(1);
    const [record] = records;
    expect(record!.facts).toMatchObject({ ref: ids['multistage-pass'], status: 'completed', steps: { completed: 13, total: 13, cached: 1 }, error: null });
    expect(record!.facts.seconds).toBeCloseTo(0.848, 3);
    // a passing build: its log alone, no closing block
    expect(record!.log).toBe(read('history-logs-multistage-pass.log'));
    expect(describeRecord(record!.facts)).toBe(`build record ${ids['multistage-pass']} (test/engine/cases/multistage-pass): completed, 0.8s, 13/13 steps, 8% cached`);
  });

  test.each(['run-fails', 'copy-missing'] as const)('%s: the record gives the findings and Dockerfile lines the build log gave', async (name) => {
    const { records } = await readBuildRecords(query({ refs: [ids[name]!] }), session);
    const record = records[0]!;
    expect(record.facts.status).toBe('failed');
    expect(record.facts.error!.excerpt[0]).toMatch(/^Dockerfile:\d+$/);
    expect(record.facts.error!.excerpt.some((l) => l.includes('>>>'))).toBe(true);
    // the record's own log stops before the error block: without it the line would come from matching alone
    expect(read(`history-logs-${name}.log`)).not.toContain('>>>');
    const fromRecord = await findingsOf(record.log, `${name}.Dockerfile`);
    const fromBuild = await findingsOf(read(`${name}.build.log`), `${name}.Dockerfile`);
    expect(fromRecord.length).toBeGreaterThan(0);
    expect(fromRecord).toEqual(fromBuild);
    // with no Dockerfile at hand, only the excerpt the record kept says which line failed
    const bare = await findingsOf(record.log, null);
    expect(bare[0]!.line).not.toBeNull();
    expect(bare).toEqual(await findingsOf(read(`${name}.build.log`), null));
  });

  test('the closing block is the excerpt then the message, as the build printed them', async () => {
    const facts = parseInspect(read('history-inspect-run-fails.json'), 'x');
    const block = closingBlock(facts).trimEnd().split('\n');
    expect(block[0]).toBe('Dockerfile:4');
    expect(block.at(-1)).toMatch(/^ERROR: failed to solve: process "\/bin\/sh -c for i in .* did not complete successfully: exit code: 1$/);
    const build = read('run-fails.build.log').trimEnd().split('\n');
    // the build says `ERROR: failed to build: failed to solve: …` (buildx 0.29); the record has the message
    expect(block.slice(0, -1)).toEqual(build.slice(-block.length, -1));
    expect(build.at(-1)).toContain(block.at(-1)!.replace('ERROR: failed to solve: ', ''));
  });

  test('--since: every finished record in the window, oldest first', async () => {
    const now = new Date('2026-12-05T10:01:52.500Z');
    const { records } = await readBuildRecords(query({ sinceMs: 3000, now }), session);
    expect(records.map((r) => r.facts.ref)).toEqual([ids['copy-missing'], ids['multistage-pass']]);
    // after: the action's job start
    const after = await readBuildRecords(query({ after: new Date('2026-12-05T10:01:48Z') }), session);
    expect(after.records.map((r) => r.facts.ref)).toEqual([ids['run-fails'], ids['copy-missing'], ids['multistage-pass']]);
    await expect(readBuildRecords(query({ sinceMs: 1000, now: new Date('2026-12-05T11:00:00Z') }), session)).rejects.toThrow(/no build record since .*its latest is from 2026-12-05T10:01:51/);
  });

  test('^N: inspect names the record, the log is read by that id', async () => {
    const calls: string[] = [];
    const offset: DockerExec = async (args, limits) => {
      calls.push(args.join(' '));
      if (args.join(' ') === 'buildx history inspect ^1 --format json') return { exitCode: 0, stdout: read('history-inspect-copy-missing.json'), stderr: '' };
      return session(args, limits);
    };
    const { records } = await readBuildRecords(query({ refs: ['^1'], builder: null }), offset);
    expect(records[0]!.facts.ref).toBe(ids['copy-missing']);
    expect(calls).toContain(`buildx history logs ${ids['copy-missing']} --progress plain`);
  });

  test('--builder goes to every buildx call', async () => {
    const calls: string[][] = [];
    const spy: DockerExec = async (args, limits) => {
      calls.push(args);
      const without = args.filter((a, i) => a !== '--builder' && args[i - 1] !== '--builder');
      return session(without, limits);
    };
    await readBuildRecords(query({ builder: 'ci' }), spy);
    // the latest record: inspect names it, then its log; no version check on the way
    expect(calls.map((a) => a.slice(3, 5).join(' '))).toEqual(['history inspect', 'history logs']);
    expect(calls.every((a) => a[1] === '--builder' && a[2] === 'ci')).toBe(true);
  });
});

describe('what goes wrong, in one line', () => {
  const answering =
    (answers: Record<string, string>): DockerExec =>
    async (args) => {
      const key = args.join(' ');
      const name = answers[key];
      if (name === undefined) throw new Error(`unexpected docker ${key}`);
      return recorded(name);
    };

  const since = { after: new Date('2026-12-05T10:00:00Z') };
  test.each([
    ['no docker at all', {}, async () => ({ exitCode: null, stdout: '', stderr: '', failure: 'not-found' as const }), /^no docker command on PATH: .*install Docker with buildx/],
    [
      'no buildx plugin',
      since,
      answering({ 'buildx history ls --format json': 'no-buildx-ls', 'buildx version': 'no-buildx-version' }),
      /^docker has no buildx plugin .*install buildx 0\.21 or later \(docker\/setup-buildx-action does\)/,
    ],
    [
      'buildx 0.13 (no history command)',
      {},
      answering({ 'buildx history inspect --format json': 'buildx-0.13-inspect', 'buildx version': 'buildx-0.13-version' }),
      /^buildx 0\.13\.1\+ds1 has no "history" command \(it came with buildx 0\.20/,
    ],
    [
      'a daemon whose BuildKit keeps no records (dockerd 20.10)',
      {},
      answering({ 'buildx history inspect --format json': 'buildx-0.29-docker-20.10-inspect' }),
      /^the current builder keeps no build records: its BuildKit is older than 0\.11/,
    ],
    ['a builder with no records yet', {}, answering({ 'buildx history inspect --format json': 'buildx-0.29-no-records-inspect' }), /^the current builder has no build records yet: build with it first/],
    ['a builder with no records yet, listed', since, answering({ 'buildx history ls --format json': 'buildx-0.29-no-records-ls' }), /^the current builder has no build records yet: build with it first/],
    ['an unknown builder', { builder: 'nosuch', ...since }, answering({ 'buildx --builder nosuch history ls --format json': 'buildx-0.29-no-builder-ls' }), /^no builder "nosuch": "docker buildx ls" lists the builders$/],
  ])('%s', async (_name, over, exec, message) => {
    const error = await readBuildRecords(query(over), exec).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });

  test('a record that is gone, and an offset past the oldest', async () => {
    const gone = answering({ 'buildx history inspect alpskcr597z743bsdxcjyzd5i --format json': 'buildx-0.29-gone-inspect' });
    await expect(readBuildRecords(query({ refs: ['alpskcr597z743bsdxcjyzd5i'] }), gone)).rejects.toThrow(
      /^build record "alpskcr597z743bsdxcjyzd5i" is gone from the current builder \(BuildKit prunes old records\)/,
    );
    const far = answering({ 'buildx history inspect ^3 --format json': 'buildx-0.29-offset-inspect' });
    await expect(readBuildRecords(query({ refs: ['^3'] }), far)).rejects.toThrow(/has no finished build that far back \(no completed build found with offset 3\)/);
  });

  test('buildx 0.20 reads the log without inspect, and says so', async () => {
    // 0.20's inspect has no --format: it answers as buildx 0.13 does to an unknown flag
    const v020: DockerExec = async (args, limits) => {
      if (args.join(' ') === 'buildx version') return { exitCode: 0, stdout: 'github.com/docker/buildx v0.20.1 abc\n', stderr: '' };
      if (args.includes('inspect')) return recorded('buildx-0.13-inspect');
      return session(args, limits);
    };
    const { records, warnings } = await readBuildRecords(query({ refs: [ids['run-fails']!] }), v020);
    expect(warnings).toEqual(['this buildx cannot print a record as JSON (0.21 can): the Dockerfile line comes from the log alone']);
    expect(records[0]!.log).toBe(read('history-logs-run-fails.log'));
  });
});

describe('pieces', () => {
  test('buildx versions as Docker and Debian print them', () => {
    expect(parseBuildxVersion(recorded('buildx-0.29-version').stdout)).toMatchObject({ major: 0, minor: 29, patch: 1, text: '0.29.1+ds1' });
    expect(parseBuildxVersion('github.com/docker/buildx v0.30.1 9e66234aa13328a5e75b75aa5574e1ca6d6d9c01')).toMatchObject({ minor: 30, text: '0.30.1' });
    expect(parseBuildxVersion('Usage: docker buildx')).toBeNull();
  });

  test('history ls lines', () => {
    const listed = parseHistoryList(read('history-ls.json') + 'not json\n{"name":"no ref"}\n');
    expect(listed.map((r) => r.id)).toEqual([ids['multistage-pass'], ids['copy-missing'], ids['run-fails']]);
    expect(listed[1]).toMatchObject({ status: 'Error', name: 'test/engine/cases/copy-missing' });
    expect(listed[1]!.createdAt!.toISOString()).toBe('2026-12-05T10:01:50.012Z');
  });

  test('durations', () => {
    expect(parseDuration('90s')).toBe(90_000);
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration('2d')).toBe(172_800_000);
    expect(() => parseDuration('10 minutes')).toThrow(/--since takes a duration such as 30m/);
    expect(() => parseDuration('')).toThrow(InputError);
  });
});

describe("the record's Dockerfile on this machine", () => {
  const root = mkdtempSync(join(tmpdir(), 'bkd-record-df-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, '.git'));
  mkdirSync(join(root, 'docker/app'), { recursive: true });
  mkdirSync(join(root, 'ci'));
  writeFileSync(join(root, 'docker/app/cuda.Dockerfile'), 'FROM scratch\n');

  test('relative to the context, to the working directory, or to the repository root', () => {
    // buildx kept the local state: context relative to cwd, Dockerfile relative to the context
    expect(recordDockerfilePath({ context: 'docker/app', dockerfile: 'cuda.Dockerfile' }, root)).toBe(join('docker/app/cuda.Dockerfile'));
    // no local state: relative to the repository root (vcs:localdir:dockerfile), from a subdirectory
    expect(recordDockerfilePath({ context: 'x', dockerfile: 'docker/app/cuda.Dockerfile' }, join(root, 'ci'))).toBe(join(root, 'docker/app/cuda.Dockerfile'));
    expect(recordDockerfilePath({ context: 'x', dockerfile: 'docker/app/cuda.Dockerfile' }, root)).toBe(join('docker/app/cuda.Dockerfile'));
    expect(recordDockerfilePath({ context: '.', dockerfile: 'missing.Dockerfile' }, root)).toBeNull();
    // never outside the working directory or its repository, whatever the record says
    expect(recordDockerfilePath({ context: '/etc', dockerfile: 'passwd' }, root)).toBeNull();
    expect(recordDockerfilePath({ context: null, dockerfile: '/etc/passwd' }, root)).toBeNull();
  });
});
