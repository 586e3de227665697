// The torch-symbol enricher on the symbols and paths of public threads (the rule's fixtures,
// fixtures/rules/runtime/torch-symbol-mismatch/README.md), the names checked against c++filt.
import { describe, expect, test } from 'vitest';
import { factsFor } from '../../src/facts/fact-view.js';
import type { BuildFacts } from '../../src/facts/types.js';
import { abiOfSymbol, extensionOf, qualifiedName, torchSymbolEnrich } from '../../src/knowledge/torch-symbol.js';
import { makeModel } from '../support/builders.js';

const model = makeModel({ steps: [] });
const enrich = (lib: string, symbol: string, facts: BuildFacts = {}) =>
  torchSymbolEnrich({ lib, symbol }, null, model, factsFor(facts, null, model));

describe('qualifiedName', () => {
  test.each([
    ['_ZN3c104cuda9SetDeviceEi', 'c10::cuda::SetDevice'],
    ['_ZN3c106detail23torchInternalAssertFailEPKcS2_jS2_RKSs', 'c10::detail::torchInternalAssertFail'],
    ['_ZNK2at10TensorBase8data_ptrIdEEPT_v', 'at::TensorBase::data_ptr<…>'],
    ['_ZN2at4_ops10select_int4callERKNS_6TensorEll', 'at::_ops::select_int::call'],
    ['_ZNK5torch8autograd4Node4nameB5cxx11Ev', 'torch::autograd::Node::name[abi:cxx11]'],
    ['_ZN3c105ErrorC2ENS_14SourceLocationESs', 'c10::Error::Error'],
  ])('%s → %s', (symbol, name) => {
    expect(qualifiedName(symbol)).toBe(name);
  });
  test('not a nested name', () => {
    expect(qualifiedName('_Py_ZeroStruct')).toBeNull();
  });
});

describe('abiOfSymbol', () => {
  test('the pre-C++11 std::string (RKSs)', () => {
    expect(abiOfSymbol('_ZN3c106detail23torchInternalAssertFailEPKcS2_jS2_RKSs')).toBe('pre-cxx11');
  });
  test('the C++11 string and the abi tag', () => {
    expect(abiOfSymbol('_ZN5torch3jit17parseSchemaOrNameERKNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEEE')).toBe('cxx11');
    expect(abiOfSymbol('_ZN2at11show_configB5cxx11Ev')).toBe('cxx11');
  });
  test('no string in the signature says nothing of the ABI', () => {
    expect(abiOfSymbol('_ZN3c104cuda9SetDeviceEi')).toBeNull();
    expect(abiOfSymbol('_ZN2at4_ops10select_int4callERKNS_6TensorEll')).toBeNull();
  });
  test('a constructor\'s parameters are read after its name', () => {
    expect(abiOfSymbol('_ZN3c105ErrorC2ENS_14SourceLocationESs')).toBe('pre-cxx11');
  });
});

describe('extensionOf', () => {
  test('a package directory names its distribution', () => {
    expect(extensionOf('/opt/conda/lib/python3.10/site-packages/torch_tensorrt/lib/libtorchtrt.so')).toEqual({ module: 'torch_tensorrt', dist: 'torch_tensorrt', from: 'index' });
  });
  test('a bare module does not', () => {
    expect(extensionOf('/home/app/env/lib/python3.11/site-packages/exllamav3_ext.cpython-311-x86_64-linux-gnu.so')).toEqual({ module: 'exllamav3_ext', dist: null, from: 'index' });
  });
  test('an egg and a .so outside site-packages were built from a tree', () => {
    expect(extensionOf('/root/miniconda3/envs/myconda/lib/python3.10/site-packages/MultiScaleDeformableAttention-1.0-py3.10-linux-x86_64.egg/MultiScaleDeformableAttention.cpython-310-x86_64-linux-gnu.so'))
      .toEqual({ module: 'MultiScaleDeformableAttention', dist: 'MultiScaleDeformableAttention', from: 'tree' });
    expect(extensionOf('/home/guoyang/GMS/gaussian-mesh-splatting/extensions/sgutils/sgutilslib.cpython-38-x86_64-linux-gnu.so')?.from).toBe('tree');
  });
});

describe('torchSymbolEnrich', () => {
  test('a package: the rebuild leaves torch alone and skips pip\'s cache', () => {
    const out = enrich('/opt/conda/lib/python3.10/site-packages/torch_tensorrt/lib/libtorchtrt.so', '_ZN3c106detail23torchInternalAssertFailEPKcS2_jS2_RKSs');
    expect(out.rebuild).toBe('pip install --no-build-isolation --no-cache-dir --force-reinstall --no-deps --no-binary torch_tensorrt torch_tensorrt');
    expect(out.library).toMatch(/^c10/);
    expect(out.abiNote).toMatch(/pre-C\+\+11/);
  });
  test('flash-attn, and the installed torch from the log named with its wheels\' ABI', () => {
    // Dao-AILab/flash-attention#975 (the title)
    const facts: BuildFacts = { torch: [{ value: '2.5.1', source: 'pip-installed', evidence: 'torch-2.5.1', line: 1, stage: null, step: null }] };
    const out = enrich(
      '/home/linjl/anaconda3/envs/sd/lib/python3.10/site-packages/flash_attn_2_cuda.cpython-310-x86_64-linux-gnu.so',
      '_ZN3c105ErrorC2ENS_14SourceLocationENSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEEE',
      facts,
    );
    expect(out.abiNote).toContain('torch 2.5.1, whose pip wheels are built with the pre-C++11 ABI');
    expect(out.abiNote).toContain('_GLIBCXX_USE_CXX11_ABI=1');
    expect(out.dist).toBe('flash-attn');
    // flash-attn's setup.py fetches its prebuilt wheel even with --no-binary unless told to compile
    expect(out.rebuild).toMatch(/^FLASH_ATTENTION_FORCE_BUILD=TRUE pip install .*--no-binary flash-attn flash-attn$/);
    expect(out.wheelNote).toContain('https://github.com/Dao-AILab/flash-attention/releases');
    expect(out.wheelNote).not.toMatch(/<[^>]+>/);
  });
  test('an extension with the same ABI as the installed pip torch: the release differs, not the ABI', () => {
    // the torchInternalAssertFail symbol above (pre-C++11 `Ss`) beside a pip torch 2.4.1, whose wheels have that ABI too
    const facts: BuildFacts = { torch: [{ value: '2.4.1', source: 'pip-installed', evidence: 'torch-2.4.1', line: 1, stage: null, step: null }] };
    const out = enrich('/opt/conda/lib/python3.10/site-packages/torch_tensorrt/lib/libtorchtrt.so', '_ZN3c106detail23torchInternalAssertFailEPKcS2_jS2_RKSs', facts);
    expect(out.abiNote).toContain('another release than the one it was compiled against');
    expect(out.abiNote).not.toContain('uses the C++11 ABI');
    // the same torch read from an image tag says nothing of its ABI: the symbol's reading stands
    const fromTag = enrich('/opt/conda/lib/python3.10/site-packages/torch_tensorrt/lib/libtorchtrt.so', '_ZN3c106detail23torchInternalAssertFailEPKcS2_jS2_RKSs', {
      torch: [{ value: '2.4.1', source: 'image-tag', evidence: 'pytorch/pytorch:2.4.1-cuda12.1-cudnn9-devel', line: 1, stage: null, step: null }],
    });
    expect(fromTag.abiNote).toMatch(/pre-C\+\+11/);
  });

  test("an extension built from a tree: the rebuild in the environment's own installer", () => {
    const egg = '/root/miniconda3/envs/myconda/lib/python3.10/site-packages/MultiScaleDeformableAttention-1.0-py3.10-linux-x86_64.egg/MultiScaleDeformableAttention.cpython-310-x86_64-linux-gnu.so';
    const installer = (value: string): BuildFacts => ({ installer: [{ value, source: 'instruction', evidence: value, line: 1, stage: null, step: null }] });
    const symbol = '_ZN3c104cuda9SetDeviceEi';
    expect(enrich(egg, symbol, installer('conda')).treeRebuild).toMatch(/^python -m pip install --no-build-isolation/);
    expect(enrich(egg, symbol, installer('conda')).showNote).toContain('`python -m pip show MultiScaleDeformableAttention`');
    expect(enrich(egg, symbol, installer('uv')).treeRebuild).toMatch(/^uv pip install --no-build-isolation --no-cache --reinstall/);
    expect(enrich(egg, symbol).treeRebuild).toMatch(/^pip install --no-build-isolation --no-cache-dir/);
  });

  test('a bare module: how to find its distribution, no guessed name', () => {
    const out = enrich('/home/app/env/lib/python3.11/site-packages/exllamav3_ext.cpython-311-x86_64-linux-gnu.so', '_ZN3c104cuda9SetDeviceEi');
    expect(out.rebuild).toBeUndefined();
    expect(out.findDist).toContain("packages_distributions().get('exllamav3_ext')");
  });
});
