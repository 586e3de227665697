// The classic builder's `The command '/bin/sh -c …' returned a non-zero code: N` with no `Step N/M :` open: the build's
// error, as BuildKit's lone `process "/bin/sh -c …" did not complete successfully: exit code: N` is.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { analyzeStream } from '../../src/analyze.js';
import { enabledBuiltinRules } from '../../src/rules/builtin-rules.js';
import { IMPLICIT_STEP_ID } from '../../src/grammar/implicit-step.js';
import type { BuildEvent } from '../../src/grammar/events.js';
import { subjectOf } from '../../src/report/recognised.js';
import { parseText } from './parse-helpers.js';

const rules = path.resolve(__dirname, '../../fixtures/rules');
const fixture = (rel: string): string => readFileSync(path.join(rules, rel), 'utf8');
const solveErrors = (events: BuildEvent[]) => events.flatMap((e) => (e.type === 'solve-error' ? [e] : []));

// oschwengers/bakta#342: micromamba's last lines, then the classic builder's error, no `Step` line above them
const BAKTA = 'conda/mamba2-cli-changed/match-micromamba-latest-shell-init-p-bakta.log';

describe('the classic builder\'s failure line with no step open', () => {
  test('after unframed output: the failure of the output outside any step, with its exit code', async () => {
    const { events, model } = await parseText(fixture(BAKTA));
    const errors = solveErrors(events);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.error).toMatchObject({ step: IMPLICIT_STEP_ID, exitCode: 109 });
    expect(errors[0]!.error.message).toMatch(/^The command '\/bin\/sh -c apk update .* returned a non-zero code: 109$/);
    expect(events).toContainEqual(expect.objectContaining({ type: 'step-error', id: IMPLICIT_STEP_ID }));
    // the lines above stay the implicit step's: the log is still unframed text
    expect(model.format).toBe('plain-text');
    expect(model.steps.map((s) => s.id)).toEqual([IMPLICIT_STEP_ID]);
  });

  test('alone: the build\'s error on no step', async () => {
    const last = fixture(BAKTA).split('\n').find((l) => l.startsWith("The command '"))!;
    const errors = solveErrors((await parseText(last + '\n')).events);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.error).toMatchObject({ step: null, exitCode: 109 });
  });

  test('docker-compose v1\'s `ERROR: Service … failed to build : The command …` counts too', async () => {
    // gaborhermann/handson-ml2 (fixtures/rules/conda/transaction-failed/README.md): `Killed` and compose's error line
    const errors = solveErrors((await parseText(fixture('conda/transaction-failed/nomatch-transaction-working-then-pip-killed.log'))).events);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.error.step).toBe(IMPLICIT_STEP_ID);
    expect(errors[0]!.error.message).toMatch(/^ERROR: Service 'handson-ml2' failed to build : The command '\/bin\/sh -c conda update /);
  });

  test('compose\'s line without the builder\'s command is no failure read from it', async () => {
    // ageron/handson-ml3#25 (fixtures/rules/conda/packages-not-found/match-env-create-pypi-names.log, its last line): compose
    // v1 over BuildKit, whose own error came above it
    const line = fixture('conda/packages-not-found/match-env-create-pypi-names.log').split('\n').find((l) => l.startsWith('ERROR: Service '))!;
    expect(line).toBe("ERROR: Service 'handson-ml3' failed to build : Build failed");
    expect(solveErrors((await parseText(line + '\n')).events)).toEqual([]);
  });

  test('inside a classic step the step still fails, once', async () => {
    // `Step 19/25 : RUN pip3 install …`, then compose's error line (fixtures/rules/shell/command-not-found/README.md)
    const { events, model } = await parseText(fixture('shell/command-not-found/match-busybox-wording-pip3-alpine.log'));
    const errors = solveErrors(events);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.error.step).toBe(19);
    expect(model.format).toBe('classic');
  });

  test('with no rule that knows the cause, the fallback finding fires', async () => {
    const withoutMamba = enabledBuiltinRules().filter((r) => r.id !== 'conda/mamba2-cli-changed');
    const { findings } = await analyzeStream(Readable.from([Buffer.from(fixture(BAKTA))]), { rules: withoutMamba });
    expect(findings[0]!.ruleId).toBe('buildkit/step-failed');
    expect(findings[0]!.step).toBe(IMPLICIT_STEP_ID);
  });

  test('with all rules, mamba 2\'s refusal comes first', async () => {
    const { findings, model } = await analyzeStream(Readable.from([Buffer.from(fixture(BAKTA))]));
    expect(findings.map((f) => f.ruleId)).toEqual(['conda/mamba2-cli-changed']);
    expect(model.solveError?.exitCode).toBe(109);
  });

  test('the report calls it a build that failed', async () => {
    // iot-salzburg/gpu-jupyter#78: apt's errors in CI, then the classic builder's error with no `Step` line
    const log = readFileSync(path.resolve(__dirname, '../../fixtures/real-world/apt/gpu-jupyter-no-pubkey-classic.log'), 'utf8');
    const analysis = await analyzeStream(Readable.from([Buffer.from(log)]));
    expect(analysis.model.solveError?.exitCode).toBe(100);
    expect(subjectOf(analysis)).toBe('build');
  });
});
