// `import torch` stopped by the loader on a symbol of Intel's JIT profiling API that torch's CPU library expects from MKL:
//   `ImportError: /root/anaconda3/envs/pikv/lib/python3.11/site-packages/torch/lib/libtorch_cpu.so: undefined symbol: iJIT_NotifyEvent`
// (NoakLiu/PiKV#2; the same line in conda/conda#13812, open-mmlab/mmpretrain#1900, Pointcept/Pointcept#230).
// The cause, from the PyTorch tracker (pytorch/pytorch#123097, "ImportError `undefined symbol: iJIT_NotifyEvent` encountered
// when MKL 2024.1 is installed"): the torch builds of the `pytorch` conda channel link MKL dynamically and take it from the
// environment; MKL 2024.1 no longer exports `iJIT_NotifyEvent` (samgoldman97/mist#12: "mkl 2024.1 removed `iJIT_NotifyEvent`"),
// so a solve that brings MKL 2024.1 or later breaks a torch built against an older MKL. Intel's yanbing-j in that thread:
// "the MKL version would be different in the compilation and runtime, which will raise `undefined symbol` error since MKL
// 2024.1"; pytorch/pytorch#129310 (yanbing-j): the conda package links MKL dynamically, the pip wheel statically.
// The fixes confirmed there and in the projects that met it: pin MKL to 2024.0 in the environment (`mamba install
// mkl==2024.0`, #123097; `- mkl==2024.0` in environment.yml, #123097 and mist#12; NoakLiu in PiKV#2: `conda install
// mkl=2024.0.0`), or install torch from pip, whose wheels carry MKL inside (Pointcept#230, PiKV#2). The `pytorch` channel
// gets no newer builds to move to: 2.5 was the last release published there (pytorch/pytorch#138506, "Deprecating PyTorch's
// official Anaconda channel").
// Outside conda, the same symbol is missing when a oneAPI MKL of 2024.1 or later is on the loader path in front of the one
// torch was built with (intel/ipex-llm#12141: oneAPI 2024.2; intel/intel-extension-for-pytorch#572: MKL 2024.1).
// Not this rule: any other undefined symbol of libtorch_cpu.so (a C++ symbol of another torch build:
// hijkzzz/alpha-zero-gomoku#28, `_ZNK3c1010TensorImpl23shallow_copy_and_detach…`, the nomatch fixture), which is
// runtime/torch-symbol-mismatch's or library-symbol-mismatch's class.
import type { RuleInput } from '../../schema.js';
import { PATH_CHAR } from '../../path-chars.js';

const ISSUE = 'https://github.com/pytorch/pytorch/issues/123097';

const PIP_TORCH =
  'or replace the conda torch with the pip one, whose wheels carry MKL inside (`conda remove pytorch` in that environment, then ' +
  '`pip install torch` with the index URL of its CUDA build from https://pytorch.org/get-started/locally/); the `pytorch` channel ' +
  'publishes nothing newer than 2.5 to move to.';

const CHECK = '`conda list mkl` in that environment shows the MKL installed (2024.1 or later here).';

export const torchMklSymbol: RuleInput = {
  id: 'runtime/torch-mkl-symbol',
  title: 'conda torch with MKL 2024.1 or later (undefined symbol iJIT_NotifyEvent)',
  severity: 'error',
  match: [
    // `ImportError: /…/site-packages/torch/lib/libtorch_cpu.so: undefined symbol: iJIT_NotifyEvent`
    {
      literals: ['undefined symbol: iJIT_NotifyEvent'],
      pattern: `(?<lib>${PATH_CHAR}{0,300}libtorch_cpu\\.so): undefined symbol: (?<symbol>iJIT_NotifyEvent)\\b`,
    },
  ],
  context: [
    // torch in a conda environment: `/root/anaconda3/envs/pikv/lib/python3.11/site-packages/torch/…`; `envs/<name>/` names it
    {
      name: 'condaEnv',
      literals: ['/envs/'],
      pattern: '/(?:conda|miniconda3?|anaconda3?|miniforge3?|mambaforge|micromamba)/envs/(?<env>[\\w.-]{1,100})/lib/python3',
    },
    { name: 'condaBase', literals: ['conda', 'miniforge', 'mambaforge'], pattern: '/(?:conda|miniconda3?|anaconda3?|miniforge3?|mambaforge)/lib/python3' },
  ],
  scope: 'step',
  specificity: 3,
  message:
    '`{lib}` needs `iJIT_NotifyEvent` from Intel MKL, and the MKL the loader found does not export it: MKL 2024.1 dropped it. ' +
    'This is a torch that links MKL at run time (the `pytorch` conda channel\'s builds) with MKL 2024.1 or later installed beside it.',
  fix: [
    `Pin MKL to 2024.0 where torch is installed: \`conda install "mkl=2024.0"\` in a conda environment (and \`- mkl=2024.0\` in its environment.yml, so the next solve keeps it), ${PIP_TORCH}`,
    'Outside conda, an MKL of 2024.1 or later on the loader path (a oneAPI install in `LD_LIBRARY_PATH`) is found in front of the one torch was built with: ' +
      '`ldd` on that file shows which `libmkl_*` it loads.',
    `The cause and fixes: ${ISSUE}.`,
  ].join(' '),
  variants: [
    {
      when: 'condaEnv',
      fix: [
        'Pin MKL to 2024.0 in that environment (conda\'s `=2024.0` takes the last 2024.0.x build), and keep the pin where the environment is defined:',
        '',
        '```sh',
        'conda install -n {context.condaEnv.env} -y "mkl=2024.0"',
        '```',
        '',
        `(a \`- mkl=2024.0\` line under \`dependencies:\` of its environment.yml, or the same package in the \`conda create\` / \`conda install\` line that installs torch, in the Dockerfile when this is an image). ${CHECK}`,
        '',
        `Or ${PIP_TORCH.replace(/^or /, '')}`,
        '',
        `The cause and fixes: ${ISSUE}.`,
      ].join('\n'),
    },
    {
      when: 'condaBase',
      fix: [
        'Pin MKL to 2024.0 in the conda environment that holds torch (conda\'s `=2024.0` takes the last 2024.0.x build), and keep the pin where it is defined:',
        '',
        '```sh',
        'conda install -y "mkl=2024.0"',
        '```',
        '',
        `(the same package in the \`conda install\` line that installs torch, in the Dockerfile when this is an image). ${CHECK}`,
        '',
        `Or ${PIP_TORCH.replace(/^or /, '')}`,
        '',
        `The cause and fixes: ${ISSUE}.`,
      ].join('\n'),
    },
  ],
  docs: ISSUE,
};
