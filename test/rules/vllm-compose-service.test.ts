// A vLLM container under docker compose names vLLM only in compose's prefix (`vllm_1   | RuntimeError: CUDA error: no kernel
// image …`, vllm-project/vllm#1936), which the line stage takes off the text the rules read. The service is a fact, and a
// context with `source: 'service'` reads it: with no GPU named, the fix leads with vLLM's minimum compute capability.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { fixturesRoot } from './support/fixtures.js';
import { analyzeLog } from './support/analyze-log.js';
import { analyzeStream } from '../../src/analyze.js';
import { ruleSchema, type Rule } from '../../src/rules/schema.js';
import { noKernelImage } from '../../src/rules/catalog/cuda/no-kernel-image.js';

function fixture(rel: string): string {
  return readFileSync(path.join(fixturesRoot, rel), 'utf8');
}

async function first(text: string, ruleId: string) {
  const findings = await analyzeLog(text);
  return findings.find((f) => f.ruleId === ruleId);
}

describe('cuda/no-kernel-image: vLLM named by the compose service only', () => {
  test('vllm-project/vllm#1936: vLLM\'s minimum and the GPU\'s capability, no sm_120 text', async () => {
    const f = await first(fixture('cuda/no-kernel-image/match-vllm-compose-service-1936.log'), 'cuda/no-kernel-image');
    expect(f!.title).toBe('vLLM has no kernels for this GPU');
    expect(f!.message).toContain('compute capability 7.0 or higher');
    expect(f!.fix).toContain('nvidia-smi --query-gpu=name,compute_cap --format=csv');
    expect(f!.fix).not.toMatch(/sm_120|Blackwell|TORCH_CUDA_ARCH_LIST/);
  });

  test('vllm-project/vllm#16307: the GPU named (Tesla P100) keeps the reading that names it', async () => {
    const f = await first(fixture('cuda/no-kernel-image/match-vllm-image-p100-16307.log'), 'cuda/no-kernel-image');
    expect(f!.title).toBe('vLLM has no kernels for this GPU (below its minimum compute capability)');
  });

  test('ashleykleynhans/a1111-docker#11: no vLLM anywhere, the generic reading', async () => {
    const f = await first(fixture('cuda/no-kernel-image/match-torch-runtime-error-one-line-a1111-11.log'), 'cuda/no-kernel-image');
    expect(f!.title).toBe('No kernel image for this GPU');
  });
});

describe("a service context reads compose's service, not the line", () => {
  // The catalog rule's own service context, on a rule that matches a line of each real log.
  const service = noKernelImage.context!.find((c) => c.name === 'vllmService')!;
  const probe = (literal: string): Rule =>
    ruleSchema.parse({
      id: 'test/service-probe',
      title: 'probe',
      severity: 'error',
      match: [{ literals: [literal] }],
      context: [service],
      scope: 'build',
      message: 'no service',
      fix: 'none',
      variants: [{ when: 'vllmService', message: 'service {context.vllmService}', fix: 'none' }],
    });
  const messageOf = async (file: string, literal: string): Promise<string | undefined> => {
    const { findings, facts } = await analyzeStream(Readable.from([Buffer.from(fixture(file))]), { rules: [probe(literal)] });
    expect(facts.composeService?.length).toBeGreaterThan(0);
    return findings.find((f) => f.ruleId === 'test/service-probe')?.message;
  };

  test('vllm_1 (vllm-project/vllm#1936): holds', async () => {
    expect(await messageOf('cuda/no-kernel-image/match-vllm-compose-service-1936.log', 'no kernel image')).toBe('service vllm');
  });

  test('fauxpilot-triton-1 (another service, its error line): does not hold', async () => {
    expect(await messageOf('cuda/driver-too-old/nomatch-ngc-banner-no-driver-version-fauxpilot.log', 'This container was built for')).toBe('no service');
  });

  test('khoj-server-1 (another service, its traceback): does not hold', async () => {
    expect(await messageOf('runtime/shared-library-missing/match-libgl-rapidocr-compose-run.log', 'libGL.so.1')).toBe('no service');
  });
});
