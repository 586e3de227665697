// runtime/xformers-flash3-unsupported-gpu: xformers' bundled FlashAttention-3 (hopper) kernel launched on a GPU it was not
// built for. The fix is where the program runs (ComfyUI's flags, the compose service's environment), never the image build.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyzeLog, findingOf } from './support/analyze-log.js';

const ID = 'runtime/xformers-flash3-unsupported-gpu';
const read = (name: string): string =>
  readFileSync(new URL(`../../fixtures/rules/runtime/xformers-flash3-unsupported-gpu/${name}`, import.meta.url), 'utf8');

describe("xformers' FlashAttention-3 kernel on a GPU it was not built for", () => {
  test('ComfyUI under docker compose (YanWenKun/ComfyUI-Docker#130): the flag goes in the service environment', async () => {
    const f = await findingOf(ID, read('match-comfyui-docker-130-compose-blackwell.log'));
    expect(f.message).toContain('`invalid argument`');
    expect(f.message).toContain('flash-attention/hopper/flash_fwd_launch_template.h:188');
    expect(f.fix).toContain('CLI_ARGS=--use-pytorch-cross-attention');
    expect(f.fix).toContain('--disable-xformers');
    expect(f.fix).toContain('docker compose up -d --force-recreate');
    expect(f.fix).not.toMatch(/Dockerfile|RUN /);
  });

  test('the no-kernel-image wording of the same launch (facebookresearch/xformers#1224) is this finding, not the arch list one', async () => {
    const findings = await analyzeLog(read('match-no-kernel-image-xformers-1224.log'));
    expect(findings[0]?.ruleId).toBe(ID);
    expect(findings.some((f) => f.ruleId === 'cuda/no-kernel-image')).toBe(false);
  });

  test("Windows' path (kijai/ComfyUI-DepthAnythingV2#29, description by lixida123, 2025-07-08), with ComfyUI named", async () => {
    const f = await findingOf(
      ID,
      [
        'Hi Bro,im got an error when performing the Depth Anything V2 step: Loading model from: D:\\ComfyUI-aki-v1.4\\models\\depthanything\\depth_anything_v2_vitl_fp16.safetensors',
        'using MLP layer as FFN',
        'CUDA error (C:/a/xformers/xformers/third_party/flash-attention/hopper\\flash_fwd_launch_template.h:188): invalid argument',
        '',
      ].join('\n'),
    );
    expect(f.fix).toContain('python main.py --use-pytorch-cross-attention');
  });

  test('FlashAttention-3 from another package (karpathy/nanochat#820) is not xformers\' finding', async () => {
    const findings = await analyzeLog(read('nomatch-fa3-other-package-nanochat-820.log'));
    expect(findings.some((f) => f.ruleId === ID)).toBe(false);
    expect(findings.some((f) => f.ruleId === 'cuda/no-kernel-image')).toBe(true);
  });
});
