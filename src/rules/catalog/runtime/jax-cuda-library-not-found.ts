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
  ],
  context: [
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
