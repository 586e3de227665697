// flash-attn is installed but its compiled CUDA extension is not: `ModuleNotFoundError: No module named 'flash_attn_2_cuda'`
// (PrimeIntellect-ai/prime-rl#1972, arm64 image on GB200). flash-attn 2's kernels are the CUDAExtension named
// `flash_attn_2_cuda` (a top-level `flash_attn_2_cuda.cpython-….so` beside the `flash_attn` package), which
// flash_attn/flash_attn_interface.py imports. Its setup.py leaves that extension out when
// `FLASH_ATTENTION_SKIP_CUDA_BUILD=TRUE` ("Intended to allow CI to use a simple `python setup.py sdist` run to copy over
// raw files, without any cuda compilation"), so a flash-attn installed from such a build, or from a wheel made that way,
// imports its Python files and fails here (Dao-AILab/flash-attention setup.py: `SKIP_CUDA_BUILD =
// os.getenv("FLASH_ATTENTION_SKIP_CUDA_BUILD", "FALSE") == "TRUE"`, `if not SKIP_CUDA_BUILD …
// CUDAExtension(name="flash_attn_2_cuda", …)`; FLASH_ATTENTION_FORCE_BUILD=TRUE compiles instead of downloading
// flash-attn's prebuilt wheel, extension-knobs.ts). In prime-rl#1972/#1974 the variable came from the project's own
// build settings and the install had taken a wheel without the extension. flash-attn's own prebuilt wheels (GitHub
// releases) are linux x86_64 only (flash-attn-wheels.ts), so on arm64 the extension has to be compiled or come from
// another wheel built for that platform.
// Not this rule: `No module named 'flash_attn'` (the package itself is missing), and `flash_attn_2_cuda….so: undefined
// symbol` (the extension is there, built for another torch: runtime/torch-symbol-mismatch).
import type { RuleInput } from '../../schema.js';

// find_spec of a top-level name locates it without running flash_attn/__init__.py, whose import of the interface is what fails
const CHECK =
  'pip show flash-attn | head -2; python3 -c "import importlib.util as u; print(u.find_spec(\'flash_attn\') is not None, u.find_spec(\'flash_attn_2_cuda\'))"';

export const flashAttnExtensionMissing: RuleInput = {
  id: 'runtime/flash-attn-extension-missing',
  title: 'flash-attn installed without its CUDA extension',
  severity: 'error',
  match: [
    // `ModuleNotFoundError: No module named 'flash_attn_2_cuda'`
    { literals: ["No module named 'flash_attn_2_cuda'"], pattern: "No module named 'flash_attn_2_cuda'" },
  ],
  scope: 'step',
  specificity: 3,
  message:
    'The flash-attn package is installed, but not its compiled CUDA kernels (the `flash_attn_2_cuda` extension module). ' +
    'flash-attn\'s setup.py leaves that extension out when `FLASH_ATTENTION_SKIP_CUDA_BUILD=TRUE` is set where it builds, so a flash-attn built ' +
    'that way, or a wheel made that way, installs its Python files alone.',
  fix: [
    'See what is installed, where the program runs (`True None`: the package is there, its extension is not):',
    '',
    '```sh',
    CHECK,
    '```',
    '',
    'Then find where `FLASH_ATTENTION_SKIP_CUDA_BUILD` is set (`env | grep FLASH_ATTENTION` in that shell or image; an `ENV` line, ' +
      'a CI variable, or the installer\'s build-environment settings in the project) and remove it, and reinstall flash-attn compiled ' +
      'against the torch that is installed, without a cached wheel:',
    '',
    '```sh',
    'pip uninstall -y flash-attn && FLASH_ATTENTION_SKIP_CUDA_BUILD=FALSE pip install flash-attn --no-build-isolation --no-cache-dir --no-binary flash-attn',
    '```',
    '',
    '(`--no-build-isolation`: the build sees the installed torch; `--no-binary flash-attn`: no prebuilt wheel without the extension; ' +
      'it needs the CUDA toolkit (nvcc) of torch\'s CUDA major, and MAX_JOBS bounds its memory.) ' +
      'Or install a prebuilt wheel that holds `flash_attn_2_cuda` for this torch, CUDA, Python and platform: flash-attn\'s own release wheels ' +
      '(https://github.com/Dao-AILab/flash-attention/releases) are linux x86_64 only, so on arm64 (aarch64) it is a source build or a wheel built for aarch64.',
  ].join('\n'),
};
