import { describe, expect, test } from 'vitest';
import { emptyBuildArgEnrich, provenEmpty, versionVariables } from '../../src/knowledge/empty-build-arg-enricher.js';
import type { BuildModel, Step } from '../../src/model/types.js';
import type { FactView } from '../../src/facts/fact-view.js';

const model = { format: 'legacy', steps: [] } as unknown as BuildModel;
const facts: FactView = { get: () => null, value: () => null, conflicts: () => [], place: null, githubHosted: false };
const stepOf = (instruction: string, tail: string[] = []): Step => ({ instruction, tail } as unknown as Step);

// open-mmlab/mmagic#702, Step 14/16 and the line pip printed for it
const MMCV_RUN = 'RUN pip install mmcv-full==${MMCV} -f https://download.openmmlab.com/mmcv/dist/cu${CUDA_ALIAS}/torch${PYTORCH}/index.html';
const MMCV_LINKS = 'Looking in links: https://download.openmmlab.com/mmcv/dist/cu/torch/index.html';

describe('the empty-build-arg enricher', () => {
  test('names the variable of the version and those the printed URL proves empty (open-mmlab/mmagic#702)', () => {
    expect(emptyBuildArgEnrich({ requirement: 'mmcv-full==' }, stepOf(MMCV_RUN, [MMCV_LINKS]), model, facts)).toEqual({
      emptyArgVars: 'MMCV',
      emptyArgPackage: 'mmcv-full',
      emptyArgAll: 'MMCV, CUDA_ALIAS, PYTORCH',
      emptyArgFirst: 'MMCV',
      emptyArg1: 'MMCV',
      emptyArg2: 'CUDA_ALIAS',
      emptyArg3: 'PYTORCH',
    });
  });

  test('without the printed URL only the version variable is named', () => {
    const out = emptyBuildArgEnrich({ requirement: 'mmcv-full==' }, stepOf(MMCV_RUN), model, facts);
    expect(out.emptyArgAll).toBe('MMCV');
    expect(out.emptyArg2).toBeUndefined();
  });

  test('matches the name as pip normalises it, and the bare $VAR form', () => {
    expect(versionVariables('RUN pip install Mmcv_Full==$MMCV_VERSION numpy', 'mmcv-full==')).toEqual(['MMCV_VERSION']);
    expect(versionVariables('RUN pip install torch==${TORCH:-2.1.0} mmcv==${MMCV}', 'mmcv==')).toEqual(['MMCV']);
  });

  test('nothing when the version is not empty, the command writes no variable there, or the step is unknown', () => {
    expect(emptyBuildArgEnrich({ requirement: 'mmcv-full==1.3.0' }, stepOf(MMCV_RUN), model, facts)).toEqual({});
    expect(emptyBuildArgEnrich({ requirement: 'mmcv-full==' }, stepOf('RUN pip install -r requirements.txt'), model, facts)).toEqual({});
    expect(emptyBuildArgEnrich({ requirement: 'mmcv-full==' }, null, model, facts)).toEqual({});
  });

  test('a URL printed with its variables filled in proves nothing empty', () => {
    expect(provenEmpty(MMCV_RUN, ['Looking in links: https://download.openmmlab.com/mmcv/dist/cu111/torch1.8.0/index.html'], ['MMCV'])).toEqual([]);
  });
});
