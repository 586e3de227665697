// shell/install-failure-swallowed on the real engine log, and on variants of it derived in code: the
// finding needs the step to end DONE (`only: 'passed-step'`) and the guard in its instruction
// (a `required` instruction context).
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyzeLog } from './support/analyze-log.js';
import { installFailureSwallowed } from '../../src/rules/catalog/shell/install-failure-swallowed.js';

const log = readFileSync(new URL('../../fixtures/real/buildkit-0.25-dockerd-28.5/install-failure-swallowed.log', import.meta.url), 'utf8');
const ruleId = 'shell/install-failure-swallowed';

async function swallowedSteps(text: string): Promise<(number | null)[]> {
  return (await analyzeLog(text)).filter((f) => f.ruleId === ruleId).map((f) => f.step);
}

describe('shell/install-failure-swallowed', () => {
  test('each guarded install that printed its error and ended DONE: || true, || echo, ; exit 0', async () => {
    expect(await swallowedSteps(log)).toEqual([9, 10, 11]);
    const findings = await analyzeLog(log);
    const echo = findings.find((f) => f.ruleId === ruleId && f.step === 10)!;
    expect(echo.severity).toBe('warning');
    expect(echo.message).toContain('`|| echo "flash-attn not installed"`');
    expect(echo.message).toContain('without flash-attn==2.5.8');
    expect(echo.evidence).toEqual([
      'ERROR: Could not find a version that satisfies the requirement flash-attn==2.5.8 (from versions: none)',
      'ERROR: No matching distribution found for flash-attn==2.5.8',
    ]);
  });

  test('the installers\' own findings in those finished steps are notices: the swallow is the warning', async () => {
    const findings = await analyzeLog(log);
    const others = findings.filter((f) => f.ruleId === 'apt/unable-to-locate-package' || f.ruleId === 'pip/no-matching-distribution');
    expect(others.map((f) => [f.ruleId, f.step, f.severity]).sort((a, b) => Number(a[1]) - Number(b[1]))).toEqual([
      ['apt/unable-to-locate-package', 9, 'notice'],
      ['pip/no-matching-distribution', 10, 'notice'],
      ['pip/no-matching-distribution', 11, 'notice'],
    ]);
  });

  test('a step the log never shows ending DONE yields nothing (its `#9 DONE` line removed)', async () => {
    const cut = log
      .split('\n')
      .filter((l) => !l.startsWith('#9 DONE '))
      .join('\n');
    expect(cut).not.toEqual(log);
    expect(await swallowedSteps(cut)).toEqual([10, 11]);
  });

  test('no guard in the instruction, no finding (the `|| true` taken out of step 9\'s header)', async () => {
    const header = '#9 [stage-1 3/6] RUN apt-get install -y --no-install-recommends cuda-cupti-12-4 2>&1 || true';
    expect(log).toContain(header);
    const unguarded = log.replace(header, header.replace(' || true', ''));
    expect(await swallowedSteps(unguarded)).toEqual([10, 11]);
  });
});

describe('the guard the instruction must show', () => {
  const swallow = installFailureSwallowed.context!.find((c) => c.name === 'swallow')!;
  const guardOf = (instruction: string): string | null => {
    if (!swallow.literals.some((l) => instruction.includes(l))) return null;
    return new RegExp(swallow.pattern!).exec(instruction)?.groups?.guard ?? null;
  };

  test.each([
    ['RUN apt-get install -y cuda-cupti-12-4 || true', '|| true'],
    ['RUN pip install flash-attn||true', '||true'],
    ['RUN apt-get install -y libnccl2 || :', '|| :'],
    ['RUN apt-get install -y libnccl2 || /bin/true', '|| /bin/true'],
    ['RUN pip install flash-attn==2.5.8 || echo "flash-attn not installed"', '|| echo "flash-attn not installed"'],
    ['RUN pip install xformers || exit 0', '|| exit 0'],
    ['RUN pip install vision==0.17.0; exit 0', '; exit 0'],
  ])('%s', (instruction, guard) => {
    expect(guardOf(instruction)).toBe(guard);
  });

  test.each([
    'RUN pip install flash-attn || pip install flash-attn --no-build-isolation',
    'RUN pip install flash-attn || exit 1',
    'RUN pip install flash-attn; exit 10',
    'RUN true && pip install flash-attn',
    'RUN apt-get install -y libnccl2 || { echo "libnccl2 missing" >&2; exit 1; }',
  ])('not a guard: %s', (instruction) => {
    expect(guardOf(instruction)).toBeNull();
  });
});

describe('the install the instruction must run itself', () => {
  const installs = installFailureSwallowed.context!.find((c) => c.name === 'installs')!;
  const runsInstaller = (instruction: string): boolean => new RegExp(installs.pattern!).test(instruction);

  test.each([
    'RUN apt-get install -y --no-install-recommends cuda-cupti-12-4 || true',
    'RUN apt-get -y install libnccl2 || true',
    'RUN pip install flash-attn==2.5.8 || echo "flash-attn not installed"',
    'RUN python3 -m pip install --no-cache-dir xformers || true',
    'RUN uv pip install --system flash-attn || true',
    'RUN conda install -y -c nvidia cuda-cupti || true',
  ])('%s', (instruction) => {
    expect(runsInstaller(instruction)).toBe(true);
  });

  test.each(['RUN git checkout v2.5.8 || true', 'RUN ./install.sh || true', 'RUN make install-docs || true'])('not an installer: %s', (instruction) => {
    expect(runsInstaller(instruction)).toBe(false);
  });
});
