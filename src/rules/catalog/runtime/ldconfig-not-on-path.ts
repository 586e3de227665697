// `FileNotFoundError: [Errno 2] No such file or directory: 'ldconfig'`: a Python program ran `ldconfig` by name and the
// PATH it inherited has no sbin directory (ldconfig lives in /sbin, /usr/sbin). The common caller is Triton, which
// finds the driver with `ldconfig -p` the first time it builds a kernel's launcher: `libcuda_dirs()` in Triton's
// triton/common/build.py ran `subprocess.check_output(["ldconfig", "-p"])` (quoted from site-packages in a public
// note that patched it to `/usr/sbin/ldconfig`, code corpus); later releases call `/sbin/ldconfig` and first return
// `TRITON_LIBCUDA_PATH` when it is set (third_party/nvidia/backend/driver.py, code corpus). vllm-project/vllm#3098:
// vLLM's prefix-prefill Triton kernel on a GCP (Vertex AI) Debian image; the maintainer: "the error happens for some GCP
// Debian images that do not have `ldconfig` in the path. Please run `export PATH=$PATH:/sbin` before running vLLM."
// Not this rule: `FileNotFoundError` for another program (`'nvcc'`, a toolkit not installed or not on PATH).
import type { RuleInput } from '../../schema.js';

export const ldconfigNotOnPath: RuleInput = {
  id: 'runtime/ldconfig-not-on-path',
  title: '`ldconfig` is not on PATH (Triton\'s lookup of the driver)',
  severity: 'error',
  match: [
    // `FileNotFoundError: [Errno 2] No such file or directory: 'ldconfig'`
    { literals: ["No such file or directory: 'ldconfig'"], pattern: "FileNotFoundError: \\[Errno 2\\] No such file or directory: 'ldconfig'" },
  ],
  scope: 'step',
  specificity: 3,
  message:
    'A Python program ran `ldconfig` by name and found no such program on PATH: `ldconfig` is in `/sbin` (or `/usr/sbin`), which this ' +
    'user\'s PATH lacks (some Debian images, notebooks). Triton releases that call it by name run `ldconfig -p` to find the NVIDIA driver (`libcuda.so.1`) ' +
    'the first time it builds a kernel, so vLLM, torch.compile and other Triton users stop here.',
  fix: [
    'Check that ldconfig is there, put its directory on PATH, and run the program again from that shell:',
    '',
    '```sh',
    'ls -l /sbin/ldconfig /usr/sbin/ldconfig',
    'export PATH=$PATH:/sbin:/usr/sbin',
    '```',
    '',
    'For Triton, the releases that read `TRITON_LIBCUDA_PATH` skip the lookup when it names the directory of `libcuda.so.1` ' +
      '(`grep -rn TRITON_LIBCUDA_PATH "$(python -c \'import triton, os; print(os.path.dirname(triton.__file__))\')"` shows whether ' +
      'yours does; `/sbin/ldconfig -p | grep libcuda` gives the directory). In a notebook, set PATH before the kernel starts ' +
      '(or `os.environ["PATH"] += ":/sbin:/usr/sbin"` before the first call).',
  ].join('\n'),
  docs: 'https://github.com/vllm-project/vllm/issues/3098',
};
