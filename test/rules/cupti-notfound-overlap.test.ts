// CUPTI's library not found by CMake, on the rule's real fixtures: one finding tells the story (cmake/notfound adds
// nothing when CUPTI's library is the only NOTFOUND variable), and the message speaks of PyTorch only when the log
// shows a PyTorch build.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyzeLog } from './support/analyze-log.js';

const dir = new URL('../../fixtures/rules/cmake/cupti-library-notfound/', import.meta.url);
const read = (name: string): string => readFileSync(new URL(name, dir), 'utf8');
const matches = readdirSync(dir).filter((f) => f.startsWith('match-') && f.endsWith('.log'));

describe('cmake/cupti-library-notfound and cmake/notfound', () => {
  test.each(matches)('%s: no second error or warning from cmake/notfound', async (name) => {
    const findings = await analyzeLog(read(name));
    expect(findings.some((f) => f.ruleId === 'cmake/cupti-library-notfound')).toBe(true);
    expect(findings.filter((f) => f.ruleId === 'cmake/notfound' && f.severity !== 'notice')).toEqual([]);
  });

  test('the list names CUPTI alone: no cmake/notfound finding at all (intel/llvm#7873)', async () => {
    const findings = await analyzeLog(read('match-generate-list-only-intel-llvm-7873.log'));
    expect(findings.map((f) => f.ruleId)).toEqual(['cmake/cupti-library-notfound']);
  });

  test('another variable NOTFOUND in a status line only: a notice about that one (mit-han-lab/inter-operator-scheduler#2)', async () => {
    const findings = await analyzeLog(read('match-distro-toolkit-generate-error.log'));
    const other = findings.find((f) => f.ruleId === 'cmake/notfound');
    expect(other?.severity).toBe('notice');
    expect(other?.message).toContain('CUDA_NVRTC_LIBRARY');
    expect(other?.message).not.toContain('CUDA_CUPTI_LIBRARY');
  });

  test('CUPTI and another variable in the list: cmake/notfound names the other one (produced on this machine)', async () => {
    const text = readFileSync(new URL('../../fixtures/rules/cmake/notfound/match-generate-step-failed.log', import.meta.url), 'utf8');
    const other = (await analyzeLog(text)).find((f) => f.ruleId === 'cmake/notfound');
    expect(other?.severity).toBe('error');
    expect(other?.message).toContain('NVTX_LIB');
    expect(other?.message).not.toContain('CUPTI_LIBRARY');
  });
});

describe('cmake/cupti-library-notfound: whose build lost CUPTI', () => {
  const cupti = async (name: string) => (await analyzeLog(read(name))).find((f) => f.ruleId === 'cmake/cupti-library-notfound')!;

  test('a PyTorch source build (pytorch/pytorch#58076): the PyTorch consequence, its cache variable', async () => {
    const f = await cupti('match-pytorch-source-build-58076.log');
    expect(f.message).toContain('PyTorch then builds Kineto without CUPTI');
    expect(f.fix).toContain('`-DCUPTI_LIBRARY_PATH=');
    expect(f.fix).toContain('USE_KINETO=0');
  });

  test.each([
    // standalone libkineto (pytorch/kineto#975), and a project with a copy of PyTorch's check (produced on this machine)
    'match-standalone-libkineto-975.log',
    'match-header-only-build-passes.log',
    'match-generate-list-only-intel-llvm-7873.log',
  ])('%s: no PyTorch in message or fix', async (name) => {
    const f = await cupti(name);
    expect(f.message).not.toContain('PyTorch');
    expect(f.fix).not.toContain('PyTorch');
    expect(f.fix).not.toContain('CUPTI_LIBRARY_PATH');
  });

  test('the variable the log printed as NOTFOUND is the one the fix sets', async () => {
    expect((await cupti('match-header-only-build-passes.log')).fix).toContain('`-DCUPTI_LIBRARY=/usr/local/cuda/lib64/libcupti.so`');
    expect((await cupti('match-generate-list-only-intel-llvm-7873.log')).fix).toContain('`-DCUDA_cupti_LIBRARY=');
    // none printed: the fix says where to read it
    expect((await cupti('match-standalone-libkineto-975.log')).fix).toContain('`grep -i cupti CMakeCache.txt`');
  });

  test('a passing build with no PyTorch line: what any project loses', async () => {
    const f = await cupti('match-header-only-build-passes.log');
    expect(f.message).toContain('the build passes and its GPU profiling records no GPU activity');
  });
});
