// Builders of the pipeline's shapes (the stages' boundary types) for tests that start past the grammar:
// a step, a build model, a finding and an analysis, each complete and valid with defaults, and
// changed by a partial object. Tests name only the fields they are about.
import type { Analysis } from '../../src/report/analysis.js';
import type { BuildModel, Step } from '../../src/model/types.js';
import type { Finding } from '../../src/rules/finding.js';

/**
 * A Dockerfile step that ran `RUN true` for a second and printed nothing. Its header and last line
 * depend on its id (`#3` on lines 30-35), so the steps of one model never share a line.
 */
export function makeStep(over: Partial<Step> = {}): Step {
  const id = over.id ?? 1;
  return {
    id,
    stage: null,
    index: null,
    total: null,
    instruction: 'RUN true',
    platform: null,
    target: null,
    internal: false,
    status: 'done',
    seconds: 1,
    start: null,
    end: null,
    cached: false,
    error: null,
    exitCode: null,
    firstLine: id * 10,
    lastLine: id * 10 + 5,
    tail: [],
    outputLines: 0,
    clipped: false,
    ...over,
  };
}

/**
 * A plain-progress build of the given steps. Unless given, the failed step is the one the solve
 * error names, else the first step in error, as the build model would have it.
 */
export function makeModel(over: Partial<BuildModel> = {}): BuildModel {
  const steps = over.steps ?? [];
  const solveError = over.solveError ?? null;
  return {
    format: 'buildkit-plain',
    steps,
    solveError,
    failedStep: solveError?.step ?? steps.find((s) => s.status === 'error')?.id ?? null,
    seconds: null,
    cacheHitRatio: null,
    lintWarnings: [],
    lines: 100,
    ...over,
  };
}

/** nvcc rejecting compute_35 in step 5, located on lines 14-17 of `Dockerfile`. */
export function makeFinding(over: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'cuda/unsupported-arch',
    severity: 'error',
    title: 'nvcc does not support sm_35',
    message: 'nvcc rejected the GPU architecture compute_35.',
    fix: 'Remove `sm_35` from the arch list.\n\n```dockerfile\nENV TORCH_CUDA_ARCH_LIST="8.0;8.6;9.0"\n```',
    step: 5,
    location: { file: 'Dockerfile', line: 14, endLine: 17 },
    evidence: ["nvcc fatal   : Unsupported gpu architecture 'compute_35'"],
    retryable: false,
    ...over,
  };
}

/** What `analyzeStream` returns for this model and these findings, ready for the reporters. */
export function makeAnalysis(findings: Finding[], model: BuildModel = makeModel()): Analysis {
  return { model, facts: {}, findings };
}
