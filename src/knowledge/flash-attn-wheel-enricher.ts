// The `flash-attn-wheel` enricher: for a flash-attn compiled from source in a build that failed or
// ran out of time, whether its release published the prebuilt wheel for this build's torch / CUDA /
// Python (flash-attn-wheels.ts), and so whether installing that wheel replaces the compile, or
// compiling is the way. Keys: `faWheel` (the lead), `faWheelUrl`, `faWheelCommand`, `faWheelNote` when
// the wheel was published; `faNote` when it was not or the log lacks a fact; none when flash-attn was
// not compiled from source here (installed from a wheel, or another package failed). Values are one
// line each (templates hold the Markdown: rules/catalog/pip/flash-attn-wheel.ts).
//
// What the log can tell, best first:
// - setup.py's own `Guessing wheel URL: https://…/flash_attn-2.7.2.post1+cu12torch2.4cxx11abiFALSE-cp310-cp310-linux_x86_64.whl`
//   (pip shows it with the rest of a failed build's output): every part of the name, the ABI included,
//   as setup.py computed it from the torch it imported. `Precompiled wheel not found. Building from
//   source...` after it says the download failed: an HTTP error or no route (setup.py catches both).
// - otherwise the release (`Collecting flash-attn==2.6.3`, `flash_attn-2.6.3.tar.gz`, uv's
//   `flash-attn@2.7.3`), torch (`torch.__version__  = 2.2.1`, printed by flash-attn's setup.py, or
//   the build facts), torch's CUDA (fact `torchCuda`, or the `+cu121` of the version) and Python.
//   A missing one is never guessed: the paragraph prints the command that shows it.
//
// The C++ ABI setup.py asks for is torch._C._GLIBCXX_USE_CXX11_ABI. It is resolved from a torch
// version only when that torch came from PyTorch's pip wheels (facts read from pip / uv lines, a
// plain release such as `2.4.1` or `2.4.1+cu121`): up to 2.5 those wheels are built with the old ABI
// (FALSE: "the pip wheel file is built with cxx11_abi=0", pytorch/pytorch#17492), from 2.7 on with
// the C++11 ABI (TRUE: "we do expect 2.7 to be cxx11 ABI by default", pytorch/pytorch#143962; the
// pre-cxx11 builds were removed in the manylinux 2.28 migration, pytorch/pytorch#146200). 2.6 by
// wheel variant: its CUDA 12.6 wheels (`+cu126`) are C++11 ABI ("Use cxx11-abi for Linux CUDA 12.6
// builds", pytorch/pytorch#142064; malfet in #143962: "we should not have torch-cpu build with C++11
// ABI in 2.6 yet (only cuda-12.6 binaries should be like that)"; pytorch/test-infra#6303: "For release
// 2.6 we restricted Manylinux 2.28 builds to cuda 12.6 only"), its `+cpu`, `+cu118` and `+cu124`
// wheels pre-C++11; a 2.6 without the local tag is left open, as are conda, NGC and source builds.
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';
import { installerOf } from './installer-forms.js';
import { flashAttnRelease, flashAttnReleases, flashAttnWheel, wheelCudaTag, wheelCudaTags, type FlashAttnRelease } from './flash-attn-wheels.js';

/** Prints what names the wheel: torch, its CUDA, its C++ ABI, and the Python. */
export const WHEEL_FACTS_COMMAND =
  'python -c "import sys, torch; print(torch.__version__, torch.version.cuda, torch._C._GLIBCXX_USE_CXX11_ABI, sys.version_info[:2])"';

/** Prints TRUE or FALSE, the way setup.py writes torch's C++ ABI in the wheel's name. */
const ABI_COMMAND = 'python -c "import torch; print(str(torch._C._GLIBCXX_USE_CXX11_ABI).upper())"';

export const RELEASES_PAGE = 'https://github.com/Dao-AILab/flash-attention/releases';

/** Fact sources that read torch from a pip or uv line about PyTorch's wheels. */
/** Where a torch fact says which pip / uv wheel is installed, so that its C++ ABI is known from its version. */
export const WHEEL_SOURCES: ReadonlySet<string> = new Set(['wheel', 'pip-installed', 'uv-installed']);

export interface Build {
  version: string | null;
  torch: string | null;
  /** `cu121`, `cu12`: what torch was built with, or the tag setup.py put in the name. */
  cuda: string | null;
  python: string | null;
  abi: 'TRUE' | 'FALSE' | null;
}

/** `2.4.1` / `2.4.1+cu121` from PyTorch's pip wheels → the ABI its wheels were built with; null when not known. */
export function abiOfPipTorch(torch: string): 'TRUE' | 'FALSE' | null {
  const m = /^(\d{1,2})\.(\d{1,2})\.\d{1,2}(?:\+(?:cu\d{2,3}|cpu))?$/.exec(torch.trim());
  if (m === null) return null;
  const [major, minor] = [Number(m[1]), Number(m[2])];
  if (major < 2 || (major === 2 && minor <= 5)) return 'FALSE';
  if (major === 2 && minor === 6) {
    const local = /\+(cu\d{2,3}|cpu)$/.exec(torch.trim())?.[1];
    if (local === 'cu126') return 'TRUE';
    if (local === 'cpu' || local === 'cu118' || local === 'cu124') return 'FALSE';
    return null;
  }
  return 'TRUE';
}

/** `2.3.0a0+ebedce2`, `2.4.0.dev20240514`: a torch that is no release (NGC images, nightlies). */
function preRelease(torch: string): boolean {
  return /(?:a\d|b\d|rc\d|\.dev\d)/.test(torch) || /\+(?!cu\d|cpu\b)/.test(torch);
}

/** `cu121` / `cu12` → `12`: the CUDA major, all that picks a flash-attn wheel (setup.py maps it to the release's one build). */
function cudaMajor(tag: string): string {
  return /^cu(\d{2})/.exec(tag)?.[1] ?? tag;
}

/** The install of a wheel (a URL or a file) by the step's installer; conda and poetry envs run pip. */
function installWheel(facts: FactView, wheel: string, uvSaid: boolean): string {
  const installer = uvSaid ? 'uv' : installerOf(facts);
  const word = `"${wheel}"`;
  if (installer === 'uv') return `uv pip install ${word}`;
  return `${installer === 'pip' ? 'pip' : 'python -m pip'} install ${word}`;
}

/** Newest release in the table that published a wheel for this torch / CUDA / Python, other than `version`. */
function releaseWithWheel(version: string, torch: string, cuda: string, python: string): string | null {
  for (let i = flashAttnReleases.length - 1; i >= 0; i--) {
    const r: FlashAttnRelease = flashAttnReleases[i]!;
    const v = r.versions[r.versions.length - 1]!;
    if (v === version) continue;
    const answer = flashAttnWheel({ version: v, torch, torchCuda: cuda, python });
    if (answer?.published) return v;
  }
  return null;
}

/**
 * The wheel's file name with what the log shows filled in (`cp311` for Python 3.11: a wheel for another Python does not
 * install), and the parts still to read from the command above named in angle brackets. The `cu…` part is the one the
 * release's own setup.py names (flash-attn-wheels.ts: `cu123` for 2.6.3 on CUDA 12, `cu12` from 2.7.0 on), or the
 * release's choices when torch's CUDA is not known. Null when the table does not hold the release: its naming is then
 * read from the release's assets, not guessed.
 */
export function wheelNamePattern(b: Build): string | null {
  const release = b.version !== null ? flashAttnRelease(b.version) : null;
  if (release === null) return null;
  const py = b.python !== null ? `cp${b.python.replace('.', '')}` : 'cp<XY>';
  const torch = b.torch !== null ? /^(\d{1,2}\.\d{1,2})/.exec(b.torch)?.[1] ?? null : null;
  const major = b.cuda !== null ? Number(cudaMajor(b.cuda)) : null;
  const tag = major !== null ? wheelCudaTag(release, major) : null;
  const tags = wheelCudaTags(release);
  const cuda = tag ?? (tags.length === 1 ? tags[0]! : `<${tags.join('|')}>`);
  return (
    `flash_attn-${b.version!}+${cuda}` +
    `torch${torch ?? '<major.minor>'}cxx11abi${b.abi ?? '<TRUE|FALSE>'}-${py}-${py}-linux_x86_64.whl`
  );
}

/** Lists a release's wheel names from GitHub's API (no token needed for a public repository). */
export function assetsCommand(version: string | null): string {
  return `curl -s https://api.github.com/repos/Dao-AILab/flash-attention/releases/tags/v${version ?? '<release>'} | grep -o '"name": *"flash_attn-[^"]*'`;
}

/** What the log says about the build flash-attn was compiled for. */
function buildOf(captures: Readonly<Record<string, string>>, facts: FactView): Build {
  const guess = captures['context.faGuess.url'];
  if (guess !== undefined) {
    const py = captures['context.faGuess.py']!;
    return {
      version: captures['context.faGuess.version'] ?? null,
      torch: captures['context.faGuess.torch'] ?? null,
      cuda: captures['context.faGuess.cuda'] ?? null,
      python: `3.${py.slice(1)}`,
      abi: (captures['context.faGuess.abi'] as 'TRUE' | 'FALSE' | undefined) ?? null,
    };
  }
  const printed = captures['context.faTorch.version'];
  const fact = facts.get('torch');
  const torch = printed ?? fact?.value ?? null;
  const local = torch !== null ? /\+(cu\d{2,3})$/.exec(torch)?.[1] : undefined;
  const cudaFact = facts.value('torchCuda');
  const cuda = local ?? (cudaFact !== null && /^cu\d{2,3}$/.test(cudaFact) ? cudaFact : null);
  // The ABI from the version only when the torch setup.py saw is the one pip / uv installed from PyTorch's wheels.
  const fromWheel = fact !== null && WHEEL_SOURCES.has(fact.source) && (printed === undefined || printed === fact.value);
  return {
    version: captures['context.faVersion.version'] ?? null,
    torch,
    cuda,
    python: facts.value('python'),
    abi: fromWheel && torch !== null ? abiOfPipTorch(torch) : null,
  };
}

export function flashAttnWheelEnrich(
  captures: Readonly<Record<string, string>>,
  _step: Step | null,
  _model: BuildModel,
  facts: FactView,
): Record<string, string> {
  // Only a flash-attn compiled from source here: its sdist, its wheel build, setup.py's guess.
  if (captures['context.faSource'] === undefined) return {};
  const b = buildOf(captures, facts);
  const guessed = captures['context.faGuess.url'] !== undefined;
  const platform = captures['context.faGuess.plat'];

  if (guessed && platform !== undefined && platform !== 'linux_x86_64') {
    return { faNote: `flash-attn publishes prebuilt wheels for Linux x86_64 only (setup.py looked for one for ${platform}): on this platform compiling is the way.` };
  }
  const missing = [
    b.version === null ? 'the flash-attn release' : null,
    b.torch === null ? 'the torch version' : null,
    b.cuda === null ? "torch's CUDA" : null,
    b.python === null ? 'the Python version' : null,
  ].filter((m): m is string => m !== null);
  if (b.version === null || b.torch === null || b.cuda === null || b.python === null) {
    const release = b.version !== null ? `flash-attn ${b.version}` : 'the flash-attn release';
    const page = b.version !== null ? `${RELEASES_PAGE}/tag/v${b.version}` : RELEASES_PAGE;
    const pattern = wheelNamePattern(b);
    return {
      faNote:
        `A prebuilt wheel of flash-attn skips this compile where ${release} published one for this torch, CUDA and Python, and ` +
        `the log does not show ${missing.length > 1 ? `${missing.slice(0, -1).join(', ')} and ${missing[missing.length - 1]}` : missing[0]}. Print them in this stage with: ${WHEEL_FACTS_COMMAND}; then ` +
        (pattern !== null
          ? `look for ${pattern} at ${page}.`
          : `list the wheels ${release} published (${page}) and take the one whose name carries those values: ${assetsCommand(b.version)}.`),
    };
  }

  // Only the major picks the wheel (setup.py maps it to the release's one build), and setup.py's `cu12` has no minor.
  const answer = flashAttnWheel({ version: b.version, torch: b.torch, torchCuda: `${cudaMajor(b.cuda)}.0`, python: b.python });
  if (answer === null) return {};
  const combo = `torch ${b.torch} / CUDA ${cudaMajor(b.cuda)} / Python ${b.python}`;
  if (!answer.published || answer.fileName === null || answer.url === null) {
    const other = releaseWithWheel(b.version, b.torch, `${cudaMajor(b.cuda)}.0`, b.python);
    return {
      faNote:
        `flash-attn ${b.version} published no prebuilt wheel for ${combo}${guessed ? ' (setup.py looked for one and found none)' : ''}, so it is compiled from source: ` +
        'the compile advice applies (MAX_JOBS and NVCC_THREADS bound its memory).' +
        (other !== null ? ` flash-attn ${other} published one for this torch, CUDA and Python: pinning flash-attn==${other} skips the compile.` : ''),
    };
  }

  // An ABI the log does not tell is read in the stage itself: `ABI=$(…)` prints TRUE or FALSE as setup.py would name it.
  const abi = b.abi;
  const url = answer.url.replace('{ABI}', abi ?? '${ABI}');
  const fileName = answer.fileName.replace('{ABI}', abi ?? '<TRUE|FALSE>');
  // uv's own wording (`× Failed to build \`flash-attn==…\``, `flash-attn@2.7.3`): uv installed it, whatever the facts say.
  const uvSaid = /`flash-attn(?:@|==)/.test(captures['context.faSource'] ?? '');
  const built = flashAttnRelease(b.version)!.torches.find((t) => t.startsWith(`${/^\d+\.\d+/.exec(b.torch!)![0]}.`));
  const preNote = preRelease(b.torch) && built !== undefined
    ? `This torch is a pre-release build (${b.torch}) and the wheel was built against torch ${built}: check that python -c "import flash_attn" works after installing it.`
    : '';
  const lead = guessed && captures['context.faNotFound'] !== undefined
    ? `flash-attn ${b.version} published a prebuilt wheel for ${combo}, and setup.py looked for it before compiling, but the download failed ` +
      "(Precompiled wheel not found: setup.py fetches it from github.com with Python's urllib, which fails without a route there or behind a proxy it is not given). Install the wheel itself instead of compiling:"
    : `flash-attn ${b.version} published a prebuilt wheel for ${combo}: install it instead of compiling${guessed ? '' : ' (setup.py looks for it itself unless FLASH_ATTENTION_FORCE_BUILD=TRUE; the log does not show that it tried)'}:`;
  const notes = [
    abi === null ? "The log does not show torch's C++ ABI: ABI=$(…) reads it from torch._C._GLIBCXX_USE_CXX11_ABI, which picks the cxx11abiTRUE or cxx11abiFALSE wheel." : '',
    facts.place === 'image-build' ? `Where the build cannot reach github.com, download ${fileName} elsewhere, COPY it into the stage and install the file.` : '',
    preNote,
  ].filter((n) => n !== '');
  return {
    faWheel: lead,
    faWheelUrl: url,
    // One line, reading the ABI first when the log does not tell it; no curl check (images often lack curl, and the
    // installer stops on a URL that is not there).
    faWheelCommand: `${abi === null ? `ABI=$(${ABI_COMMAND}) && ` : ''}${installWheel(facts, url, uvSaid)}`,
    faWheelNote: notes.join(' '),
  };
}
