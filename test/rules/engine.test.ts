import { describe, expect, test } from 'vitest';
import { enrichers } from '../../src/rules/enrichers.js';
import type { RuleInput } from '../../src/rules/schema.js';
import { makeModel, makeStep } from '../support/builders.js';
import { out, runEngine, stepError, text } from './support/events.js';
import { compileRules } from '../../src/rules/compile.js';
import { ruleSchema } from '../../src/rules/schema.js';

const oom: RuleInput = {
  id: 'test/oom',
  title: 'Out of memory',
  severity: 'error',
  match: [{ literals: ['Killed signal terminated program'], pattern: 'terminated program (?<program>[\\w+.-]{1,50})' }],
  message: '{program} killed {count} times: {program:counts}',
  fix: 'ENV MAX_JOBS=2 for {stage|this stage} ({instruction})',
};

const fallback: RuleInput = {
  id: 'test/step-failed',
  title: 'Step failed',
  severity: 'error',
  trigger: { kind: 'failure' },
  specificity: 1,
  message: 'failed: {error}',
  fix: 'look',
};

describe('rule engine: lines and scopes', () => {
  test('one finding per step, counting every matching line, with captures in templates', () => {
    const model = makeModel({ steps: [makeStep({ id: 7, stage: 'builder', instruction: 'RUN python setup.py build', status: 'error' })] });
    const findings = runEngine(
      [oom],
      [
        out(7, 'g++: fatal error: Killed signal terminated program cc1plus'),
        out(7, 'g++: fatal error: Killed signal terminated program cc1plus'),
        out(7, 'nvcc: fatal error: Killed signal terminated program cicc'),
        out(7, 'compilation terminated.'),
      ],
      model,
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'test/oom',
      severity: 'error',
      step: 7,
      message: 'cc1plus killed 3 times: cc1plus (2), cicc (1)',
      fix: 'ENV MAX_JOBS=2 for builder (RUN python setup.py build)',
      location: null,
    });
    // The same line twice is one piece of evidence.
    expect(findings[0]!.evidence).toEqual([
      'g++: fatal error: Killed signal terminated program cc1plus',
      'nvcc: fatal error: Killed signal terminated program cicc',
    ]);
  });

  test('lines echoed by the closing error box are not counted again', () => {
    const rule: RuleInput = { ...oom, id: 'test/twice', minCount: 2 };
    const model = makeModel({ steps: [makeStep({ id: 3, status: 'error' })] });
    const once = [out(3, 'c++: fatal error: Killed signal terminated program cc1plus'), out(3, 'c++: fatal error: Killed signal terminated program cc1plus', true)];
    expect(runEngine([rule], once, model)).toEqual([]);
  });

  test('evidence is capped in count and length', () => {
    const rule: RuleInput = { ...oom, match: [{ literals: ['warning:'] }], message: 'm', fix: 'f', severity: 'warning' };
    const events = Array.from({ length: 40 }, (_, i) => out(1, `warning: number ${i} ${'x'.repeat(i === 0 ? 2000 : 1)}`));
    const [f] = runEngine([rule], events, makeModel({ steps: [makeStep({ id: 1 })] }));
    expect(f!.evidence).toHaveLength(10);
    expect(f!.evidence[0]!.length).toBeLessThanOrEqual(500);
  });

  test('build scope makes one finding across steps; step scope one per step', () => {
    const base: RuleInput = { id: 'test/w', title: 'Warn', severity: 'warning', match: [{ literals: ['DEPRECATION:'] }], message: '{count}', fix: 'f' };
    const events = [out(1, 'DEPRECATION: a'), out(2, 'DEPRECATION: b'), out(2, 'DEPRECATION: c')];
    const model = makeModel({ steps: [makeStep({ id: 1 }), makeStep({ id: 2 })] });
    expect(runEngine([base], events, model).map((f) => [f.step, f.message])).toEqual([
      [1, '1'],
      [2, '2'],
    ]);
    expect(runEngine([{ ...base, scope: 'build' }], events, model).map((f) => [f.step, f.message])).toEqual([[1, '3']]);
  });

  test('minCount, unless and only', () => {
    const base: RuleInput = { id: 'test/x', title: 'X rule', severity: 'error', match: [{ literals: ['boom'] }], message: 'm', fix: 'f' };
    const passed = makeModel({ steps: [makeStep({ id: 1 }), makeStep({ id: 2, status: 'error' })] });
    expect(runEngine([{ ...base, minCount: 2 }], [out(1, 'boom')], passed)).toEqual([]);
    expect(runEngine([{ ...base, minCount: 2 }], [out(1, 'boom'), out(1, 'boom again')], passed)).toHaveLength(1);
    expect(runEngine([{ ...base, unless: [{ literals: ['harmless'] }] }], [out(1, 'boom'), out(1, 'harmless')], passed)).toEqual([]);
    expect(runEngine([{ ...base, only: 'failed-step' }], [out(1, 'boom')], passed)).toEqual([]);
    expect(runEngine([{ ...base, only: 'failed-step' }], [out(2, 'boom')], passed)).toHaveLength(1);
    // An unframed paste says nothing about success: `only` holds.
    const paste = makeModel({ format: 'plain-text', steps: [] });
    expect(runEngine([{ ...base, only: 'failed-step' }], [text('boom')], paste)).toHaveLength(1);
  });

  test('context hits choose variants, before or after the match, and fill {context.*}', () => {
    const rule: RuleInput = {
      id: 'test/cupti',
      title: 'Library not found',
      severity: 'warning',
      match: [{ literals: ['CUPTI_LIBRARY-NOTFOUND'] }],
      context: [{ name: 'headers', literals: ['Found CUPTI'], pattern: 'Found CUPTI: (?<dir>\\S{1,200})' }],
      variants: [{ when: 'headers', title: 'Headers without library', message: 'headers in {context.headers.dir}' }],
      message: 'no library',
      fix: 'f',
    };
    const model = makeModel({ steps: [makeStep({ id: 1 }), makeStep({ id: 2 })] });
    const found = runEngine(
      [rule],
      [out(1, '-- CUPTI library: CUPTI_LIBRARY-NOTFOUND'), out(1, '-- Found CUPTI: /usr/local/cuda/extras/CUPTI/include'), out(2, '-- CUPTI library: CUPTI_LIBRARY-NOTFOUND')],
      model,
    );
    expect(found.map((f) => [f.step, f.title, f.message])).toEqual([
      [1, 'Headers without library', 'headers in /usr/local/cuda/extras/CUPTI/include'],
      [2, 'Library not found', 'no library'],
    ]);
  });

  test('instruction contexts and negated variants', () => {
    const rule: RuleInput = {
      id: 'test/apt',
      title: 'apt',
      severity: 'error',
      match: [{ literals: ['Unable to locate package'], pattern: 'package (?<package>\\S{1,100})' }],
      context: [{ name: 'update', source: 'instruction', literals: ['apt-get update'] }],
      variants: [{ when: '!update', message: 'no update before {package}' }],
      message: 'no such package {package}',
      fix: 'f',
    };
    const withUpdate = makeModel({ steps: [makeStep({ id: 1, status: 'error', instruction: 'RUN apt-get update && apt-get install -y nvtop' })] });
    const without = makeModel({ steps: [makeStep({ id: 1, status: 'error', instruction: 'RUN apt-get install -y nvtop' })] });
    const events = [out(1, 'E: Unable to locate package nvtop')];
    expect(runEngine([rule], events, withUpdate)[0]!.message).toBe('no such package nvtop');
    expect(runEngine([rule], events, without)[0]!.message).toBe('no update before nvtop');
    // No step known: neither `update` nor `!update` holds.
    expect(runEngine([rule], [text('E: Unable to locate package nvtop')], makeModel({ format: 'plain-text' }))[0]!.message).toBe('no such package nvtop');
  });

  test('named enrichers add {enrich.*} values; a throwing enricher costs only its values', () => {
    enrichers['test-double'] = (captures) => ({ twice: `${captures.n}${captures.n}` });
    enrichers['test-throws'] = () => {
      throw new Error('bug');
    };
    try {
      const rule: RuleInput = { id: 'test/e', title: 'Enriched', severity: 'warning', match: [{ literals: ['n='], pattern: 'n=(?<n>\\d{1,5})' }], enrich: 'test-double', message: '{enrich.twice}', fix: 'f' };
      const model = makeModel({ steps: [makeStep({ id: 1 })] });
      expect(runEngine([rule], [out(1, 'n=42')], model)[0]!.message).toBe('4242');
      expect(runEngine([{ ...rule, enrich: 'test-throws', message: '[{enrich.twice}]' }], [out(1, 'n=42')], model)[0]!.message).toBe('[]');
    } finally {
      delete enrichers['test-double'];
      delete enrichers['test-throws'];
    }
  });

  test('log-derived values cannot break out of Markdown', () => {
    const rule: RuleInput = { id: 'test/v', title: 'Value', severity: 'warning', match: [{ literals: ['pkg '], pattern: 'pkg (?<p>.{1,100})' }], message: '`{p}`', fix: 'f' };
    const [f] = runEngine([rule], [out(1, 'pkg x` <img src=x onerror=alert(1)>')], makeModel({ steps: [makeStep({ id: 1 })] }));
    // The value cannot close its code span (a backtick becomes '); `<` stays as printed (a version bound such as
    // `datasets<4.0` must be copied as is) and the Markdown reporters escape it outside code (template.ts safeValue).
    expect(f!.message).not.toMatch(/x` /);
    expect(f!.message.slice(1, -1)).not.toContain('`');
  });
});

describe('rule engine: failures, fallback and ranking', () => {
  test('the fallback explains a failed step no rule recognised, with its last lines', () => {
    const tail = Array.from({ length: 30 }, (_, i) => `line ${i}`);
    const model = makeModel({
      steps: [makeStep({ id: 9, status: 'error', error: 'process "/bin/sh -c make" did not complete successfully: exit code: 2', exitCode: 2, tail })],
    });
    const [f, ...rest] = runEngine([oom, fallback], [stepError(9, 'process "/bin/sh -c make" did not complete successfully: exit code: 2')], model);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ ruleId: 'test/step-failed', step: 9, message: 'failed: process "/bin/sh -c make" did not complete successfully: exit code: 2' });
    expect(f!.evidence).toHaveLength(10);
    expect(f!.evidence[8]).toBe('line 29');
    expect(f!.evidence[9]).toMatch(/^ERROR: process/);
  });

  test('the fallback brings error lines printed before the last lines into the evidence', () => {
    const tail = ['configuring', 'kernel_14.cu(3): error: identifier "__nv_bfloat16" is undefined', ...Array.from({ length: 20 }, (_, i) => `[${i}/20] compiling`)];
    const model = makeModel({ steps: [makeStep({ id: 4, status: 'error', error: 'exit code: 2', tail })] });
    const [f] = runEngine([fallback], [], model);
    // The compiler's error states the cause: it and the step's error, not the progress lines after it.
    expect(f!.evidence).toEqual([tail[1], 'ERROR: exit code: 2']);
  });

  test('the fallback states the cause: a Python exception with its last frame, make, apt, uv, npm, CMake', () => {
    // Lines of real logs: fixtures/real-world/cuda/torch-arch-list-indexerror-clrernet-4.log (traceback),
    // fixtures/logs/classic-cmake-failed.log (g++ + make), fixtures/rules/apt/fetch-failed/match-dns.log (apt).
    const tail = [
      'running build_ext',
      '  File "/home/docker/.pyenv/versions/3.8.4/lib/python3.8/site-packages/torch/utils/cpp_extension.py", line 1694, in _get_cuda_arch_flags',
      "    arch_list[-1] += '+PTX'",
      'IndexError: list index out of range',
      ...Array.from({ length: 12 }, (_, i) => `cleanup ${i}`),
    ];
    const model = makeModel({ steps: [makeStep({ id: 4, status: 'error', error: 'exit code: 1', tail })] });
    const [f] = runEngine([fallback], [], model);
    expect(f!.evidence).toEqual([tail[1], tail[2], tail[3], 'ERROR: exit code: 1']);

    const make = [
      "/src/src/attention.cpp:3:10: error: '__hmax2' was not declared in this scope",
      '    3 |   return __hmax2(a, b);',
      '      |          ^~~~~~~',
      'gmake[2]: *** [CMakeFiles/kernels.dir/build.make:76: CMakeFiles/kernels.dir/src/attention.cpp.o] Error 1',
      'gmake[1]: *** [CMakeFiles/Makefile2:83: CMakeFiles/kernels.dir/all] Error 2',
      'gmake: *** [Makefile:91: all] Error 2',
    ];
    const [g] = runEngine([fallback], [], makeModel({ steps: [makeStep({ id: 5, status: 'error', error: 'exit code: 2', tail: make })] }));
    expect(g!.evidence).toEqual([make[0], make[3], 'ERROR: exit code: 2']);

    const apt = ['Reading package lists...', 'E: Unable to locate package git', 'done'];
    const [h] = runEngine([fallback], [], makeModel({ steps: [makeStep({ id: 6, status: 'error', error: 'exit code: 100', tail: apt })] }));
    expect(h!.evidence).toEqual([apt[1], 'ERROR: exit code: 100']);

    // The classic builder's failure line is whole as printed: no BuildKit `ERROR: ` in front of it.
    const classic = "The command '/bin/sh -c cmake -S . -B build && cmake --build build' returned a non-zero code: 2";
    const [k] = runEngine([fallback], [], makeModel({ steps: [makeStep({ id: 7, status: 'error', error: classic, tail: make })] }));
    expect(k!.evidence.at(-1)).toBe(classic);
  });

  test('never both the fallback and a specific finding for the same failure', () => {
    const model = makeModel({ steps: [makeStep({ id: 9, status: 'error', error: 'exit code: 1' })] });
    const found = runEngine([oom, fallback], [out(9, 'c++: fatal error: Killed signal terminated program cc1plus'), stepError(9, 'exit code: 1')], model);
    expect(found.map((f) => f.ruleId)).toEqual(['test/oom']);
  });

  test('the final error lines belong to the failed step: one finding, not two', () => {
    const rule: RuleInput = { id: 'test/127', title: 'Not found', severity: 'error', match: [{ literals: ['exit code: 127'] }], message: 'm', fix: 'f' };
    const msg = 'process "/bin/sh -c nvcc --version" did not complete successfully: exit code: 127';
    const model = makeModel({ steps: [makeStep({ id: 5, status: 'error', error: msg, exitCode: 127 })] });
    const found = runEngine(
      [rule, fallback],
      [stepError(5, msg), { type: 'solve-error', line: 99, error: { dockerfile: 'Dockerfile', line: 3, endLine: 3, excerpt: [], message: msg, exitCode: 127, step: null } }, text(`ERROR: failed to solve: ${msg}`)],
      model,
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ ruleId: 'test/127', step: 5 });
    expect(found[0]!.evidence).toEqual([msg]);
  });

  test('a solve error with no failed step is still explained', () => {
    const model = makeModel({
      steps: [makeStep({ id: 1, internal: true, instruction: '[internal] load build definition from Dockerfile' })],
      solveError: { dockerfile: 'Dockerfile', line: 3, endLine: 3, excerpt: ['COPPY a b'], message: 'dockerfile parse error on line 3: unknown instruction: COPPY', exitCode: null, step: null },
    });
    const found = runEngine([fallback], [], model);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ ruleId: 'test/step-failed', step: null, evidence: ['dockerfile parse error on line 3: unknown instruction: COPPY'] });
    const specific: RuleInput = { id: 'test/parse', title: 'Parse', severity: 'error', scope: 'build', match: [{ literals: ['parse error'] }], message: 'm', fix: 'f' };
    const withRule = runEngine([specific, fallback], [{ type: 'solve-error', line: 9, error: model.solveError! }], model);
    expect(withRule.map((f) => f.ruleId)).toEqual(['test/parse']);
  });

  test('ranking: errors of the failed step, other errors, warnings, notices; specific first, then catalog order', () => {
    const mk = (id: string, severity: 'error' | 'warning' | 'notice', literal: string, specificity = 3): RuleInput => ({
      id,
      title: id,
      severity,
      specificity,
      match: [{ literals: [literal] }],
      message: id,
      fix: 'f',
    });
    const rules = [mk('t/notice', 'notice', 'NOTE'), mk('t/warn', 'warning', 'WARN'), mk('t/err-a', 'error', 'ERRA', 2), mk('t/err-b', 'error', 'ERRB')];
    const model = makeModel({ steps: [makeStep({ id: 1 }), makeStep({ id: 2, status: 'error' })] });
    const found = runEngine(rules, [out(1, 'NOTE'), out(1, 'WARN'), out(1, 'ERRB elsewhere'), out(2, 'ERRA in failed step')], model);
    expect(found.map((f) => `${f.ruleId}@${f.step}`)).toEqual(['t/err-a@2', 't/err-b@1', 't/warn@1', 't/notice@1']);
    // In one failed step, less specific errors give way to the most specific.
    const both = runEngine(rules, [out(2, 'ERRA'), out(2, 'ERRB')], model);
    expect(both.map((f) => f.ruleId)).toEqual(['t/err-b']);
  });

  test('a build that passed reports errors as warnings', () => {
    const model = makeModel({ steps: [makeStep({ id: 1 })] });
    expect(runEngine([oom], [out(1, 'g++: fatal error: Killed signal terminated program cc1plus')], model)[0]!.severity).toBe('warning');
  });

  test('the same story from several steps is one finding; findings per rule are capped', () => {
    const rule: RuleInput = { id: 'test/same', title: 'Same', severity: 'warning', match: [{ literals: ['same'] }], message: 'same', fix: 'f' };
    const steps = Array.from({ length: 5 }, (_, i) => makeStep({ id: i + 1 }));
    const events = steps.map((s) => out(s.id, `same thing in ${s.id}`));
    const merged = runEngine([rule], events, makeModel({ steps }));
    expect(merged).toHaveLength(1);
    expect(merged[0]!.evidence).toHaveLength(5);
    const perStep: RuleInput = { ...rule, message: 'in {step}', maxFindings: 3 };
    expect(runEngine([perStep], events, makeModel({ steps }))).toHaveLength(3);
  });

  test('slow steps of a foreign platform raise a notice; native ones do not', () => {
    const slow: RuleInput = {
      id: 'test/slow',
      title: 'Slow',
      severity: 'notice',
      trigger: { kind: 'slow-step', minSeconds: 120, platform: 'foreign' },
      message: '{instruction} {duration} on {platform}',
      fix: 'f',
    };
    const steps = [
      makeStep({ id: 1, platform: 'linux/amd64', stage: 'b', index: 2, total: 3, instruction: 'RUN make', seconds: 40 }),
      makeStep({ id: 2, platform: 'linux/arm64', stage: 'b', index: 2, total: 3, instruction: 'RUN make', seconds: 412 }),
      makeStep({ id: 3, platform: 'linux/arm64', stage: 'b', index: 3, total: 3, instruction: 'RUN cached', seconds: 500, cached: true }),
    ];
    const found = runEngine([slow], [], makeModel({ steps }));
    expect(found.map((f) => f.message)).toEqual(['RUN make 6m 52s on linux/arm64']);
    expect(found[0]!.evidence).toEqual(['[linux/arm64 b 2/3] RUN make', 'DONE 412.0s']);
    // On an arm64 runner the amd64 copy is the slow, emulated one.
    const armHost = [
      makeStep({ id: 1, platform: 'linux/amd64', stage: 'b', index: 2, total: 3, instruction: 'RUN make', seconds: 400 }),
      makeStep({ id: 2, platform: 'linux/arm64', stage: 'b', index: 2, total: 3, instruction: 'RUN make', seconds: 41 }),
    ];
    expect(runEngine([slow], [], makeModel({ steps: armHost })).map((f) => f.step)).toEqual([1]);
  });
});

describe('matchers that several rules share', () => {
  // The line of a real nvcc command (fixtures/rules/cuda/unsupported-arch): two rules keep what it asks for.
  const line = 'nvcc -gencode=arch=compute_89,code=sm_89 -c kernel.cu';
  const asking = (id: string): RuleInput => ({
    id,
    title: id,
    severity: 'error',
    match: [{ literals: ['nvcc fatal'] }],
    context: [{ name: 'asked', literals: ['arch=compute_'], pattern: '(?<asked>\\barch=compute_\\d{2,3})' }],
    message: '{context.asked.asked}',
    fix: 'f',
  });

  test('one expression for the same pattern and case', () => {
    const set = compileRules([asking('test/a'), asking('test/b')].map((r) => ruleSchema.parse(r)));
    expect(set.rules[0]!.context[0]!.regex).toBe(set.rules[1]!.context[0]!.regex);
    const other = compileRules([asking('test/a'), { ...asking('test/c'), context: [{ name: 'asked', literals: ['arch=compute_'], pattern: '(?<asked>\\barch=compute_\\d{2,3})', ignoreCase: true }] }].map((r) => ruleSchema.parse(r)));
    expect(other.rules[0]!.context[0]!.regex).not.toBe(other.rules[1]!.context[0]!.regex);
  });

  test('compile once, run once per line, and each rule still gets its own context', () => {
    const model = makeModel({ steps: [makeStep({ id: 3, status: 'error', error: 'exit code: 1' })] });
    const found = runEngine([asking('test/a'), asking('test/b')], [out(3, line), out(3, "nvcc fatal   : Unsupported gpu architecture 'compute_89'")], model);
    expect(found.map((f) => [f.ruleId, f.message])).toEqual([
      ['test/a', 'arch=compute_89'],
      ['test/b', 'arch=compute_89'],
    ]);
  });
});
