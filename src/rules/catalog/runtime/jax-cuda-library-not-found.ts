// The jax CUDA plugin (`jax_plugins.xla_cuda12`, from the `jax-cuda12-plugin` wheel that `pip install "jax[cuda12]"`
// brings) checks the CUDA libraries it loads when it starts, and one it cannot load ends the plugin:
//   RuntimeError: jaxlib/cuda/versions_helpers.cc:81: operation cusparseGetProperty(MAJOR_VERSION, &major) failed: The cuSPARSE library was not found.
// after `Jax plugin configuration error: Exception when calling jax_plugins.xla_cuda12.initialize()`; JAX then falls back
// to the CPU (jax-ml/jax#30050, #28929, #29843; michael-0brien/cryojax#559). The pip install puts the libraries in
// `nvidia-*-cu12` wheels (`nvidia-cusparse-cu12` among them, #28929's install list). JAX's installation docs: when JAX
// finds the wrong CUDA libraries, make sure `LD_LIBRARY_PATH` is not set (it can override the pip libraries) and that
// the installed libraries are those JAX asked for (rerunning the install command should do it); #29843 and #28929 were
// solved by `unset LD_LIBRARY_PATH`. The same check names cuBLAS, cuFFT, cuSOLVER … in the same words, so the rule reads
// the library from the line.
// Older jaxlib (0.4.x, wheels `jaxlib-…+cuda12.cudnn89` from `jax[cuda12_pip]`) says the same of cuDNN in one line, after
// `CUDA backend failed to initialize:`: `Unable to load cuDNN. Is it installed? (Set TF_CPP_MIN_LOG_LEVEL=0 and rerun for
// more info.)` (jax-ml/jax#20519, jaxlib 0.4.25 from `pip install "jax[cuda12_pip]"`, fixed by reinstalling the cuDNN wheel
// as jax-ml/jax#18027 suggests; jcbmrshll/turbozero#19, `jax[cuda12_pip]==0.4.24`, fixed by newer pins). cuDNN could not be
// loaded at all: none installed, or one of another major than the `cudnnNN` of the jaxlib's local version tag (a jaxlib
// built with cuDNN 8.9 cannot load the 9.x that an unbounded `nvidia-cudnn-cu12` requirement brings). JAX's setup.py:
// `jax[cuda12]` requires the `jaxlib` of its release and `jax-cuda12-plugin[with_cuda]`, whose extra brings the
// `nvidia-*-cu12` wheels, cuDNN among them; so reinstalling from that extra gives a matching set.
import type { RuleInput } from '../../schema.js';

const CHECK = [
  '```sh',
  'echo "LD_LIBRARY_PATH=$LD_LIBRARY_PATH"                 # set: it can hide the libraries jax installed',
  'pip list 2>/dev/null | grep -iE "^(jax|nvidia-)"      # jax, its cuda plugin and the nvidia-*-cu* wheels',
  'unset LD_LIBRARY_PATH',
  'python -c "import jax; print(jax.devices())"',
  '```',
].join('\n');

const CHECK_FIRST = [
  'In the environment that runs jax:',
  '',
  CHECK,
  '',
  'If that prints GPU devices, keep `LD_LIBRARY_PATH` unset for jax (remove the export from your shell profile or job script).',
];

export const jaxCudaLibraryNotFound: RuleInput = {
  id: 'runtime/jax-cuda-library-not-found',
  title: 'JAX\'s CUDA plugin could not load a CUDA library, so JAX runs on the CPU',
  severity: 'error',
  match: [
    // `RuntimeError: jaxlib/cuda/versions_helpers.cc:81: operation cusparseGetProperty(MAJOR_VERSION, &major) failed: The cuSPARSE library was not found.`
    {
      literals: ['library was not found'],
      pattern: 'versions_helpers\\.cc:\\d{1,5}: operation (?<call>\\w{1,60})\\([^)\\n]{0,80}\\) failed: The (?<library>\\w{1,30}) library was not found',
    },
    // `CUDA backend failed to initialize: Unable to load cuDNN. Is it installed? (Set TF_CPP_MIN_LOG_LEVEL=0 and rerun for more info.)`
    { literals: ['Is it installed?'], pattern: 'Unable to load (?<library>cuDNN)\\. Is it installed\\?' },
  ],
  context: [
    { name: 'cudnnUnloadable', literals: ['Is it installed?'], pattern: 'Unable to load cuDNN\\. Is it installed\\?' },
    // `File ".../site-packages/jax_plugins/xla_cuda12/__init__.py"`: the plugin and its CUDA major
    { name: 'plugin', literals: ['xla_cuda'], pattern: 'jax_plugins[./]xla_cuda(?<major>1\\d)\\b' },
  ],
  scope: 'step',
  specificity: 3,
  message:
    'JAX\'s CUDA plugin checks the CUDA libraries when it starts, and `{call}` failed because the {library} library could not ' +
    'be loaded. The plugin is dropped and JAX falls back to the CPU. With a pip install the library comes from an ' +
    '`nvidia-*` wheel next to jax; an `LD_LIBRARY_PATH` that points elsewhere, or a wheel of the wrong version, hides it.',
  fix: [
    ...CHECK_FIRST,
    'If not, reinstall with the CUDA extra of the plugin you have (`pip list` shows `jax-cuda12-plugin` or similar), e.g.',
    '`pip install --upgrade "jax[cuda12]"`, so the `nvidia-*` wheels are the versions jax asks for.',
  ].join('\n'),
  variants: [
    {
      when: 'cudnnUnloadable',
      title: 'JAX could not load cuDNN, so JAX runs on the CPU',
      message:
        'JAX could not load cuDNN when its CUDA backend started (`Unable to load cuDNN`), so JAX runs on the CPU. No cuDNN is ' +
        'installed where jax looks, or the one found is of another major version than the one this jaxlib was built with, ' +
        'or an `LD_LIBRARY_PATH` points jax at another copy. This is not an old cuDNN that loaded (that one JAX names with its version).',
      fix: [
        'In the environment that runs jax, see which jaxlib and which cuDNN it has:',
        '',
        '```sh',
        'echo "LD_LIBRARY_PATH=$LD_LIBRARY_PATH"',
        'pip list 2>/dev/null | grep -iE "^(jax|nvidia-cudnn)"   # a jaxlib version like 0.4.25+cuda12.cudnn89 names its cuDNN (8.9)',
        '```',
        '',
        '- Reinstall jax with its CUDA libraries from one release: `pip install --upgrade "jax[cuda12]"` (current jax: the',
        '  `jax-cuda12-plugin[with_cuda]` it requires brings the `nvidia-cudnn-cu12` wheel the plugin loads). Older guides',
        '  that use `jax[cuda12_pip]` with `-f https://storage.googleapis.com/jax-releases/jax_cuda_releases.html` pin an old jaxlib.',
        '- Keeping an old jaxlib: install the cuDNN its tag names (`cudnn89`: an `nvidia-cudnn-cu12` 8.9.x), not the newest.',
        '- `unset LD_LIBRARY_PATH` if it names a system CUDA / cuDNN, then `python -c "import jax; print(jax.devices())"`.',
      ].join('\n'),
    },
    {
      when: 'plugin',
      fix: [
        ...CHECK_FIRST,
        'If not, reinstall so the `nvidia-*` wheels are the versions jax asks for:',
        '',
        '```sh',
        'pip install --upgrade "jax[cuda{context.plugin.major}]"',
        '```',
      ].join('\n'),
    },
  ],
  docs: 'https://docs.jax.dev/en/latest/installation.html',
};
