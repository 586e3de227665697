// The flash-attn-wheel enricher, fed the way a rule feeds it: the rule's contexts (rules/catalog/pip/
// flash-attn-wheel.ts) run on lines flash-attn's setup.py and pip printed in public issue threads
// (each cited; the lines verbatim), and the build facts.
import { describe, expect, test } from 'vitest';
import { factsFor } from '../../src/facts/fact-view.js';
import type { BuildFacts, FactValue } from '../../src/facts/types.js';
import { abiOfPipTorch, flashAttnWheelEnrich } from '../../src/knowledge/flash-attn-wheel-enricher.js';
import { flashAttnWheelContexts } from '../../src/rules/catalog/pip/flash-attn-wheel.js';
import { makeModel, makeStep } from '../support/builders.js';

function fact(value: string, source: string): FactValue {
  return { value, source, evidence: value, line: 1, stage: null, step: null };
}
const step = makeStep({ id: 5, instruction: 'RUN pip install flash-attn --no-build-isolation' });
const model = makeModel({ steps: [step] });

/** The captures a rule hands the enricher after its contexts saw `lines` (first hit of each, as rules keep by default). */
function captures(lines: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of flashAttnWheelContexts) {
    const re = c.pattern !== undefined ? new RegExp(c.pattern) : null;
    for (const line of lines) {
      if (!c.literals.some((l) => line.includes(l))) continue;
      const m = re === null ? null : re.exec(line);
      if (re !== null && m === null) continue;
      out[`context.${c.name}`] = line;
      for (const [g, v] of Object.entries(m?.groups ?? {})) if (v !== undefined) out[`context.${c.name}.${g}`] = v;
      break;
    }
  }
  return out;
}
const enrich = (lines: readonly string[], facts: BuildFacts = {}, inImage = false) =>
  flashAttnWheelEnrich(captures(lines), inImage ? step : null, model, factsFor(facts, inImage ? step : null, model));

// Dao-AILab/flash-attention#1418 (issue description by ZarkPanda)
const FA_1418 = [
  '      Guessing wheel URL:  https://github.com/Dao-AILab/flash-attention/releases/download/v2.7.2.post1/flash_attn-2.7.2.post1+cu12torch2.4cxx11abiFALSE-cp310-cp310-linux_x86_64.whl',
  '      Precompiled wheel not found. Building from source...',
];
// allenai/open-instruct#220 (issue description by Yuancheng-Xu; the paste's trailing blanks trimmed)
const OPEN_INSTRUCT_220 = [
  '      Guessing wheel URL:  https://github.com/Dao-AILab/flash-attention/releases/download/v2.5.8/flash_attn-2.5.8+cu122torch2.3cxx11abiFALSE-cp312-cp312-linux_x86_64.whl',
  '      Precompiled wheel not found. Building from source...',
];
// ByteDance-Seed/Bagel#48 (comment by JamesMowery)
const BAGEL_48 = [
  '      Guessing wheel URL:  https://github.com/Dao-AILab/flash-attention/releases/download/v2.7.4.post1/flash_attn-2.7.4.post1+cu12torch2.7cxx11abiTRUE-cp310-cp310-linux_x86_64.whl',
  '      Precompiled wheel not found. Building from source...',
];
// turboderp-org/exllamav3#101 (issue description by Mradr)
const EXLLAMA_101 = [
  '      Guessing wheel URL:  https://github.com/Dao-AILab/flash-attention/releases/download/v2.8.3/flash_attn-2.8.3+cu12torch2.8cxx11abiTRUE-cp310-cp310-win_amd64.whl',
  '      Precompiled wheel not found. Building from source...',
];
// Dao-AILab/flash-attention#1229 (issue description by promaprogga): python:3.10-slim, `pip install torch==2.0.1`, then flash-attn
const FA_1229 = ['0.526 Collecting flash-attn', '0.833   Downloading flash_attn-2.6.3.tar.gz (2.6 MB)'];
// hiyouga/LlamaFactory#4907 (issue description by 94quanwei): an NGC image's torch, printed by flash-attn's setup.py
const LLAMAFACTORY_4907 = [
  "515.5   Building wheel for flash-attn (setup.py): finished with status 'error'",
  '515.6       torch.__version__  = 2.3.0a0+ebedce2',
];
// hiyouga/LlamaFactory#5229 (issue description by phanxuanphucnd): sdist 2.6.3, torch printed by its setup.py
const LLAMAFACTORY_5229 = ['  Using cached flash_attn-2.6.3.tar.gz (2.6 MB)', '      torch.__version__  = 2.4.0+cu121'];
// hiyouga/LlamaFactory#3464 (comment by codewen77): an older release from a pip mirror
const LLAMAFACTORY_3464 = ['  Downloading http://mirrors.dahuatech.com/pypi/%2Bf/611/3b7a3bef8a71a/flash_attn-2.3.4.tar.gz (2.3 MB)'];
// Dao-AILab/flash-attention#1635 (issue description by TheAyes): uv, a ROCm torch
const FA_1635 = ['  × Failed to build `flash-attn==2.7.4.post1`', '      torch.__version__  = 2.7.0+rocm6.3'];

describe("setup.py's guess in the log", () => {
  test('published, download failed (#1418): the wheel to install, ABI as setup.py asked, and the check', () => {
    const v = enrich(FA_1418);
    const url = 'https://github.com/Dao-AILab/flash-attention/releases/download/v2.7.2.post1/flash_attn-2.7.2.post1+cu12torch2.4cxx11abiFALSE-cp310-cp310-linux_x86_64.whl';
    expect(v.faWheelUrl).toBe(url);
    expect(v.faWheelCommand).toBe(`pip install "${url}"`);
    expect(v.faWheel).toContain('flash-attn 2.7.2.post1 published a prebuilt wheel for torch 2.4 / CUDA 12 / Python 3.10');
    expect(v.faWheel).toContain('the download failed');
    expect(v.faWheelNote ?? '').not.toContain('{ABI}');
    expect(v.faNote).toBeUndefined();
  });

  test('uv installs it with uv', () => {
    expect(enrich(FA_1418, { installer: [fact('uv', 'instruction')] }).faWheelCommand).toMatch(/^uv pip install "/);
  });

  test('not published: no wheel offered, compiling is the way, and a release that has one (#220: 2.5.8 had no cp312)', () => {
    const v = enrich(OPEN_INSTRUCT_220);
    expect(v.faWheelUrl).toBeUndefined();
    expect(v.faNote).toContain('flash-attn 2.5.8 published no prebuilt wheel for torch 2.3 / CUDA 12 / Python 3.12 (setup.py looked for one and found none)');
    expect(v.faNote).toMatch(/flash-attn 2\.\d\.[\w.]+ published one for this torch, CUDA and Python/);
  });

  test('torch newer than the release (Bagel#48: 2.7.4.post1 with torch 2.7): no wheel, 2.8.x has one', () => {
    const v = enrich(BAGEL_48);
    expect(v.faWheelUrl).toBeUndefined();
    expect(v.faNote).toContain('flash-attn 2.7.4.post1 published no prebuilt wheel');
    expect(v.faNote).toMatch(/flash-attn 2\.8\.[\w.]+ published one/);
  });

  test('Windows (exllamav3#101): Linux x86_64 wheels only', () => {
    const v = enrich(EXLLAMA_101);
    expect(v.faWheelUrl).toBeUndefined();
    expect(v.faNote).toContain('Linux x86_64 only');
  });
});

describe('no guess in the log: the release and the build facts', () => {
  test('torch and its CUDA unknown (#1229): says what is missing and how to print it, offers nothing', () => {
    const v = enrich(FA_1229, { python: [fact('3.10', 'image-tag')] });
    expect(v.faWheelUrl).toBeUndefined();
    expect(v.faNote).toContain("the log does not show the torch version and torch's CUDA");
    expect(v.faNote).toContain('torch._C._GLIBCXX_USE_CXX11_ABI');
    expect(v.faNote).toContain('https://github.com/Dao-AILab/flash-attention/releases/tag/v2.6.3');
  });

  test('the wheel name it points to carries what the log shows: the release and the Python (cp310), never another Python', () => {
    const v = enrich(FA_1229, { python: [fact('3.10', 'image-tag')] });
    // torch's CUDA unknown: the two CUDA builds v2.6.3 published (publish.yml cuda-version 11.8.0 / 12.3.2; setup.py names them cu118 / cu123)
    expect(v.faNote).toContain('flash_attn-2.6.3+<cu118|cu123>torch<major.minor>cxx11abi<TRUE|FALSE>-cp310-cp310-linux_x86_64.whl');
    expect(v.faNote).not.toMatch(/cp3(?!10)\d{1,2}-/);
  });

  test('torch 2.4.0+cu121 printed, Python unknown (LlamaFactory#5229): 2.6.3 names its CUDA 12 wheel cu123, not cu12', () => {
    const v = enrich(LLAMAFACTORY_5229);
    expect(v.faNote).toContain('flash_attn-2.6.3+cu123torch2.4cxx11abi<TRUE|FALSE>-cp<XY>-cp<XY>-linux_x86_64.whl');
    expect(v.faNote).not.toContain('+cu12torch');
  });

  test('a release the table does not hold (LlamaFactory#3464, 2.3.4): no guessed name, the command that lists its assets', () => {
    const v = enrich(LLAMAFACTORY_3464, { python: [fact('3.10', 'path')] });
    expect(v.faNote).not.toContain('flash_attn-2.3.4+');
    expect(v.faNote).toContain("curl -s https://api.github.com/repos/Dao-AILab/flash-attention/releases/tags/v2.3.4 | grep -o '\"name\": *\"flash_attn-[^\"]*'");
  });

  test('pip-installed torch 2.4.1+cu121 on Python 3.10: the wheel, ABI FALSE from the pip wheel, in a RUN line', () => {
    const v = enrich(FA_1229, { torch: [fact('2.4.1+cu121', 'pip-installed')], torchCuda: [fact('cu121', 'pip-installed')], python: [fact('3.10', 'path')], place: [fact('image-build', 'buildkit')] }, true);
    expect(v.faWheelUrl).toBe('https://github.com/Dao-AILab/flash-attention/releases/download/v2.6.3/flash_attn-2.6.3+cu123torch2.4cxx11abiFALSE-cp310-cp310-linux_x86_64.whl');
    expect(v.faWheel).toContain('install it instead of compiling');
  });

  test('the same torch read from an image tag: the ABI stays open, with the command that tells it', () => {
    const v = enrich(FA_1229, { torch: [fact('2.4.1', 'image-tag')], torchCuda: [fact('cu121', 'image-tag')], python: [fact('3.10', 'path')] });
    expect(v.faWheelUrl).toContain('cxx11abi${ABI}');
    expect(v.faWheelCommand).toMatch(/^ABI=\$\(python -c "import torch; print\(str\(torch\._C\._GLIBCXX_USE_CXX11_ABI\)\.upper\(\)\)"\) && pip install "/);
  });

  test('an NGC pre-release torch (LlamaFactory#4907) is named as such when a wheel is offered', () => {
    const v = enrich([...LLAMAFACTORY_4907, ...FA_1229], { torchCuda: [fact('cu123', 'image-tag')], python: [fact('3.10', 'path')] });
    expect(v.faWheelUrl).toContain('torch2.3cxx11abi${ABI}');
    expect(v.faWheelNote).toContain('pre-release build (2.3.0a0+ebedce2)');
  });

  test('a ROCm torch (#1635): no CUDA wheel offered', () => {
    const v = enrich(FA_1635, { python: [fact('3.13', 'path')] });
    expect(v.faWheelUrl).toBeUndefined();
  });
});

describe('must not', () => {
  test('flash-attn installed from a wheel: nothing', () => {
    // hanxiaowang00/iFlame#2 (description by GZY219): the Dockerfile installs the release's wheel file
    const line = '    pip install flash_attn-2.7.4.post1+cu12torch2.5cxx11abiFALSE-cp310-cp310-linux_x86_64.whl && \\';
    expect(enrich([line], { torch: [fact('2.5.1', 'pip-installed')] })).toEqual({});
  });

  test('another package built: nothing', () => {
    expect(enrich(['  Building wheel for xformers (setup.py): started'])).toEqual({});
  });
});

describe("the ABI of PyTorch's pip wheels", () => {
  test('old ABI up to 2.5, C++11 ABI from 2.7, 2.6 and non-release builds open', () => {
    expect(abiOfPipTorch('2.5.1')).toBe('FALSE');
    expect(abiOfPipTorch('2.4.1+cu121')).toBe('FALSE');
    expect(abiOfPipTorch('2.7.1+cu126')).toBe('TRUE');
    // 2.6 by wheel variant (pytorch/pytorch#142064, #143962): +cu126 C++11, +cpu / +cu118 / +cu124 pre-C++11, untagged open
    expect(abiOfPipTorch('2.6.0+cu126')).toBe('TRUE');
    expect(abiOfPipTorch('2.6.0+cu124')).toBe('FALSE');
    expect(abiOfPipTorch('2.6.0')).toBeNull();
    expect(abiOfPipTorch('2.3.0a0+ebedce2')).toBeNull();
  });
});
