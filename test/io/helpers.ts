// What the io tests share: the analysis they render, made by hand, and a SARIF 2.1.0 validator.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AjvDraft04 from 'ajv-draft-04';
import type { Analysis } from '../../src/report/analysis.js';
import type { Finding } from '../../src/rules/finding.js';
import type { Step } from '../../src/model/types.js';
import { makeAnalysis, makeFinding, makeModel, makeStep } from '../support/builders.js';

/** A step of the `builder` stage, of nine. */
export function step(id: number, instruction: string, extra: Partial<Step> = {}): Step {
  return makeStep({ id, stage: 'builder', index: id, total: 9, instruction, ...extra });
}

/** nvcc rejecting compute_35 in step 7, on lines 14-16 of `docker/cuda.Dockerfile`, with a docs link. */
export function finding(extra: Partial<Finding> = {}): Finding {
  return makeFinding({
    title: 'nvcc does not support the GPU architecture compute_35',
    message: 'CUDA 12.4 dropped compute_35.',
    fix: 'Set `TORCH_CUDA_ARCH_LIST="7.5;8.0;8.6;9.0"`.',
    step: 7,
    location: { file: 'docker/cuda.Dockerfile', line: 14, endLine: 16 },
    docs: 'https://docs.nvidia.com/cuda/cuda-compiler-driver-nvcc/',
    ...extra,
  });
}

/** A 10-second build of these steps (by default, step 7 failing) with nothing cached. */
export function analysis(findings: Finding[], steps: Step[] = [step(7, 'RUN nvcc -arch=sm_35 kernel.cu', { status: 'error' })]): Analysis {
  return makeAnalysis(findings, makeModel({ steps, seconds: 10, cacheHitRatio: 0 }));
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
