// The requirement pair of pip's "The conflict is caused by:" block, on the line shapes pip prints.
import { describe, expect, test } from 'vitest';
import { describeConflict, findConflict, parseCauses, pinnedVersion, satisfies } from '../../src/knowledge/pip-conflict.js';

describe('version specifiers', () => {
  test('pins, ranges, wildcards and pip\'s " and " join', () => {
    expect(pinnedVersion('torch==2.1.0')).toBe('2.1.0');
    expect(pinnedVersion('torch==2.1.*')).toBeNull();
    expect(pinnedVersion('datasets<4.0 and >=2.16.0')).toBeNull();
    expect(satisfies('datasets<4.0 and >=2.16.0', '4.4.1')).toBe(false);
    expect(satisfies('datasets<4.0 and >=2.16.0', '3.6.0')).toBe(true);
    expect(satisfies('torch==2.3.0', '2.1.0')).toBe(false);
    expect(satisfies('torch==2.1.*', '2.1.2')).toBe(true);
    expect(satisfies('numpy~=1.26.0', '1.26.4')).toBe(true);
    expect(satisfies('numpy~=1.26.0', '1.27.0')).toBe(false);
    expect(satisfies('xformers>=0.0.26.post1', '0.0.26')).toBe(false);
    expect(satisfies('torch>=2.3.0', '2.3.0a0+40ec155e58.nv24.5')).toBe(false); // a pre-release sorts before the release
    expect(satisfies('fastlayers-cuda', '1.0')).toBe(true);
    expect(satisfies('torch===weird', '1.0')).toBeNull();
  });
});

describe('findConflict', () => {
  test('skips the requirement that agrees with the request (NIRVANALAN/GaussianAnything#9)', () => {
    const causes = parseCauses([
      '    The user requested torch==2.1.0',
      '    torchvision 0.16.0 depends on torch==2.1.0',
      '    xformers 0.0.26.post1 depends on torch==2.3.0',
    ]);
    const c = findConflict(causes)!;
    expect(c.against.requirer).toBe('xformers');
    expect(describeConflict(c)).toBe('the install asks for torch==2.1.0, but xformers 0.0.26.post1 depends on torch==2.3.0');
  });

  test('a constraint wins, and the other releases with the same requirement are counted', () => {
    const causes = parseCauses([
      '    lm-eval 0.4.9.2 depends on datasets<4.0 and >=2.16.0',
      '    lm-eval 0.4.9.1 depends on datasets<4.0 and >=2.16.0',
      '    The user requested (constraint) datasets==4.4.1',
    ]);
    expect(describeConflict(findConflict(causes)!)).toBe(
      'a constraints file pins datasets==4.4.1, but lm-eval 0.4.9.2 depends on datasets<4.0 and >=2.16.0 (and so does the other release of lm-eval pip tried)',
    );
  });

  test('two packages that pin different versions, without a request', () => {
    const causes = parseCauses(['    torchvision 0.16.0 depends on torch==2.1.0', '    xformers 0.0.26.post1 depends on torch==2.3.0']);
    expect(describeConflict(findConflict(causes)!)).toBe('torchvision 0.16.0 depends on torch==2.1.0, but xformers 0.0.26.post1 depends on torch==2.3.0');
  });

  test('no pair when every requirement agrees (a dependency without a release); repeated lines count once', () => {
    const causes = parseCauses(['    vision-utils 0.3.1 depends on fastlayers-cuda', '    vision-utils 0.3.1 depends on fastlayers-cuda']);
    expect(causes).toHaveLength(1);
    expect(findConflict(causes)).toBeNull();
  });
});

describe('a pin with a local version label (PEP 440, "Version matching")', () => {
  test('a plain release does not match a pin with a label; the same label does', () => {
    expect(satisfies('torch==2.3.1+cpu', '2.3.1')).toBe(false);
    expect(satisfies('torch==2.3.1+cpu', '2.3.1+cpu')).toBe(true);
    expect(satisfies('torch==2.3.1+cpu', '2.3.1+cu121')).toBe(false);
  });
  test('near miss: a pin without a label ignores the candidate\'s label', () => {
    expect(satisfies('torch==2.3.1', '2.3.1+cpu')).toBe(true);
  });
  test('the plain request against the local pin is the conflict (InternLM/lmdeploy#2745)', () => {
    const causes = parseCauses(['    The user requested torch==2.3.1', '    torchvision 0.18.1 depends on torch==2.3.1', '    torch-npu 2.3.1 depends on torch==2.3.1+cpu']);
    const c = findConflict(causes);
    expect(c?.against.requirer).toBe('torch-npu');
  });
});
