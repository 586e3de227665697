// The pip-advice enricher: commands in the step's installer's form, each naming a requirement from the log.
import { describe, expect, test } from 'vitest';
import { conflictPipFlags, instructionRequirements, nearestPlainRelease, pipAdviceEnrich, settledVersion } from '../../src/knowledge/pip-advice-enricher.js';
import { factsFor } from '../../src/facts/fact-view.js';
import type { BuildFacts, FactValue } from '../../src/facts/types.js';
import { makeModel, makeStep } from '../support/builders.js';

function fact(value: string, source: string): FactValue {
  return { value, source, evidence: value, line: 1, stage: null, step: null };
}
const model = makeModel();
const view = (facts: BuildFacts) => factsFor(facts, null, model);

describe('pipAdviceEnrich', () => {
  test('uv gets uv forms; the version the RUN pins is kept', () => {
    const step = makeStep({ instruction: 'RUN uv pip install --system flash-attn==2.6.3' });
    const out = pipAdviceEnrich({ package: 'flash-attn', module: 'torch' }, step, model, view({ installer: [fact('uv', 'instruction')] }));
    expect(out.noIsolationCmd).toBe('uv pip install --no-build-isolation flash-attn==2.6.3');
    expect(out.verboseCmd).toBe('uv pip install -v --no-cache flash-attn==2.6.3');
    expect(out.breakCmd).toBe('uv pip install --system --break-system-packages flash-attn==2.6.3');
    expect(out.dryRunCmd).toBeUndefined(); // pip's --report has no verified uv counterpart here
    expect(out.buildDepsCmd).toBe('uv pip install torch ninja packaging wheel setuptools');
  });

  test('pip with the instruction\'s requirements file; torch already in an NGC image is not installed again', () => {
    const step = makeStep({ instruction: 'RUN pip install --no-cache-dir -r requirements.txt' });
    const out = pipAdviceEnrich({ module: 'torch' }, step, model, view({ installer: [fact('pip', 'instruction')], imageFlavour: [fact('ngc', 'image-tag')] }));
    expect(out.installCmd).toBe('pip install -r requirements.txt');
    expect(out.breakCmd).toBe('pip install --break-system-packages -r requirements.txt');
    expect(out.buildDepsCmd).toBe('pip install ninja packaging wheel setuptools');
    expect(out.versionsCmd).toBeUndefined();
  });

  test("a module setup.py imports goes into the Python first: torch from PyTorch's index for the log's CUDA, none when it is unknown", () => {
    const step = makeStep({ instruction: 'RUN pip install -r requirements.txt' });
    const captures = { module: 'torch', 'context.sourceDir.name': 'xformers' };
    const cuda = pipAdviceEnrich(captures, step, model, view({ cuda: [fact('12.1', 'nvcc')] }));
    expect(cuda.moduleFirstCmd).toBe('pip install --index-url https://download.pytorch.org/whl/cu121 torch');
    expect(cuda.moduleFirstNote).toBe("The index is PyTorch's for CUDA 12.1, as the log shows.");
    // the CUDA torch was built for wins over the toolkit's
    const built = pipAdviceEnrich(captures, step, model, view({ cuda: [fact('12.4', 'nvcc')], torchCuda: [fact('cu118', 'wheel')] }));
    expect(built.moduleFirstCmd).toBe('pip install --index-url https://download.pytorch.org/whl/cu118 torch');
    const unknown = pipAdviceEnrich(captures, step, model, view({}));
    expect(unknown.moduleFirstCmd).toBeUndefined();
    expect(unknown.requirement).toBe('xformers');
    expect(pipAdviceEnrich({ module: 'numpy' }, step, model, view({})).moduleFirstCmd).toBe('pip install numpy');
  });

  test('no requirement in the log: no command at all', () => {
    const out = pipAdviceEnrich({}, makeStep({ instruction: 'RUN pip install $PACKAGES' }), model, view({}));
    expect(out.installCmd).toBeUndefined();
    expect(out.noIsolationCmd).toBeUndefined();
  });

  test('conda / mamba fall back to pip inside the environment for flags conda does not have', () => {
    const out = pipAdviceEnrich({ package: 'apex' }, null, model, view({ installer: [fact('mamba', 'instruction')] }));
    expect(out.noIsolationCmd).toBe('python -m pip install --no-build-isolation apex');
  });

  test('a +cu local version: the index the table says has the release, else the closest tag of that release', () => {
    const has = pipAdviceEnrich({ requirement: 'torch==2.1.0+cu121' }, null, model, view({}));
    expect(has.localIndexCmd).toBe('pip install --index-url https://download.pytorch.org/whl/cu121 torch==2.1.0');
    const lacks = pipAdviceEnrich({ requirement: 'torch==2.1.0+cu122' }, null, model, view({ cuda: [fact('12.2', 'nvcc')] }));
    expect(lacks.localIndexCmd).toBe('pip install --index-url https://download.pytorch.org/whl/cu121 torch==2.1.0');
    expect(lacks.localIndexNote).toContain('not for cu122');
  });

  test('a +cu pin of a release before the per-CUDA indexes: its find-links page, the build that exists, or the plain PyPI one', () => {
    const onPage = pipAdviceEnrich({ requirement: 'torch==1.9.0+cu102' }, null, model, view({}));
    expect(onPage.localFindLinksCmd).toBe('pip install -f https://download.pytorch.org/whl/torch_stable.html torch==1.9.0+cu102');
    expect(onPage.localIndexCmd).toBeUndefined(); // no index is claimed for it
    expect(onPage.localLegacyNote).toContain('torchvision 0.10.0+cu102');
    const perTag = pipAdviceEnrich({ requirement: 'torch==1.10.1+cu111' }, null, model, view({}));
    expect(perTag.localFindLinksCmd).toBe('pip install -f https://download.pytorch.org/whl/cu111/torch_stable.html torch==1.10.1+cu111');
    const none = pipAdviceEnrich({ requirement: 'torch==1.9.0+cu118' }, null, model, view({}));
    expect(none.localFindLinksCmd).toBe('pip install -f https://download.pytorch.org/whl/torch_stable.html torch==1.9.0+cu111');
    expect(none.localLegacyNote).toContain('no cu118 build of it exists (the first torch with cu118 builds is 2.0.0)');
    const plain = pipAdviceEnrich({ requirement: 'torch==1.7.1+cu102' }, null, model, view({}));
    expect(plain.localPlainCmd).toBe('pip install torch==1.7.1');
    const unversioned = pipAdviceEnrich({ requirement: 'torch==1.1.0+cu90' }, null, model, view({}));
    expect(unversioned.localUnversionedPage).toBe('https://download.pytorch.org/whl/cu90/torch_stable.html');
    expect(unversioned.localFindLinksCmd).toBeUndefined();
    // older than the indexes and in neither table: nothing computed
    expect(pipAdviceEnrich({ requirement: 'torch==1.3.0+cu101' }, null, model, view({})).localIndexCmd).toBeUndefined();
  });

  test("uv's own report: uv forms, and uv add in a project", () => {
    const uvPip = pipAdviceEnrich({ 'context.uv': 'x', 'context.uvLocal.spec': 'torch==2.1.0+cu121' }, null, model, view({}));
    expect(uvPip.localIndexCmd).toBe('uv pip install --index-url https://download.pytorch.org/whl/cu121 torch==2.1.0');
    expect(uvPip.localIndexUrl).toBe('https://download.pytorch.org/whl/cu121');
    const project = pipAdviceEnrich({ 'context.uv': 'x', 'context.uvProject': 'y', 'context.uvLocal.spec': 'torch==1.6.0+cu101' }, null, model, view({}));
    expect(project.localFindLinksCmd).toBe('uv add --find-links https://download.pytorch.org/whl/torch_stable.html torch==1.6.0+cu101');
  });

  test('the conflict pair from captures alone (a paste has no step output)', () => {
    const out = pipAdviceEnrich(
      {
        requested: 'torch==2.1.0',
        requirer: 'torchvision',
        requirerVersion: '0.16.0',
        requirement: 'torch==2.1.0',
        'context.lastDep.requirer': 'xformers',
        'context.lastDep.version': '0.0.26.post1',
        'context.lastDep.req': 'torch==2.3.0',
      },
      null,
      model,
      view({}),
    );
    expect(out.conflict).toBe('the install asks for torch==2.1.0, but xformers 0.0.26.post1 depends on torch==2.3.0');
    expect(out.conflictDryRun).toBe('pip install --dry-run --quiet --report - xformers');
  });

  test('one package asked for and the pair two of its dependencies: the pins are its own, not the command\'s', () => {
    // unslothai/unsloth#1136: `Cannot install unsloth because …`, then `xformers 0.0.24 depends on torch==2.2.0` and
    // `unsloth-zoo 2024.10.1 depends on torch>=2.4.0` (fixtures/rules/pip/resolution-impossible/match-extra-pins-…-unsloth.log)
    const pair = {
      requirer: 'xformers',
      requirerVersion: '0.0.24',
      requirement: 'torch==2.2.0',
      'context.lastDep.requirer': 'unsloth-zoo',
      'context.lastDep.version': '2024.10.1',
      'context.lastDep.req': 'torch>=2.4.0',
    };
    const out = pipAdviceEnrich({ ...pair, 'context.oneTrigger.name': 'unsloth' }, null, model, view({}));
    expect(out).toMatchObject({ treeTop: 'unsloth', treeWanted: 'xformers 0.0.24', treeFloor: 'torch>=2.4.0', conflictVersions: 'pip index versions unsloth' });
    expect(out.treeExtra).toBeUndefined(); // the log does not name the extra
    // pip names the extra when it is a root request (`Cannot install hanlp[full] because …`, a pasted pip error); the
    // thread's command asked for `unsloth[cu121-ampere-torch220]`
    const withExtra = { ...pair, 'context.oneTrigger.name': 'unsloth', 'context.oneTrigger.extra': 'cu121-ampere-torch220' };
    expect(pipAdviceEnrich(withExtra, null, model, view({})).treeExtra).toBe('unsloth[cu121-ampere-torch220]');
    // must not: pip named more than one requirement (`Cannot install -r … and torch==2.1.0`, NIRVANALAN/GaussianAnything#9):
    // no single trigger is captured; the rule's other fixtures keep their advice
    expect(pipAdviceEnrich(pair, null, model, view({})).treeTop).toBeUndefined();
  });

  test('a package that asked for another torch: the CUDA build of it from the index the table says has it', () => {
    const captures = { 'context.requestedBy.pkg': 'torch', 'context.requestedBy.spec': '==2.2.2', 'context.requestedBy.by': 'torchmetrics-old' };
    expect(pipAdviceEnrich(captures, null, model, view({ cuda: [fact('12.4', 'nvcc')] })).torchSwapNote).toBe(
      "If torch 2.2.2 is really needed, install its CUDA 12.4 build from PyTorch's index rather than PyPI's default build: " +
        'pip install --index-url https://download.pytorch.org/whl/cu121 torch==2.2.2.',
    );
    expect(pipAdviceEnrich(captures, null, model, view({})).torchSwapNote).toBeUndefined(); // no CUDA in the log: nothing computed
  });

  test('the release pip settled on after backtracking', () => {
    expect(settledVersion('Successfully installed torch-2.3.0 vllm-0.5.1', 'vllm')).toBe('0.5.1');
    expect(settledVersion('Successfully installed lm_eval-0.4.8', 'lm-eval')).toBe('0.4.8');
    expect(settledVersion('Successfully installed torch-2.3.0', 'vllm')).toBeNull();
  });

  test('requirements of an instruction', () => {
    expect(instructionRequirements('RUN pip install --no-cache-dir -c c.txt numpy "scipy<2"')).toBe('numpy scipy<2');
    expect(instructionRequirements('RUN python3 -m pip install -e .')).toBeNull(); // -e takes the path as its value
    expect(instructionRequirements('RUN pip install .')).toBe('.');
    // pip's general options before the command (whipper-team/whipper#603's Dockerfile).
    expect(instructionRequirements('RUN apt-get clean && pip3 --no-cache-dir install pycdio==2.1.0 discid')).toBe('pycdio==2.1.0 discid');
    expect(instructionRequirements('RUN python -m pip --disable-pip-version-check -q install torch')).toBe('torch');
    expect(instructionRequirements('RUN pip3 --version && echo install')).toBeNull();
    // a general option's value is no requirement: phplaber/yawf#1's step, as BuildKit's error box prints it
    expect(instructionRequirements('[5/6] RUN pip3 install -r requirements.txt -i http://pypi.doubanio.com/simple --trusted-host pypi.doubanio.com')).toBe(
      '-r requirements.txt',
    );
  });
});

describe('nearestPlainRelease', () => {
  test('takes the highest listed release not above the one asked', () => {
    expect(nearestPlainRelease('1.9.1', '1.8.0, 1.8.1, 1.9.0, 1.10.0, 1.10.1')).toBe('1.9.0');
    expect(nearestPlainRelease('1.11.0', '1.8.0, 1.10.2, 1.11.0')).toBe('1.11.0');
  });

  test('is null when every listed release is newer, or nothing is listed', () => {
    expect(nearestPlainRelease('1.7.1', '1.8.0, 1.9.0')).toBeNull();
    expect(nearestPlainRelease('1.9.1', undefined)).toBeNull();
    expect(nearestPlainRelease('1.9.1', 'none')).toBeNull();
  });
});

describe('the plain release to pin for a missing +cpu / +cuNNN build', () => {
  const asked = (requirement: string, versions: string) =>
    pipAdviceEnrich({ requirement, versions }, makeStep({ instruction: `RUN pip install ${requirement}` }), model, view({ installer: [fact('pip', 'instruction')] }));

  test('the nearest listed release at or below the one asked', () => {
    expect(asked('torch==1.9.1+cpu', '1.8.0, 1.9.0, 1.10.0').plainPinCmd).toBe('pip install torch==1.9.0');
  });

  test('every listed release newer than the one asked: the oldest one, and the older Python the asked one needs', () => {
    const out = asked('torch==1.4.0+cpu', '1.8.0, 1.8.1, 1.9.0, 1.10.0, 1.10.1, 1.10.2, 1.11.0');
    expect(out.plainPinLead).toContain('newer than 1.4.0');
    expect(out.plainPinCmd).toBe('pip install torch==1.8.0');
    expect(out.plainPinTail).toContain('older Python');
  });
});

describe('the pip the log shows, against the helper commands of a conflict', () => {
  test('older than 21.2 lacks `pip index` and `--dry-run --report`; 21.2 to 22.1 lacks only the second', () => {
    expect(conflictPipFlags('21.1.3')).toEqual({ conflictPipOld: '21.1.3', conflictPipNoIndex: '21.1.3' });
    expect(conflictPipFlags('22.1.2')).toEqual({ conflictPipOld: '22.1.2' });
  });
  test('near misses: 22.2 and later, or no version seen, need no upgrade', () => {
    expect(conflictPipFlags('22.2')).toEqual({});
    expect(conflictPipFlags('23.0.1')).toEqual({});
    expect(conflictPipFlags(undefined)).toEqual({});
  });
});
