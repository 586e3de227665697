// The JSON report (DESIGN.md, version 1): the one structure every other reporter starts from.
import type { BuildModel } from '../model/types.js';
import type { Finding } from '../rules/finding.js';
import type { Report } from './types.js';
import type { BuildFacts } from '../facts/types.js';
import { reportedFacts } from '../facts/fact-view.js';
import type { Analysis } from './analysis.js';
import { IMPLICIT_STEP_ID } from '../grammar/implicit-step.js';

/**
 * Output outside any build step (a pasted tool log, the CI's lines around a build) is held by the
 * build model's implicit step 0, which is no step of the build: the report lists no such step,
 * and a finding in that output has `step: null`, as the contract says of findings outside any step.
 */
function stepOf(id: number | null): number | null {
  return id === IMPLICIT_STEP_ID ? null : id;
}

export function buildReport(model: BuildModel, findings: Finding[], facts: BuildFacts = {}): Report {
  return {
    version: 1,
    build: {
      format: model.format,
      steps: model.steps.filter((s) => s.id !== IMPLICIT_STEP_ID).length,
      failedStep: stepOf(model.failedStep),
      seconds: model.seconds,
      facts: reportedFacts(facts, model),
    },
    steps: model.steps.filter((s) => s.id !== IMPLICIT_STEP_ID).map((s) => ({
      id: s.id,
      stage: s.stage,
      index: s.index,
      total: s.total,
      instruction: s.instruction,
      status: s.status,
      seconds: s.seconds,
      cached: s.cached,
      target: s.target,
      platform: s.platform,
    })),
    findings: findings.map((f) => (f.step === IMPLICIT_STEP_ID ? { ...f, step: null } : f)),
  };
}

/** The JSON report of one analysed log. */
export function reportOf(analysis: Analysis): Report {
  return buildReport(analysis.model, analysis.findings, analysis.facts);
}
