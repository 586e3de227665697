// The rules of a passing build's waste, on the real logs of their fixtures and on slices of them:
// what each needs to see before it speaks (the step's instruction, a builder with a toolkit, a
// GitHub-hosted runner), and that waste never raises a passing build above notice.
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { analyzeStream } from '../../src/analyze.js';

const fixture = (path: string): string => readFileSync(new URL(`../../fixtures/rules/${path}`, import.meta.url), 'utf8');
const analyze = (text: string) => analyzeStream(Readable.from([Buffer.from(text)]));
const ids = async (text: string): Promise<string[]> => (await analyze(text)).findings.map((f) => f.ruleId);

/** The log without the lines `drop` picks: a slice of a real log, nothing added. */
function without(text: string, drop: (line: string) => boolean): string {
  return text.split('\n').filter((line) => !drop(line)).join('\n');
}

const REINSTALL = fixture('pip/force-reinstall/match-second-install-from-another-index.log');
const DEVEL_COPY = fixture('cuda/devel-toolkit-copied/match-usr-local-of-nvcc-builder.log');
const HOSTED = fixture('ci/cold-cache/match-hosted-runner-docker-driver.log');

describe('waste on a passing build', () => {
  it('is reported as notices only: the build stays clean', async () => {
    for (const log of [REINSTALL, DEVEL_COPY, HOSTED]) {
      const { findings } = await analyze(log);
      expect(findings.length).toBeGreaterThan(0);
      expect(findings.map((f) => f.severity)).toEqual(findings.map(() => 'notice'));
    }
  });

  it('names what --force-reinstall reinstalled, the step and its time', async () => {
    const f = (await analyze(REINSTALL)).findings.find((x) => x.ruleId === 'pip/force-reinstall')!;
    expect(f.step).toBe(12);
    expect(f.message).toContain('smallops-1.2.0, heavylib-1.0.0');
    expect(f.message).toContain('6.3s');
  });

  it('says nothing of a reinstall when the step header (and so the --force-reinstall) is not in the log', async () => {
    const cut = without(REINSTALL, (line) => line.startsWith('#12 [stage-1 6/6] RUN'));
    expect(await ids(cut)).not.toContain('pip/force-reinstall');
  });

  it('counts the large wheel once per download, and not at all when one download is left', async () => {
    const f = (await analyze(REINSTALL)).findings.find((x) => x.ruleId === 'pip/wheel-downloaded-twice')!;
    expect(f.message).toContain('(the times in brackets): heavylib-1.0.0-py3-none-any.whl (2).');
    expect(f.message).not.toContain('smallops');
    const once = without(REINSTALL, (line) => line.includes('8081/simple/heavylib/heavylib-1.0.0-py3-none-any.whl (67.1 MB)'));
    expect(await ids(once)).not.toContain('pip/wheel-downloaded-twice');
  });

  it('tells the cache mount pip ignored by the step header BuildKit prints', async () => {
    const f = (await analyze(REINSTALL)).findings.find((x) => x.ruleId === 'pip/cache-mount-unused')!;
    expect(f.step).toBe(11);
    expect(f.message).toContain('`/root/.cache/pip`');
    // the second install has --no-cache-dir but no mount
    expect((await analyze(REINSTALL)).findings.filter((x) => x.ruleId === 'pip/cache-mount-unused').map((x) => x.step)).toEqual([11]);
  });

  it('proves the toolkit in the builder before it blames a copy of /usr/local', async () => {
    const f = (await analyze(DEVEL_COPY)).findings.find((x) => x.ruleId === 'cuda/devel-toolkit-copied')!;
    expect(f.step).toBe(12);
    expect(f.message).toContain('the CUDA 13.0 compiler ran in it (Cuda compilation tools, release 13.0, V13.0.88)');
    // without nvcc's banner the log no longer shows a toolkit in the builder
    const unproven = without(DEVEL_COPY, (line) => line.includes('Cuda compilation tools'));
    expect(await ids(unproven)).not.toContain('cuda/devel-toolkit-copied');
  });

  it('reports a cold cache only on a GitHub-hosted runner', async () => {
    const f = (await analyze(HOSTED)).findings.find((x) => x.ruleId === 'ci/cold-cache')!;
    expect(f.message).toContain('None of the 5 Dockerfile steps');
    expect(f.evidence[0]).toBe('[4/6] RUN npm install --legacy-peer-deps (DONE 19.1s)');
    const local = without(HOSTED, (line) => line.includes('/home/runner/'));
    expect(await ids(local)).not.toContain('ci/cold-cache');
  });
});
