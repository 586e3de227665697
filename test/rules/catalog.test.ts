// The built-in catalog as data: every rule valid and safe (its fixtures: registration.test.ts).
import { describe, expect, test } from 'vitest';
import { builtinRules } from '../../src/rules/catalog/index.js';
import { ruleProblems } from '../../src/rules/compile.js';
import { builtinRuleSet } from '../../src/rules/builtin-rules.js';
import { ruleSchema } from '../../src/rules/schema.js';
import { analyzeLog } from './support/analyze-log.js';

const ids = builtinRules.map((r) => r.id);

describe('the built-in catalog', () => {
  test('ids are unique and in family/name form', () => {
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  test('the ids the documentation promises are all there', () => {
    for (const id of [
      'buildkit/step-failed',
      'buildkit/dockerfile-parse-error',
      'buildkit/copy-source-missing',
      'buildkit/base-image-not-found',
      'buildkit/log-clipped',
      'buildx/manifest-list-load',
      'buildx/exec-format-error',
      'buildx/emulated-slow-step',
      'shell/unbound-variable',
      'shell/command-not-found',
      'resources/oom-killed',
      'resources/disk-full',
      'apt/unable-to-locate-package',
      'apt/fetch-failed',
    ]) {
      expect(ids).toContain(id);
    }
  });

  test.each(builtinRules.map((r) => [r.id, r] as const))('%s is valid and safe', (id, input) => {
    const parsed = ruleSchema.safeParse(input);
    expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues[0])).toBe(true);
    const rule = ruleSchema.parse(input);
    // Patterns linear-time, templates naming only what the rule can fill, enrichers registered.
    expect(ruleProblems(rule).map((p) => `${p.path.join('.')}: ${p.message}`)).toEqual([]);
    // A line rule needs a literal for the prefilter; a step trigger needs none.
    if (rule.trigger === undefined) expect(rule.match?.flatMap((m) => m.literals).length ?? 0).toBeGreaterThan(0);
    expect(rule.message.trim()).not.toBe('');
    expect(rule.fix.trim()).not.toBe('');
  });

  // The first variant whose conditions all hold wins: a later one that holds every condition of an earlier one (and
  // more) can never fire.
  test('no variant is shadowed by an earlier one with fewer conditions', () => {
    const shadowed: string[] = [];
    for (const rule of builtinRules) {
      const conditions = (rule.variants ?? []).map((v) => new Set(v.when.split('&')));
      conditions.forEach((later, j) => {
        const earlier = conditions.slice(0, j).findIndex((c) => [...c].every((x) => later.has(x)));
        if (earlier !== -1) shadowed.push(`${rule.id}: variant ${j} (${rule.variants![j]!.when}) behind ${earlier}`);
      });
    }
    expect(shadowed).toEqual([]);
  });

  test('loading the catalog applies defaults to every rule', () => {
    expect(builtinRuleSet().every((r) => r.scope !== undefined && r.maxFindings > 0)).toBe(true);
  });
});

describe('benign lines raise nothing above notice', () => {
  const benign = [
    '-- Performing Test COMPILER_SUPPORTS_LONG_DOUBLE - Failed',
    '-- Performing Test HAS_WMISSING_PROTOTYPES - Failed',
    '-- Looking for pthread_create in pthreads - not found',
    '-- Could NOT find OpenMP_C (missing: OpenMP_C_FLAGS OpenMP_C_LIB_NAMES)',
    'No CUDA runtime is found, using CUDA_HOME=\'/usr/local/cuda\'',
    "WARNING: Running pip as the 'root' user can result in broken permissions and conflicting behaviour with the system package manager. It is recommended to use a virtual environment instead: https://pip.pypa.io/warnings/venv",
    'debconf: delaying package configuration, since apt-utils is not installed',
    'W: Some index files failed to download. They have been ignored, or old ones used instead.',
    '/bin/sh: 1: ccache: not found',
  ];
  const framed = [
    '#0 building with "default" instance using docker driver',
    '',
    '#7 [builder 4/6] RUN python setup.py build_ext --inplace',
    ...benign.map((l, i) => `#7 ${(1.5 + i).toFixed(3)} ${l}`),
    '#7 DONE 212.4s',
    '',
    '#8 exporting to image',
    '#8 exporting layers 3.1s done',
    '#8 DONE 3.2s',
  ].join('\n');

  test('in a build that passed', async () => {
    const findings = await analyzeLog(framed);
    expect(findings.filter((f) => f.severity !== 'notice').map((f) => `${f.ruleId}: ${f.evidence[0]}`)).toEqual([]);
  });
});
