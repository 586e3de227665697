// torch against torchvision / torchaudio in pip's "The conflict is caused by:" block: the pair each release pins, from the
// release table or from the log, and the nightly index for nightlies. Every input line is pip's, quoted from a thread.
import { describe, expect, test } from 'vitest';
import { findConflict, parseCauses } from '../../src/knowledge/pip-conflict.js';
import { torchPairAdvice } from '../../src/knowledge/torch-pair-conflict.js';

const conflictOf = (lines: string[]) => {
  const c = findConflict(parseCauses(lines));
  if (c === null) throw new Error('no conflict');
  return c;
};

describe('torch-pair-conflict', () => {
  test('a release: the torchvision of the table for the pinned torch, and the pair the log names', () => {
    // Kaggle/docker-python#1364
    const advice = torchPairAdvice(
      conflictOf(['    The user requested torch==2.2.0', '    torchvision 0.17.1 depends on torch==2.2.1']),
      null,
    );
    expect(advice?.torchPairAdvice).toContain('`torch==2.2.0 torchvision==0.17.0`');
    expect(advice?.torchPairAdvice).toContain('`torch==2.2.1 torchvision==0.17.1`');
    expect(advice?.torchPairCheck).toBe('pip install --dry-run torch==2.2.0 torchvision');
    expect(advice?.torchPairCheckKeep).toBeUndefined();
  });

  test('a nightly: the torch nightly the requirement names, on the nightly index of the build variant', () => {
    // pytorch/executorch#9445
    const advice = torchPairAdvice(
      conflictOf(['    The user requested torch==2.7.0.dev20250311', '    torchvision 0.22.0.dev20250311+cpu depends on torch==2.7.0.dev20250310']),
      null,
    );
    expect(advice?.torchPairCheck).toBe(
      'pip install --dry-run --pre torch==2.7.0.dev20250310 torchvision==0.22.0.dev20250311+cpu --index-url https://download.pytorch.org/whl/nightly/cpu',
    );
    expect(advice?.torchPairCheckKeep).toContain('torch==2.7.0.dev20250311 torchvision --index-url https://download.pytorch.org/whl/nightly/cpu');
    expect(advice?.torchPairVariantNote).toBeUndefined();
    // pytorch/pytorch#154687: the xpu variant
    const xpu = torchPairAdvice(
      conflictOf(['    The user requested torch==2.8.0.dev20250529+xpu', '    torchvision 0.22.0.dev20250529+xpu depends on torch==2.8.0.dev20250528']),
      null,
    );
    expect(xpu?.torchPairCheck).toContain('--index-url https://download.pytorch.org/whl/nightly/xpu');
  });

  test('the build pip predates --dry-run: a sentence says to upgrade it', () => {
    const advice = torchPairAdvice(
      conflictOf(['    The user requested torch==2.2.0', '    torchvision 0.17.1 depends on torch==2.2.1']),
      '21.1.3',
    );
    expect(advice?.torchPairUpgrade).toContain('python -m pip install --upgrade pip');
  });

  test('not a torch / domain-library pair: no advice', () => {
    // NIRVANALAN/GaussianAnything#9: torchvision agrees, xformers is the conflict
    const conflict = conflictOf([
      '    The user requested torch==2.1.0',
      '    torchvision 0.16.0 depends on torch==2.1.0',
      '    xformers 0.0.26.post1 depends on torch==2.3.0',
    ]);
    expect(torchPairAdvice(conflict, null)).toBeNull();
  });
});
