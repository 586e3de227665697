// What the GPU / ML rules say, beyond "they match": the variant chosen, the values filled in
// from the log, one finding per step, and silence on what a healthy CUDA build prints.
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { analyzeStream } from '../../src/analyze.js';
import { parseDockerfile } from '../../src/dockerfile/dockerfile.js';
import type { Finding } from '../../src/rules/finding.js';
import { analyzeLog } from './support/mini-pipeline.js';

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/rules/${name}.log`, import.meta.url), 'utf8');

async function findingsOf(name: string, ruleId: string): Promise<Finding[]> {
  return (await analyzeLog(fixture(name))).filter((f) => f.ruleId === ruleId);
}

describe('cmake/cupti-library-notfound', () => {
  test('headers found in the same step: the header-only false positive, with the fix', async () => {
    const [f] = await findingsOf('cmake/cupti-library-notfound/match-header-only-build-passes', 'cmake/cupti-library-notfound');
    expect(f?.title).toBe('CUPTI headers found but libcupti.so missing');
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('/usr/local/cuda/extras/CUPTI/include');
    expect(f?.message).toContain('CUPTI_LIBRARY');
    // NVIDIA's apt packages put libcupti in /usr/local/cuda/lib64, only the runfile in extras/CUPTI/lib64 (fact check):
    // the fix finds the library and points the NOTFOUND variable at it, or installs this CUDA release's package.
    expect(f?.message).toContain('`/usr/local/cuda/lib64`');
    // no PyTorch line in this log: what any project loses, not what PyTorch does
    expect(f?.message).toContain('records no GPU activity');
    expect(f?.message).not.toContain('PyTorch');
    expect(f?.fix).toContain("find / -xdev -name 'libcupti*'");
    expect(f?.fix).toContain('`-DCUPTI_LIBRARY=/usr/local/cuda/lib64/libcupti.so`');
    // the build's CUDA release is not in this log: the fix says how to read it instead of naming a package
    expect(f?.fix).toContain('The log does not show the release: `nvcc --version` in the stage prints it');
    expect(f?.fix).not.toContain('apt-get install');
    expect(f?.fix).not.toContain('COPY --from');
    expect(f?.fix).not.toContain('extras/CUPTI/lib64:');
  });
});

describe('cmake/notfound', () => {
  test("the generate-time list names each variable (CUPTI's left to its own rule) and who uses it, as an error", async () => {
    const [f] = await findingsOf('cmake/notfound/match-generate-step-failed', 'cmake/notfound');
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('that targets use: NVTX_LIB');
    expect(f?.message).not.toContain('CUPTI_LIBRARY');
    expect(f?.message).toContain('prof');
  });

  test('a NOTFOUND status line in a build that goes on is a notice', async () => {
    const [f] = await findingsOf('cmake/notfound/match-status-line-build-passes', 'cmake/notfound');
    expect(f?.severity).toBe('notice');
    expect(f?.message).toContain('CUDNN_LIBRARY');
  });
});

describe('cmake/package-not-found', () => {
  test('Torch gets the cmake_prefix_path fix, and the generic CMake error gives way', async () => {
    const all = await analyzeLog(fixture('cmake/package-not-found/match-torch-config'));
    const f = all.find((x) => x.ruleId === 'cmake/package-not-found');
    expect(f?.fix).toContain("torch.utils.cmake_prefix_path");
    expect(all.map((x) => x.ruleId)).not.toContain('cmake/error');
  });

  test('the REQUIRED form names the package, the optional ones around it are not errors', async () => {
    const [f] = await findingsOf('cmake/package-not-found/match-required-fphsa', 'cmake/package-not-found');
    expect(f?.message).toContain('Protobuf');
    expect(f?.message).not.toContain('NCCL');
    expect(f?.message).not.toContain('GTest');
  });
});

describe('cuda/unsupported-arch', () => {
  test('names the arch, the CUDA version of the log and the arches it accepts', async () => {
    const [f] = await findingsOf('cuda/unsupported-arch/match-nvcc13-compute50', 'cuda/unsupported-arch');
    expect(f?.message).toContain('compute_50');
    expect(f?.message).toContain("CUDA 13.0's nvcc accepts sm_75 … sm_121");
    expect(f?.message).toContain('last accepted by CUDA 12.9');
  });

  test('an empty arch (compute_ with no number) is a list detected from no GPU: cuda/no-gpu-at-build, not the CUDA version', async () => {
    const all = await analyzeLog(fixture('cuda/no-gpu-at-build/match-cmake-empty-arch-detected'));
    expect(all.map((x) => x.ruleId)).not.toContain('cuda/unsupported-arch');
    const f = all.find((x) => x.ruleId === 'cuda/no-gpu-at-build');
    expect(f?.message).toContain('empty architecture (`compute_`)');
    expect(f?.message).toContain('older than 3.24');
    // CUDA 13.0 is in the log: the list it proposes is one that toolkit compiles
    expect(f?.fix).toContain('-DCMAKE_CUDA_ARCHITECTURES="');
    expect(f?.fix).not.toMatch(/CMAKE_CUDA_ARCHITECTURES="[^"]*\b(?:35|50|60|70)\b/);
  });

  test.each([
    ['the solve error of `RUN nvidia-smi`', 'cuda/no-gpu-at-build/match-run-nvidia-smi-exit-127'],
    ["dash's `nvidia-smi: not found`", 'cuda/no-gpu-at-build/match-dash-nvidia-smi-not-found'],
  ])('nvidia-smi in a build step (%s) is the host driver the build lacks, not a package to install', async (_form, name) => {
    const all = await analyzeLog(fixture(name));
    expect(all.map((x) => x.ruleId)).toEqual(['cuda/no-gpu-at-build']);
    expect(all[0]?.title).toContain('nvidia-smi run at build time');
    // the toolkit's own check of a host, on a real image: no stand-in for the image this build makes
    expect(all[0]?.fix).toContain('docker run --rm --runtime=nvidia --gpus all ubuntu nvidia-smi');
    expect(all[0]?.fix).not.toMatch(/\bIMAGE\b/);
    expect(all[0]?.fix).not.toContain('TORCH_CUDA_ARCH_LIST');
  });

  test('the CUDA version can come from nvcc --version pasted with the error', async () => {
    const [f] = await findingsOf('cuda/unsupported-arch/match-nvcc116-value-not-defined', 'cuda/unsupported-arch');
    expect(f?.message).toContain("CUDA 11.6's nvcc accepts sm_35 … sm_87");
    expect(f?.message).toContain('sm_89 needs CUDA 11.8 or newer');
  });

  test("a CMake project's build: the fix speaks of its CMake configuration, with the CUDA of the Dockerfile's FROM", async () => {
    const dockerfile = parseDockerfile(
      readFileSync(new URL('../../fixtures/rules/cuda/unsupported-arch/match-k2-cmake-ngc-2304-dockerfile.Dockerfile', import.meta.url), 'utf8'),
      'Dockerfile',
    );
    const log = fixture('cuda/unsupported-arch/match-k2-cmake-ngc-2304-dockerfile');
    const withFile = (await analyzeStream(Readable.from([Buffer.from(log)]), { dockerfile })).findings.find((x) => x.ruleId === 'cuda/unsupported-arch');
    expect(withFile?.message).toContain("CUDA 12.1's nvcc accepts sm_50");
    expect(withFile?.fix).toContain('make stopped in `k2_log`');
    expect(withFile?.fix).toContain('-DCMAKE_CUDA_ARCHITECTURES="75;80;86;89;90"');
    expect(withFile?.fix).not.toContain('TORCH_CUDA_ARCH_LIST="');
    // The log alone shows no CUDA version: the CMake advice stays, the version is found out
    const [alone] = await findingsOf('cuda/unsupported-arch/match-k2-cmake-ngc-2304-dockerfile', 'cuda/unsupported-arch');
    expect(alone?.message).toContain('The log does not show which CUDA version');
    expect(alone?.fix).toContain('make stopped in `k2_log`');
    expect(alone?.fix).toContain('nvcc --version');
  });

  test("a Makefile build that is not CMake's keeps the generic advice", async () => {
    const [f] = await findingsOf('cuda/unsupported-arch/match-classic-nccl-make-compute60', 'cuda/unsupported-arch');
    expect(f?.fix).not.toContain('CMake build');
    expect(f?.fix).toContain('TORCH_CUDA_ARCH_LIST');
  });

});

describe('runtime/shared-library-missing', () => {
  test.each([
    ['match-libcuda-driver', 'NVIDIA driver library loaded during the build'],
    ['match-libgl-opencv', 'OpenGL / GLib library not found (OpenCV)'],
    ['match-ldd-libnccl-paste', 'NCCL library not found'],
  ])('%s: advice for its library family', async (name, title) => {
    const [f] = await findingsOf(`runtime/shared-library-missing/${name}`, 'runtime/shared-library-missing');
    expect(f?.title).toBe(title);
  });

  test('a CUDA runtime library missing where a copied program runs: the CUDA library advice, on the RUN that ran it (real log)', async () => {
    const [f] = await findingsOf('runtime/shared-library-missing/match-cudart-not-in-image', 'runtime/shared-library-missing');
    expect(f?.title).toBe('CUDA runtime library not found');
    expect(f?.message).toContain('libcudart.so.13');
    expect(f?.location?.line).toBe(13);
  });

  test('libcupti is left to its own rule (real log)', async () => {
    const ids = (await analyzeLog(fixture('runtime/shared-library-missing/nomatch-libcupti-import'))).map((f) => f.ruleId);
    expect(ids).toContain('runtime/libcupti-missing');
    expect(ids).not.toContain('runtime/shared-library-missing');
  });
});

describe('buildx/exec-format-error', () => {
  test('an arm64 stage with no emulator: its shell cannot run, the advice registers QEMU (real log)', async () => {
    const [f] = await findingsOf('buildx/exec-format-error/match-arm64-stage-no-emulator', 'buildx/exec-format-error');
    expect(f?.message).toContain('cannot run even the shell');
    expect(f?.message).toContain('no QEMU emulator is registered');
    // no runner in the log: the emulator for any host, not GitHub Actions' setup steps
    expect(f?.fix).toContain('tonistiigi/binfmt --install all');
    expect(f?.fix).not.toContain('docker/setup-qemu-action');
    expect(f?.location?.line).toBe(3);
  });

  test('QEMU registered without the F flag: the emulated shell runs, the programs it starts do not', async () => {
    const [f] = await findingsOf('buildx/exec-format-error/match-qemu-without-fix-binary-flag', 'buildx/exec-format-error');
    expect(f?.title).toBe('QEMU emulation cannot start programs of this platform');
    expect(f?.message).toContain('linux/arm64');
    expect(f?.message).toContain('/usr/sbin/dpkg-split');
    expect(f?.fix).toContain('tonistiigi/binfmt --uninstall');
  });
});

describe('pip', () => {
  test('backtracking: how many versions of each package pip fetched, from its own lines (real pip 23 log)', async () => {
    const log = readFileSync(new URL('../../fixtures/real/buildkit-0.13-dockerd-26.1/pip-backtracking.log', import.meta.url), 'utf8');
    const [f] = (await analyzeLog(log)).filter((x) => x.ruleId === 'pip/resolver-backtracking');
    // lightning 2.15.0 down to 2.0.0, metrics 1.5.0 down to 0.9.0; packages fetched once are left out.
    expect(f?.message).toContain('Versions it fetched, per package: lightning (16), metrics (7).');
    expect(f?.message).not.toContain('vision (');
  });

  test('backtracking: a version’s metadata and its wheel are one version; no download lines, no number made up', async () => {
    const step = (lines: string[]) =>
      ['#7 [2/2] RUN pip install lm-eval', ...lines.map((l, i) => `#7 ${(i + 1).toFixed(3)} ${l}`), '#7 DONE 9.0s', ''].join('\n');
    const looking = 'INFO: pip is looking at multiple versions of lm-eval to determine which version is compatible with other requirements. This could take a while.';
    const fetched = await analyzeLog(
      step([
        '  Downloading lm_eval-0.4.9-py3-none-any.whl.metadata (50 kB)',
        looking,
        '  Downloading lm_eval-0.4.8-py3-none-any.whl.metadata (50 kB)',
        looking,
        '  Using cached https://files.pythonhosted.org/packages/8c/5c/aa/lm_eval-0.4.7.tar.gz (1.2 MB)',
        '  Downloading lm_eval-0.4.8-py3-none-any.whl (1.8 MB)',
      ]),
    );
    expect(fetched.find((x) => x.ruleId === 'pip/resolver-backtracking')?.message).toContain('per package: lm_eval (3).');
    const quiet = await analyzeLog(step([looking, looking]));
    expect(quiet.find((x) => x.ruleId === 'pip/resolver-backtracking')?.message).toContain('per package: not shown in the log.');
  });

  test('a piece of the error box pasted without its header: BuildKit’s seconds do not hide who requires what', async () => {
    const [f] = await findingsOf('pip/resolution-impossible/match-box-pasted-without-header', 'pip/resolution-impossible');
    expect(f?.message).toContain('torchaudio 2.2.0 depends on torch==2.2.0, and pip found no release of torch it could install here');
    expect(f?.fix).toContain('pip index versions torchaudio');
  });

  test('only the last lines of the log: no sentence with holes, the reader is told where the conflict is', async () => {
    const [f] = await findingsOf('pip/resolution-impossible/match-last-lines-only', 'pip/resolution-impossible');
    expect(f?.message).toContain('requested: not in the part of the log read here');
    expect(f?.message).not.toMatch(/depends on ;|Conflict: {2}/);
    // no stand-in package name: the fix points at pip's own lines instead
    expect(f?.fix).toContain('The conflict is caused by:');
    expect(f?.fix).not.toContain('PACKAGE');
  });

  test('NVIDIA’s torch replaced in a shell: named with its version, constraints as shell commands', async () => {
    const [f] = await findingsOf('pip/base-package-replaced/match-jetson-nv-torch-replaced', 'pip/base-package-replaced');
    expect(f?.message).toContain('torch-2.1.0a0+41361538.nv23.6');
    expect(f?.fix).toContain('pip list --format=freeze > base-constraints.txt');
    expect(f?.fix).toContain('export PIP_CONSTRAINT="$PWD/base-constraints.txt"');
    expect(f?.fix).not.toContain('RUN pip list');
  });

  test('a wheel build explained by build isolation is not also reported as a generic wheel failure', async () => {
    const ids = (await analyzeLog(fixture('pip/wheel-build-failed/nomatch-explained-by-build-isolation'))).map((f) => f.ruleId);
    expect(ids[0]).toBe('pip/build-isolation');
  });

  test('pip 25’s closing block alone names the package it lists under `╰─>`, and a metadata failure’s `╰─> See above` is no package', async () => {
    const [f] = await findingsOf('pip/wheel-build-failed/match-pip25-closing-block-only', 'pip/wheel-build-failed');
    expect(f?.message).toContain('could not build a wheel for duckdb');
    const ids = (await analyzeLog(fixture('pip/wheel-build-failed/nomatch-pip25-metadata-generation-failed'))).map((x) => x.ruleId);
    expect(ids).not.toContain('pip/wheel-build-failed');
  });

  test('a +cu local version points at PyTorch’s index', async () => {
    const [f] = await findingsOf('pip/no-matching-distribution/match-local-version-cu118-paste', 'pip/no-matching-distribution');
    expect(f?.fix).toContain('https://download.pytorch.org/whl/cu118');
  });
});

describe('a healthy CUDA build raises nothing above notice', () => {
  const lines = [
    '-- The CUDA compiler identification is NVIDIA 12.4.131',
    '-- Looking for a CUDA compiler - /usr/local/cuda/bin/nvcc',
    '-- Could NOT find NCCL (missing: NCCL_INCLUDE_DIR NCCL_LIBRARY) ',
    '-- Could NOT find CUDNN (missing: CUDNN_LIBRARY_PATH CUDNN_INCLUDE_PATH) ',
    'CUDA_TOOLKIT_ROOT_DIR not found or specified',
    "No CUDA runtime is found, using CUDA_HOME='/usr/local/cuda'",
    'Warning: Torch did not find available GPUs on this system.',
    'UserWarning: CUDA initialization: Found no NVIDIA driver on your system.',
    'INFO: pip is looking at multiple versions of torchvision to determine which version is compatible with other requirements. This could take a while.',
    "WARNING: Running pip as the 'root' user can result in broken permissions and conflicting behaviour with the system package manager.",
    "nvcc warning : The 'compute_35', 'compute_37', 'sm_35', and 'sm_37' architectures are deprecated, and may be removed in a future release (Use -Wno-deprecated-gpu-targets to suppress warning).",
  ];
  const log = [
    '#0 building with "default" instance using docker driver',
    '',
    '#9 [builder 5/7] RUN python3 setup.py bdist_wheel',
    ...lines.map((l, i) => `#9 ${(12.5 + i).toFixed(3)} ${l}`),
    '#9 DONE 1812.4s',
    '',
    '#10 exporting to image',
    '#10 exporting layers 8.1s done',
    '#10 DONE 8.2s',
  ].join('\n');

  test('no warning or error from the GPU families', async () => {
    const findings = await analyzeLog(log);
    const loud = findings.filter((f) => /^(cmake|cuda|runtime|pip)\//.test(f.ruleId) && f.severity !== 'notice');
    expect(loud).toEqual([]);
  });
});

describe('wordings seen in public projects’ build logs', () => {
  test('cuda/version-mismatch: both CUDA versions named, across the two-line message of older torch', async () => {
    const [f] = await findingsOf('cuda/version-mismatch/match-flash-attn-cuda122-torch-cu113-vgen', 'cuda/version-mismatch');
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('The CUDA toolkit in this stage is 12.2, but torch was built with CUDA 11.3');
    // either side can move: a -devel image of torch's CUDA, or a torch from an index that exists for the toolkit
    // the log does not say where it ran: both ways, each named by its place
    expect(f?.fix).toContain('in a Dockerfile, a `-devel` image of it');
    expect(f?.fix).toContain('in a shell or a conda environment, that toolkit installed beside this one');
    // the log names no torch release, but its CUDA 11.3 dates it (torch 1.11 … 1.12.1), and the cu121 index begins at
    // 2.1.0: no `+cu121` build of the installed release exists, so pin the nearest release on that index, never its newest
    expect(f?.fix).toContain('pip install --index-url https://download.pytorch.org/whl/cu121 torch==2.1.2 torchvision==0.16.2 torchaudio==2.1.2');
    expect(f?.fix).not.toContain('"torch==${TORCH}+cu121"');
    expect(f?.fix).not.toContain('torch==2.5.1');
    // the specific cause replaces pip's generic wheel failure in the same step
    const all = await analyzeLog(fixture('cuda/version-mismatch/match-flash-attn-cuda122-torch-cu113-vgen'));
    expect(all.filter((x) => x.severity === 'error').map((x) => x.ruleId)).toEqual(['cuda/version-mismatch']);
  });

  test('cuda/version-mismatch: a torch whose CUDA has builds on the toolkit\'s index keeps its own release there', async () => {
    // torch cu124 (2.4 on) against a CUDA 11.8 toolkit: the cu118 index holds 2.0.0 … 2.7.1, so the release can stay
    const [f] = await findingsOf('cuda/version-mismatch/match-cuda118-torch-cu124-paste', 'cuda/version-mismatch');
    expect(f?.fix).toContain('"torch==${TORCH}+cu118"');
    // in pip's isolated build environment the CUDA dates the build requirements' torch, not the environment's: no pin from it
    const [iso] = await findingsOf('cuda/version-mismatch/match-pip-build-env-vllm-1060', 'cuda/version-mismatch');
    expect(iso?.fix).toContain('"torch==${TORCH}+cu121"');
    expect(iso?.fix).not.toContain('torch==2.1.2');
  });

  test('cuda/version-mismatch: the error pasted alone still names both versions', async () => {
    const [f] = await findingsOf('cuda/version-mismatch/match-cuda118-torch-cu124-paste', 'cuda/version-mismatch');
    expect(f?.message).toContain('is 11.8, but torch was built with CUDA 12.4');
    // the torch wheel index of the toolkit's own CUDA, not a fixed one
    expect(f?.fix).toContain('https://download.pytorch.org/whl/cu118');
  });

  test('cuda/version-mismatch: newer torch prints the message unformatted, the versions as a tuple (toolkit, then torch)', async () => {
    const [f] = await findingsOf('cuda/version-mismatch/match-tuple-form-flash-attn-cuda124-torch-cu130', 'cuda/version-mismatch');
    expect(f?.message).toContain('The CUDA toolkit in this stage is 12.4, but torch was built with CUDA 13.0');
    expect(f?.fix).toContain('https://download.pytorch.org/whl/cu124');
    // both versions are in the log: not the "shows only part of the message" advice
    expect(f?.fix).not.toContain('shows only part of the message');
    const all = await analyzeLog(fixture('cuda/version-mismatch/match-tuple-form-flash-attn-cuda124-torch-cu130'));
    expect(all.filter((x) => x.severity === 'error').map((x) => x.ruleId)).toEqual(['cuda/version-mismatch']);
    // a tool that wraps long lines (uv) puts the versions on the next line
    const [wrapped] = await findingsOf('cuda/version-mismatch/match-tuple-form-wrapped-cuda131-torch-cu128', 'cuda/version-mismatch');
    expect(wrapped?.message).toContain('is 13.1, but torch was built with CUDA 12.8');
  });

  test('cuda/version-mismatch: ptxas older than the PTX is its own variant with both ISA versions', async () => {
    const [f] = await findingsOf('cuda/version-mismatch/match-ptxas-older-than-ptx-nvcc13', 'cuda/version-mismatch');
    expect(f?.title).toBe('PTX newer than ptxas');
    expect(f?.message).toContain('PTX of ISA version 9.9');
    expect(f?.message).toContain('only up to 9.0');
    expect(f?.fix).toContain('TRITON_PTXAS_PATH');
  });

  test('cmake/notfound: TorchConfig’s kineto warning stays a notice and says it is harmless', async () => {
    const findings = await analyzeLog(fixture('cmake/notfound/match-torchconfig-kineto-harmless'));
    const [f] = findings.filter((x) => x.ruleId === 'cmake/notfound');
    expect(f?.severity).toBe('notice');
    expect(f?.message).toContain('harmless');
    expect(f?.message).toContain('kineto_LIBRARY');
    expect(findings.filter((x) => x.severity !== 'notice')).toEqual([]);
  });

  test('cmake/notfound: a cache entry marked (ADVANCED) in the generate-time list is still named', async () => {
    const [f] = await findingsOf('cmake/notfound/match-generate-advanced-cache-entry', 'cmake/notfound');
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('CMake stopped at generate time on variables that the configure step left NOTFOUND and that targets use: CUDA_cublas_device_LIBRARY');
    expect(f?.message).not.toContain('ADVANCED');
  });

  test('CMAKE_CUDA_COMPILER-NOTFOUND is a missing nvcc, not a generic NOTFOUND', async () => {
    const findings = await analyzeLog(fixture('cuda/toolkit-not-found/match-cmake-error-log-compiler-notfound'));
    expect(findings.map((f) => f.ruleId)).toEqual(['cuda/toolkit-not-found']);
  });

  test('runtime/libcupti-missing: TensorFlow 1.x "Couldn\'t open CUDA library" is the TensorFlow warning', async () => {
    const [f] = await findingsOf('runtime/libcupti-missing/match-tensorflow1-couldnt-open-paste', 'runtime/libcupti-missing');
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('TensorFlow could not load libcupti.so.8.0:');
  });

  test('pip/no-matching-distribution: a release pip skipped for invalid metadata names it and the older pip the log gives', async () => {
    const [f] = await findingsOf('pip/no-matching-distribution/match-invalid-metadata-old-pip', 'pip/no-matching-distribution');
    expect(f?.title).toBe('pip refused a release with invalid metadata');
    expect(f?.message).toContain('pip skipped `torchsde==0.2.5` although it exists');
    expect(f?.message).toContain('pip<24.1');
    expect(f?.fix).toContain('pip install "pip<24.1" && pip install -r /requirements.txt');
    expect(f?.fix).toContain('in place of any `pip install --upgrade pip`');
    // the generic advice (other Pythons, arm64, private indexes) does not fit a release that exists
    expect(f?.fix).not.toContain('TARGETARCH');
  });

  test('pip/no-matching-distribution: pip 9’s nested "(from -r … (line 2))" keeps the version list', async () => {
    const [f] = await findingsOf('pip/no-matching-distribution/match-pip9-nested-origin-waveglow', 'pip/no-matching-distribution');
    expect(f?.message).toContain('pip found no torch==1.0.0a0');
    // the list read whole: its newest version, below the pin (knowledge/unreleased-floor-enricher.ts)
    expect(f?.message).toContain('the newest torch it could see is 0.4.1, below 1.0.0a0');
  });

  test('pip/no-matching-distribution: no version list in the log says so instead of leaving a hole', async () => {
    const [f] = await findingsOf('pip/no-matching-distribution/match-no-version-list-compose-classic', 'pip/no-matching-distribution');
    expect(f?.message).toContain('pip found no release of torch==1.5.0');
    expect(f?.message).toContain('Versions it could see: not listed in this part of the log.');
    expect(f?.message).not.toMatch(/: \.|\(\)/);
  });

  test('pip/resolution-impossible: a conflict without "The user requested" lines leaves no empty list', async () => {
    const [f] = await findingsOf('pip/resolution-impossible/match-dependency-without-release', 'pip/resolution-impossible');
    expect(f?.message).toContain('vision-utils 0.3.1 (and 1 other release) depends on fastlayers-cuda');
    expect(f?.message).not.toContain('requested: .');
  });
});

describe('apt/unable-to-locate-package', () => {
  test('an update written with options is still an update in the same RUN', async () => {
    const log = (update: string) =>
      [
        `#7 [3/4] RUN ${update} && apt-get install -y --no-install-recommends nvtop`,
        '#7 2.841 Reading package lists...',
        '#7 2.903 E: Unable to locate package nvtop',
        `#7 ERROR: process "/bin/sh -c ${update} && apt-get install -y --no-install-recommends nvtop" did not complete successfully: exit code: 100`,
        '',
      ].join('\n');
    for (const update of ['apt-get -yq update', 'apt-get -o Acquire::Retries=3 update', 'apt update']) {
      const [f] = (await analyzeLog(log(update))).filter((x) => x.ruleId === 'apt/unable-to-locate-package');
      expect(f?.message, update).not.toContain('without `apt-get update`');
    }
    const [missing] = (await analyzeLog(log('echo no-update'))).filter((x) => x.ruleId === 'apt/unable-to-locate-package');
    expect(missing?.message).toContain('without `apt-get update`');
  });
});

describe('pip/build-isolation', () => {
  test('the fix names the package pip stopped on, not the first one of the command', async () => {
    const lines = [
      '#8 [3/3] RUN pip install numpy requests flash-attn',
      '#8 1.02 Collecting numpy',
      '#8 1.40   Downloading numpy-2.1.3-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl.metadata (62 kB)',
      '#8 1.52 Collecting requests',
      '#8 1.60   Downloading requests-2.32.3-py3-none-any.whl.metadata (4.6 kB)',
      '#8 1.71 Collecting flash-attn',
      '#8 1.90   Downloading flash_attn-2.7.4.post1.tar.gz (6.0 MB)',
      '#8 3.12   Installing build dependencies: started',
      "#8 5.80   Getting requirements to build wheel: finished with status 'error'",
      "#8 5.81       ModuleNotFoundError: No module named 'torch'",
      '#8 ERROR: process "/bin/sh -c pip install numpy requests flash-attn" did not complete successfully: exit code: 1',
      '',
    ];
    const [f] = (await analyzeLog(lines.join('\n'))).filter((x) => x.ruleId === 'pip/build-isolation');
    expect(f?.fix).toContain('pip install --no-build-isolation flash-attn');
  });
  test("pip's legacy setup.py path is not isolated: torch is missing from the image's Python, installed first in a RUN of its own", async () => {
    const [f] = await findingsOf('pip/build-isolation/match-legacy-egg-info-xformers', 'pip/build-isolation');
    expect(f?.title).toBe('setup.py imports a module this Python does not have');
    expect(f?.message).toContain("pip read xformers's metadata the legacy way");
    expect(f?.message).toContain('`--no-build-isolation` changes nothing');
    expect(f?.fix).toContain('RUN pip install xformers');
    expect(f?.fix).not.toContain('RUN pip install --no-build-isolation');
    // No CUDA in the log: how to find the index, not a guessed one in a RUN line
    expect(f?.fix).toContain('`nvcc --version`');
    expect(f?.fix).not.toContain('RUN pip install --index-url');
  });

  test('the isolated path (Getting requirements to build wheel) keeps --no-build-isolation', async () => {
    const [f] = await findingsOf('pip/build-isolation/match-sdist-imports-torch-pip26', 'pip/build-isolation');
    expect(f?.message).not.toContain('legacy');
    expect(f?.fix).toContain('--no-build-isolation');
  });
});

describe('enricher sentences', () => {
  test('are not cut at a log value’s length: CUDA 12.9’s whole arch list and the verdict after it', async () => {
    const log = [
      '#9 [builder 4/6] RUN nvcc --version && nvcc -arch=sm_35 -c k.cu',
      '#9 0.101 Cuda compilation tools, release 12.9, V12.9.41',
      "#9 0.207 nvcc fatal   : Unsupported gpu architecture 'compute_35'",
      '#9 ERROR: process "/bin/sh -c nvcc --version && nvcc -arch=sm_35 -c k.cu" did not complete successfully: exit code: 1',
      '',
    ].join('\n');
    const [f] = (await analyzeLog(log)).filter((x) => x.ruleId === 'cuda/unsupported-arch');
    expect(f?.message).toContain('sm_120, sm_121): sm_35 was removed (last accepted by CUDA 11.8).');
  });
});


describe('real-world wordings of the CUDA arch list, apex and flash-attn', () => {
  test('apex: both versions from its own lines, and no torch index for a minor apex refuses', async () => {
    const [f] = await findingsOf('cuda/version-mismatch/match-setup-py-apex-minor-mismatch', 'cuda/version-mismatch');
    expect(f?.message).toContain('the nvcc it found is CUDA 12.3 and torch was built with CUDA 12.1');
    expect(f?.message).toContain('minor included');
    expect(f?.fix).toContain('no cu123 index');
    expect(f?.fix).not.toContain('whl/cu121 torch');
  });

  test('apex without its nvcc printout says how to read the toolkit, and invents no version', async () => {
    const [f] = await findingsOf('cuda/version-mismatch/match-setup-py-apex-error-line-only', 'cuda/version-mismatch');
    expect(f?.message).toContain('torch was built with CUDA 10.2');
    expect(f?.fix).toContain('nvcc --version');
  });

  test('flash-attn without nvcc, in a failed step, is the toolkit; its release has the wheel, installed with uv', async () => {
    const [f] = await findingsOf('cuda/toolkit-not-found/match-flash-attn-uv-wrapped', 'cuda/toolkit-not-found');
    expect(f?.title).toBe('flash-attn found no nvcc (no CUDA toolkit)');
    expect(f?.fix).toContain('flash-attn 2.8.0.post2 published a prebuilt wheel');
    expect(f?.fix).toContain('&& uv pip install "https://github.com/Dao-AILab/flash-attention/releases/download/v2.8.0.post2/flash_attn-2.8.0.post2+cu12torch2.7cxx11abi');
    // torch's CUDA_HOME error is cuda/cuda-home-not-set's to explain, not this rule's
    const ids = (await analyzeLog(fixture('cuda/toolkit-not-found/nomatch-flash-attn-cuda-home-error'))).map((x) => x.ruleId);
    expect(ids).toContain('cuda/cuda-home-not-set');
    expect(ids).not.toContain('cuda/toolkit-not-found');
  });

  test('a setup.py traceback that stops in its `[cuda_home + "/bin/nvcc", "-V"]` call is the toolkit, for DeepSpeed and flash-attn', async () => {
    for (const name of ['match-deepspeed-nvcc-version-frame', 'match-flash-attn-bare-metal-version-frame']) {
      const findings = await analyzeLog(fixture(`cuda/toolkit-not-found/${name}`));
      expect(findings[0]?.ruleId).toBe('cuda/toolkit-not-found');
      expect(findings[0]?.evidence.some((e) => e.includes('/bin/nvcc", "-V"]'))).toBe(true);
    }
    // the same call in a build that passed prints no traceback: a plain source line of setup.py is not a frame
    const passed = await analyzeLog('    raw_output = subprocess.check_output(["nvcc", "-V"], universal_newlines=True)\nSuccessfully installed flash-attn-2.7.4.post1\n');
    expect(passed.map((x) => x.ruleId)).not.toContain('cuda/toolkit-not-found');
  });

  test('flash-attn without nvcc in a shell: check for a toolkit first; with none, a -devel image or a prebuilt wheel, not CUDA_HOME', async () => {
    const [f] = await findingsOf('cuda/toolkit-not-found/match-flash-attn-pod-shell-no-toolkit', 'cuda/toolkit-not-found');
    const fix = f?.fix ?? '';
    expect(fix).toContain('ls -d /usr/local/cuda*\nnvcc --version');
    expect(fix).toContain('a `-devel` CUDA image');
    expect(fix).toContain('https://github.com/Dao-AILab/flash-attention/releases');
    // the check and the ways out come before the export
    expect(fix.indexOf('setting CUDA_HOME cannot help')).toBeLessThan(fix.indexOf('export CUDA_HOME'));
  });

  test("torch's arch_list IndexError is the missing GPU, not a step failure", async () => {
    const all = await analyzeLog(fixture('cuda/no-gpu-at-build/match-torch-arch-list-indexerror'));
    expect(all[0]?.ruleId).toBe('cuda/no-gpu-at-build');
    expect(all[0]?.message).toContain("`arch_list[-1] += '+PTX'` raised IndexError");
    expect(all[0]?.fix).toContain('nvcc --list-gpu-arch');
  });

  test.each([
    ['cuda/invalid-arch-list/match-nvcc-ptx-suffix', "Arch list in PyTorch's notation given to nvcc", '-DCMAKE_CUDA_ARCHITECTURES="80"'],
    ['cuda/invalid-arch-list/match-nvcc-native-word', '`native` given to nvcc as an architecture', 'CMake ≥ 3.24'],
  ])('%s: a malformed list, not an arch the toolkit dropped', async (name, title, fixText) => {
    const all = await analyzeLog(fixture(name));
    expect(all.map((x) => x.ruleId)).not.toContain('cuda/unsupported-arch');
    const f = all.find((x) => x.ruleId === 'cuda/invalid-arch-list');
    expect(f?.title).toBe(title);
    expect(f?.fix).toContain(fixText);
  });

  test('CUPTI NOTFOUND named in the generate-time list is the error, with the distribution toolkit’s package', async () => {
    const all = await analyzeLog(fixture('cmake/cupti-library-notfound/match-distro-toolkit-generate-error'));
    expect(all[0]?.ruleId).toBe('cmake/cupti-library-notfound');
    expect(all[0]?.severity).toBe('error');
    expect(all[0]?.fix).toContain('apt-get install -y libcupti-dev');
    expect(all[0]?.fix).toContain('-DCUDA_CUPTI_LIBRARY=');
  });
});

describe('runtime/flash-attn-extension-missing', () => {
  test('fires on the missing extension module, names the skip variable and a rebuild without the cached wheel', async () => {
    const [f] = await findingsOf('runtime/flash-attn-extension-missing/match-arm64-image-prime-rl-1972', 'runtime/flash-attn-extension-missing');
    expect(f?.severity).toBe('error');
    expect(f?.fix).toContain('FLASH_ATTENTION_SKIP_CUDA_BUILD=FALSE pip install flash-attn --no-build-isolation --no-cache-dir --no-binary flash-attn');
  });

  test('does not fire when flash-attn itself is missing (a near-miss wording: install the package, not its extension)', async () => {
    const ids = (await analyzeLog("ModuleNotFoundError: No module named 'flash_attn'\n")).map((x) => x.ruleId);
    expect(ids).not.toContain('runtime/flash-attn-extension-missing');
  });
});
