// cuda/version-mismatch leads with a prebuilt wheel only where the extension pip compiled is one that publishes wheels per
// torch release (xformers, flash-attn), and keeps torch first where torch's CUDA is a generation before the toolkit's.
import { describe, expect, test } from 'vitest';
import { versionMismatch } from '../../src/rules/catalog/cuda/version-mismatch.js';

const context = (name: string): RegExp => new RegExp((versionMismatch.context ?? []).find((c) => c.name === name)!.pattern!);

describe('cuda/version-mismatch: the prebuilt-wheel lead', () => {
  test("AUTOMATIC1111/stable-diffusion-webui#10125's xformers lines are read", () => {
    expect(context('prebuilt').exec('  ERROR: Failed building wheel for xformers')?.groups?.pkg).toBe('xformers');
    expect(context('xformersBuild').test('  Running setup.py install for xformers ... error')).toBe(true);
  });
  test("ali-vilab/VGen#29's flash-attn line is read (match-flash-attn-cuda122-torch-cu113-vgen.log)", () => {
    expect(context('flashAttnBuild').test('  ERROR: Failed building wheel for flash-attn')).toBe(true);
  });
  test('a PyG extension or DeepSpeed is not one of them', () => {
    // fixtures match-older-toolkit-cuda101-torch-cu121-pyg-scatter.log and nomatch-deepspeed-skip-cuda-check.log
    expect(context('prebuilt').test('  ERROR: Failed building wheel for torch-scatter')).toBe(false);
    expect(context('prebuilt').test('  Running setup.py install for deepspeed ... error')).toBe(false);
  });
});
