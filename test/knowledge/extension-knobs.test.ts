// Build knobs of CUDA extensions.
import { describe, expect, test } from 'vitest';
import { knobsFor, packagesWithKnobs } from '../../src/knowledge/extension-knobs.js';

describe('knobsFor', () => {
  test('flash-attn, under any spelling', () => {
    const names = knobsFor('flash_attn').map((k) => k.name);
    expect(names).toEqual(expect.arrayContaining(['FLASH_ATTENTION_FORCE_BUILD', 'FLASH_ATTENTION_SKIP_CUDA_BUILD', 'FLASH_ATTN_CUDA_ARCHS', 'NVCC_THREADS', 'MAX_JOBS']));
    expect(knobsFor('Flash-Attn').find((k) => k.name === 'NVCC_THREADS')?.defaultValue).toBe('4');
    expect(knobsFor('flash-attn').find((k) => k.name === 'FLASH_ATTN_CUDA_ARCHS')?.defaultValue).toBe('80;90;100;120');
  });

  test('torch cpp_extension and vllm', () => {
    expect(knobsFor('torch.utils.cpp_extension').map((k) => k.name)).toEqual(['TORCH_CUDA_ARCH_LIST', 'MAX_JOBS']);
    expect(knobsFor('vllm').find((k) => k.name === 'VLLM_TARGET_DEVICE')?.defaultValue).toBe('cuda');
  });

  test('unverified packages have no knobs; every knob has a source', () => {
    expect(knobsFor('xformers')).toEqual([]);
    expect(knobsFor('apex')).toEqual([]);
    for (const p of packagesWithKnobs()) for (const k of knobsFor(p)) expect(k.source).toMatch(/\w{5}/);
  });
});
