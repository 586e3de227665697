// Small builders shared by the io tests: an Analysis made by hand, and a SARIF 2.1.0 validator.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AjvDraft04 from 'ajv-draft-04';
import type { Analysis } from '../../src/analyze.js';
import type { BuildModel, Finding, Step } from '../../src/model/types.js';
import { buildReport } from '../../src/report/json.js';

export function step(id: number, instruction: string, extra: Partial<Step> = {}): Step {
  return {
    id,
    stage: 'builder',
    index: id,
    total: 9,
    instruction,
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
    firstLine: 1,
    lastLine: 2,
    tail: [],
    outputLines: 0,
    clipped: false,
    ...extra,
  };
}

export function finding(extra: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'cuda/unsupported-arch',
    severity: 'error',
    title: 'nvcc does not support the GPU architecture compute_35',
    message: 'CUDA 12.4 dropped compute_35.',
    fix: 'Set `TORCH_CUDA_ARCH_LIST="7.5;8.0;8.6;9.0"`.',
    step: 7,
    location: { file: 'docker/cuda.Dockerfile', line: 14, endLine: 16 },
    evidence: ["nvcc fatal   : Unsupported gpu architecture 'compute_35'"],
    docs: 'https://docs.nvidia.com/cuda/cuda-compiler-driver-nvcc/',
    ...extra,
  };
}

export function analysis(findings: Finding[], steps: Step[] = [step(7, 'RUN nvcc -arch=sm_35 kernel.cu', { status: 'error' })]): Analysis {
  const model: BuildModel = {
    format: 'buildkit-plain',
    steps,
    solveError: null,
    failedStep: steps.find((s) => s.status === 'error')?.id ?? null,
    seconds: 10,
    cacheHitRatio: 0,
    lintWarnings: [],
    lines: 100,
  };
  return { model, findings, report: buildReport(model, findings) };
}

/** Validates against the OASIS SARIF 2.1.0 schema as shipped in an npm package (draft-04 JSON Schema). */
export function sarifValidator(): (log: unknown) => string[] {
  const require = createRequire(import.meta.url);
  const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;
  // The schema's language-tag pattern is not valid with the `u` flag: compile patterns without it.
  const ajv = new AjvDraft04.default({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
  const validate = ajv.compile(schema);
  return (log) => (validate(log) ? [] : (validate.errors ?? []).map((e: { instancePath: string; message?: string }) => `${e.instancePath} ${e.message ?? ''}`));
}
