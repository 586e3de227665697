// The `torch-symbol` enricher: for a compiled extension the loader refused because a symbol of
// PyTorch's C++ library is missing (`…/_C.so: undefined symbol: _ZN3c104cuda9SetDeviceEi`), what the
// symbol is, which C++ ABI its name was mangled for, what to rebuild, and how.
//
// Itanium C++ mangling, read only as far as the advice needs (the same names c++filt prints):
// `_ZN` (or `_ZNK`, a const method) opens a nested name of length-prefixed parts up to `E`
// (`3c10` `4cuda` `9SetDevice` → c10::cuda::SetDevice); `B5cxx11` is an ABI tag on the part before
// it; `I…E` holds template arguments. PyTorch's namespaces: `c10` (core), `at` (ATen, tensors and
// operators), `torch` (autograd, JIT, Python bindings).
//
// The C++ ABI shows in how `std::string` is written: `Ss` is the pre-C++11 string
// (`_GLIBCXX_USE_CXX11_ABI=0`), `NSt7__cxx1112basic_string…` or an `[abi:cxx11]` tag (`B5cxx11`) the
// C++11 one. The extension asks for a symbol as it was compiled, so a missing `…RKSs` symbol means
// the extension was built pre-C++11 and the torch that loads it is C++11, and the reverse for `cxx11`
// (checked with c++filt on the symbols of the fixtures). PyTorch's pip wheels: pre-C++11 up to 2.5,
// C++11 from 2.7 on, in 2.6 only the CUDA 12.6 (`+cu126`) wheels (abiOfPipTorch, sources in
// flash-attn-wheel-enricher.ts); conda and
// NGC builds of torch use the C++11 ABI (pytorch/pytorch#17492). torch._C._GLIBCXX_USE_CXX11_ABI
// tells the installed torch's.
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';
import { installerOf } from './installer-forms.js';
import { abiOfPipTorch, WHEEL_FACTS_COMMAND, WHEEL_SOURCES } from './flash-attn-wheel-enricher.js';
import { rebuildFromSourceCommand } from './extension-build-enricher.js';
import { flashAttnRelease, PRE_CXX11_WHEEL_RELEASE, releaseHasTorch, torchRange } from './flash-attn-wheels.js';

/** Prints the installed torch's version, CUDA and C++ ABI (True: C++11). */
export const TORCH_FACTS_COMMAND = 'python -c "import torch; print(torch.__version__, torch.version.cuda, torch._C._GLIBCXX_USE_CXX11_ABI)"';

const NAMESPACES: Readonly<Record<string, string>> = {
  c10: 'c10, the core library of PyTorch',
  at: 'ATen (`at::`), PyTorch\'s tensor library',
  torch: 'PyTorch\'s `torch::` C++ API',
};

/** `_ZN3c104cuda9SetDeviceEi` → `c10::cuda::SetDevice`; null when it is not a nested name. */
export function qualifiedName(symbol: string): string | null {
  return parseName(symbol)?.name ?? null;
}

/** The nested name and where its parameters start (after its closing `E`, or its template arguments). */
function parseName(symbol: string): { name: string; end: number } | null {
  const m = /^_ZNK?/.exec(symbol);
  if (m === null) return null;
  let i = m[0].length;
  const parts: string[] = [];
  while (i < symbol.length && parts.length < 20) {
    const c = symbol[i]!;
    if (c === 'E') break;
    if (c === 'I') { parts[parts.length - 1] += '<…>'; break; }
    // a constructor (`C1`, `C2`, `C3`) or destructor (`D0`, `D1`, `D2`) of the class named before it
    const special = /^([CD])[0-3]/.exec(symbol.slice(i));
    if (special !== null && parts.length > 0) {
      const cls = parts[parts.length - 1]!;
      parts.push(special[1] === 'C' ? cls : `~${cls}`);
      i += 2;
      continue;
    }
    if (c === 'B') {
      const tag = /^B(\d{1,3})/.exec(symbol.slice(i));
      if (tag === null || parts.length === 0) return null;
      const n = Number(tag[1]);
      parts[parts.length - 1] += `[abi:${symbol.slice(i + tag[0].length, i + tag[0].length + n)}]`;
      i += tag[0].length + n;
      continue;
    }
    const len = /^\d{1,4}/.exec(symbol.slice(i));
    if (len === null) return null;
    const n = Number(len[0]);
    parts.push(symbol.slice(i + len[0].length, i + len[0].length + n));
    i += len[0].length + n;
  }
  return parts.length > 0 ? { name: parts.join('::'), end: i } : null;
}

/** The C++ ABI the symbol was mangled for: the extension's, not the installed torch's. */
export function abiOfSymbol(symbol: string): 'cxx11' | 'pre-cxx11' | null {
  if (/cxx11/.test(symbol)) return 'cxx11';
  // `Ss` after the name: the pre-C++11 std::string (`RKSs`, a const reference to it)
  return /Ss/.test(symbol.slice(parseName(symbol)?.end ?? 0)) ? 'pre-cxx11' : null;
}

/** Where the extension lives: its top-level module, and the distribution when the path names it. */
export function extensionOf(path: string): { module: string; dist: string | null; from: 'index' | 'tree' | 'unknown' } | null {
  const m = /(?:site|dist)-packages\/([^/]{1,200})(\/)?/.exec(path);
  if (m === null) {
    // a .so outside site-packages: built in its source tree (`build_ext --inplace`, `pip install -e`)
    const file = /([A-Za-z_]\w{0,100})(?:\.cpython-[^/]{1,60}|\.abi3)?\.so$/.exec(path);
    return file === null ? null : { module: file[1]!, dist: null, from: path.includes('/') ? 'tree' : 'unknown' };
  }
  const top = m[1]!;
  // `MultiScaleDeformableAttention-1.0-py3.10-linux-x86_64.egg`: `setup.py install` of a source tree, named after its distribution
  const egg = /^([A-Za-z0-9_.]{1,100})-[^/]{1,100}\.egg$/.exec(top);
  if (egg !== null) return { module: egg[1]!, dist: egg[1]!, from: 'tree' };
  const module = /^([A-Za-z_]\w{0,100})/.exec(top)?.[1];
  if (module === undefined) return null;
  // A package directory usually has its distribution's name (pip reads `_` and `-` alike); a bare
  // `.so` module often does not (`exllamav3_ext` is installed by `exllamav3`).
  return { module, dist: m[2] === '/' ? module : null, from: 'index' };
}

/**
 * Which side has which ABI, in one sentence, with what the log says of the installed torch. Its ABI
 * is read from its version only for a pip / uv wheel; when that ABI is the extension's own, the
 * mismatch is the release, not the ABI.
 */
function abiNote(abi: 'cxx11' | 'pre-cxx11' | null, fact: { value: string; source: string } | null): string {
  const torch = fact?.value ?? null;
  const torchAbi = fact !== null && WHEEL_SOURCES.has(fact.source) ? abiOfPipTorch(fact.value) : null;
  if ((abi === 'pre-cxx11' && torchAbi === 'FALSE') || (abi === 'cxx11' && torchAbi === 'TRUE')) abi = null;
  const seen = torch === null
    ? ''
    : torchAbi === null
      ? ` The log shows torch ${torch}.`
      : ` The log shows torch ${torch}, whose pip wheels are built with the ${torchAbi === 'TRUE' ? 'C++11' : 'pre-C++11'} ABI.`;
  if (abi === 'pre-cxx11') {
    return 'The symbol has the pre-C++11 `std::string` (`Ss`): the extension was compiled with `_GLIBCXX_USE_CXX11_ABI=0` (as PyTorch\'s pip wheels up to 2.5 are, and 2.6\'s other than +cu126), ' +
      `and the torch that loads it uses the C++11 ABI (PyTorch's Linux pip wheels from 2.7 on and 2.6's CUDA 12.6 \`+cu126\` wheels, conda and NGC builds).${seen}`;
  }
  if (abi === 'cxx11') {
    return 'The symbol has the C++11 ABI (`__cxx11` / `[abi:cxx11]`): the extension was compiled with `_GLIBCXX_USE_CXX11_ABI=1`, and the torch that ' +
      `loads it has the pre-C++11 ABI (PyTorch's pip wheels up to 2.5, and 2.6's CPU, CUDA 11.8 and 12.4 wheels).${seen}`;
  }
  return `The torch that loads it is another release than the one it was compiled against: the function is gone, renamed or has another signature there.${seen}`;
}

export function torchSymbolEnrich(
  captures: Readonly<Record<string, string>>,
  _step: Step | null,
  _model: BuildModel,
  facts: FactView,
): Record<string, string> {
  const symbol = captures['symbol'];
  const lib = captures['lib'];
  if (symbol === undefined || lib === undefined) return {};
  const name = qualifiedName(symbol);
  const ns = name?.split('::')[0];
  const out: Record<string, string> = {
    symbolName: name ?? symbol,
    library: ns !== undefined && NAMESPACES[ns] !== undefined ? NAMESPACES[ns]! : 'PyTorch',
    abiNote: abiNote(abiOfSymbol(symbol), facts.get('torch')),
    torchFacts: TORCH_FACTS_COMMAND,
  };
  const ext = extensionOf(lib);
  if (ext === null) return out;
  out.module = ext.module;
  if (/^flash_attn/.test(ext.module)) {
    out.dist = 'flash-attn';
    out.wheelNote =
      'flash-attn also publishes prebuilt wheels at https://github.com/Dao-AILab/flash-attention/releases, one per flash-attn release, CUDA major, torch major.minor, ' +
      `C++11 ABI and Python version (each named in the file name); ${WHEEL_FACTS_COMMAND} prints those of this environment.`;
  } else if (ext.dist !== null) {
    out.dist = ext.dist;
  }
  if (ext.from === 'tree') {
    // built from a source tree the log does not name: the command runs where its setup.py / pyproject.toml is
    // uv: --no-cache and --reinstall are its words for pip's --no-cache-dir and --force-reinstall (uv pip install --help)
    const installer = installerOf(facts);
    // pip of the environment itself under conda / poetry, as the extension-build rebuild says it
    const pip = installer === 'uv' ? 'uv pip' : installer === 'pip' ? 'pip' : 'python -m pip';
    out.treeRebuild = installer === 'uv'
      ? 'uv pip install --no-build-isolation --no-cache --reinstall --no-deps .'
      : `${pip} install --no-build-isolation --no-cache-dir --force-reinstall --no-deps .`;
    if (ext.dist !== null) out.showNote = `, and \`${pip} show ${ext.dist}\` the extension's version.`;
  } else if (out.dist !== undefined) {
    // flash-attn's setup.py downloads its prebuilt wheel even from source unless FLASH_ATTENTION_FORCE_BUILD=TRUE (extension-knobs.ts)
    const force = out.dist === 'flash-attn' ? 'FLASH_ATTENTION_FORCE_BUILD=TRUE ' : '';
    out.rebuild = force + rebuildFromSourceCommand(installerOf(facts), out.dist, out.dist);
    out.showNote = `, and \`pip show ${out.dist}\` the extension's version.`;
    if (out.dist === 'flash-attn' && abiOfSymbol(symbol) === 'cxx11') Object.assign(out, preCxx11Wheel(facts));
  } else if (ext.from === 'index') {
    out.findDist = `python -c "import importlib.metadata as m; print(m.packages_distributions().get('${ext.module}'))"`;
  }
  return out;
}

/**
 * A flash-attn built with the C++11 ABI in a pre-C++11 torch: the release whose prebuilt `cxx11abiFALSE` wheels load
 * there (flash-attn-wheels.ts), installed so that its setup.py downloads the one naming this torch (it reads torch's
 * version, CUDA and ABI, hence `--no-build-isolation`). None when the log's torch is one that release has no wheel for.
 */
function preCxx11Wheel(facts: FactView): Record<string, string> {
  const release = flashAttnRelease(PRE_CXX11_WHEEL_RELEASE);
  const range = release === null ? null : torchRange(release);
  if (release === null || range === null) return {};
  const torch = facts.get('torch')?.value ?? null;
  if (torch !== null && !releaseHasTorch(release, torch)) return {};
  const installer = installerOf(facts);
  const spec = `flash-attn==${PRE_CXX11_WHEEL_RELEASE}`;
  // uv: --reinstall is its word for pip's --force-reinstall (uv pip install --help)
  const command = installer === 'uv'
    ? `uv pip install --no-build-isolation --reinstall --no-deps ${spec}`
    : `${installer === 'pip' ? 'pip' : 'python -m pip'} install --no-build-isolation --force-reinstall --no-deps ${spec}`;
  const cudas = [...new Set(release.cudas.map((c) => c.split('.')[0]!))].join(' and ');
  return {
    wheelFirst: command,
    wheelFirstWhy:
      'flash-attn 2.8.0.post2\'s and 2.8.2\'s wheels named `cxx11abiFALSE` for torch 2.6 carry the C++11 ABI all the same ' +
      '(Dao-AILab/flash-attention#1717, #1783), so installing the latest flash-attn again does not help. ' +
      `flash-attn ${PRE_CXX11_WHEEL_RELEASE} published prebuilt pre-C++11 wheels for torch ${range[0]} to ${range[1]} on CUDA ${cudas}; ` +
      'with `--no-build-isolation` its setup.py downloads the one naming this torch, a download instead of a compile ' +
      '(it prints `Guessing wheel URL:`; `Precompiled wheel not found. Building from source...` means none was published for this torch and it compiles):',
  };
}
