// The JSON report (DESIGN.md, version 1): the one structure every other reporter starts from.
import type { BuildModel, Finding, Report } from '../model/types.js';
import type { BuildFacts } from '../facts/types.js';
import { reportedFacts } from '../facts/fact-view.js';

export function buildReport(model: BuildModel, findings: Finding[], facts: BuildFacts = {}): Report {
  return {
    version: 1,
    build: {
      format: model.format,
      steps: model.steps.length,
      failedStep: model.failedStep,
      seconds: model.seconds,
      facts: reportedFacts(facts, model),
    },
    steps: model.steps.map((s) => ({
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
    findings,
  };
}
