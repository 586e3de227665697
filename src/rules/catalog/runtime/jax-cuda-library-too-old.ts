// JAX checks the CUDA libraries it loads against those jaxlib was built with, when the CUDA backend starts, and refuses
// an older one; JAX then runs on the CPU. Two wordings of the same check (jax-ml/jax, `_check_cuda_versions`):
// - older jaxlib (jax/_src/xla_bridge.py, 2023-2024): `Found {name} version {version}, but JAX was built against version
//   {build_version}, which is newer. The copy of {name} that is installed must be at least as new as the version against
//   which JAX was built.`, printed after `Unable to initialize backend 'cuda':` or `CUDA backend failed to initialize:`
//   (KosinskiLab/AlphaPulldown#237, cuSOLVER 11002 < 11401, jaxlib 0.4.23+cuda11.cudnn86; jax-ml/jax#20079, cuSPARSE);
// - the CUDA plugin (jax_plugins/cuda/__init__.py, `_make_msg`): `Unable to use CUDA because of the following issues with
//   CUDA components:` then `Outdated {name} installation found.`, `Version JAX was built against: …`, `Minimum supported: …`,
//   `Installed version: …`, `The local installation version must be no lower than …` (rgommers/pixi-dev-scipystack#1, a
//   pixi / conda-forge env whose jaxlib 0.4.30+ needs cuDNN 9.1 and was solved with cuDNN 8.9.7: conda-forge/jaxlib-feedstock#277,
//   "In 0.4.30, the runtime requirement for cudnn changed to be cudnn>=9.1 but jaxlib in conda-forge does not have this constraint").
// The numbers are JAX's own (library version integers), printed as the log shows them, not converted into releases.
// Where the old library comes from is not in these lines: JAX's installation docs (docs.jax.dev, installation.html) tell pip
// users to install the CUDA libraries from the `jax[cuda12]` extra (pip `nvidia-*` wheels), and say a set `LD_LIBRARY_PATH`
// can override them (see runtime/jax-cuda-library-not-found); a `jax[cuda12_local]` install uses the system's CUDA, which must
// then be at least as new. Older JAX named the pip-wheel extras `jax[cuda11_pip]` / `jax[cuda12_pip]`, installed with
// `-f https://storage.googleapis.com/jax-releases/jax_cuda_releases.html` (JAX's installation docs of 2023, which send a user
// with `Found CUDA version 12000, but JAX was built against version 12020` from `cuda12_local` to `cuda12_pip`).
// So the fix shows how to see which copy was loaded, and each way out.
// A library JAX cannot load at all (`The cuSPARSE library was not found`) is runtime/jax-cuda-library-not-found's.
// XLA's own check of cuDNN, the C++ log line JAX 0.4.x-0.7 and TensorFlow print before `DNN library initialization failed`
// (xla/stream_executor/cuda/cuda_dnn.cc, `CudnnSupport::Init`: `Loaded runtime CuDNN library: {loaded} but source was
// compiled with: {source}.  CuDNN library needs to have matching major version and equal or higher minor version.`):
// the same class, for cuDNN, with the versions as releases (conda-forge/jaxlib-feedstock#329, a conda jaxlib built with
// cuDNN 9.13.1 in an env solved with 9.10.1: the package's cudnn lower bound was missing). The line names no framework
// (the path of old builds, `external/org_tensorflow/tensorflow/compiler/xla/…`, is in JAX's logs too), so the wording
// follows what else the log shows: jax, or TensorFlow (`pip install "tensorflow[and-cuda]"` brings TensorFlow's CUDA
// libraries as pip wheels: tensorflow.org/install/pip), or neither.
import type { RuleInput } from '../../schema.js';

const LOOK = [
  'See which jax and CUDA libraries this environment has, and whether `LD_LIBRARY_PATH` points JAX at another copy (run where jax runs):',
  '',
  '```sh',
  'echo "LD_LIBRARY_PATH=$LD_LIBRARY_PATH"',
  'pip list 2>/dev/null | grep -iE "^(jax|nvidia-)"',
  'conda list 2>/dev/null | grep -iE "^(jax|cudnn|cuda|libcu|nccl)"',
  '```',
];

const PIP_WAYS = [
  'Then give JAX a {library} at least as new as the one it was built against:',
  '',
  '- pip: install the CUDA libraries with jax itself, from its CUDA extra: `pip install --upgrade "jax[cuda12]"` in current JAX (CUDA 12 ' +
    'wheels, `jax-cuda12-plugin` in `pip list`); a jaxlib built for CUDA 11 (`+cuda11…` in its version) had `jax[cuda11_pip]` with ' +
    '`-f https://storage.googleapis.com/jax-releases/jax_cuda_releases.html`. Then `unset LD_LIBRARY_PATH` if it names a system CUDA older than that.',
  '- a system CUDA / cuDNN (`jax[cuda12_local]`, or a base image\'s toolkit): upgrade that {library}, or install the jax release built for the one you have.',
  '- conda / pixi: require a newer {library} package in the environment (the `conda list` line above shows the one the solver picked).',
];

const XLA_CUDNN =
  'Loaded runtime CuDNN library: (?<found>(?<foundMajor>\\d{1,2})\\.\\d{1,3}\\.\\d{1,3}) but source was compiled with: (?<built>(?<builtMajor>\\d{1,2})\\.(?<builtMinor>\\d{1,3})\\.\\d{1,3})';

const XLA_LOOK = [
  'See which cuDNN this environment loads, and whether `LD_LIBRARY_PATH` points at another copy (run where the program runs):',
  '',
  '```sh',
  'echo "LD_LIBRARY_PATH=$LD_LIBRARY_PATH"',
  'pip list 2>/dev/null | grep -iE "^(jax|tensorflow|nvidia-cudnn|torch)"',
  'conda list 2>/dev/null | grep -iE "^(jax|tensorflow|cudnn)"',
  '```',
];

const XLA_CUDNN_WAYS = (framework: string, pipLine: string): string[] => [
  `Then give ${framework} a cuDNN ${'{context.xlaCudnn.builtMajor}'}.x at least as new as ${'{context.xlaCudnn.built}'}:`,
  '',
  `- pip: ${pipLine} Then \`unset LD_LIBRARY_PATH\` if it names an older cuDNN. Another package that pins an older ` +
    '`nvidia-cudnn-cu*` wheel into the same environment (torch, often) brings the old one back: keep the two in separate environments.',
  '- conda / pixi: require `cudnn >={context.xlaCudnn.builtMajor}.{context.xlaCudnn.builtMinor}` in the environment\'s spec ' +
    '(environment.yml / pixi.toml) and solve again (`conda install "cudnn>={context.xlaCudnn.builtMajor}.{context.xlaCudnn.builtMinor}"`), or pin ' +
    `${framework} to a build made with the cuDNN the environment has.`,
  '- a system cuDNN (a base image\'s, or one on `LD_LIBRARY_PATH`): upgrade it to {context.xlaCudnn.builtMajor}.{context.xlaCudnn.builtMinor} or newer.',
];

const XLA_MESSAGE = (framework: string): string =>
  `XLA (in ${framework}) checks the cuDNN it loads when it starts: it loaded cuDNN {context.xlaCudnn.found}, but this build was ` +
  'compiled with cuDNN {context.xlaCudnn.built}, and cuDNN must have the same major version and an equal or higher minor ' +
  'version. cuDNN is not used: convolutions and other cuDNN operations fail (`DNN library initialization failed`), or the program falls back to the CPU.';

export const jaxCudaLibraryTooOld: RuleInput = {
  id: 'runtime/jax-cuda-library-too-old',
  title: 'JAX found a CUDA library older than the one it was built against, so JAX runs on the CPU',
  severity: 'error',
  match: [
    // `Found cuSOLVER version 11002, but JAX was built against version 11401, which is newer.`
    {
      literals: ['but JAX was built against version'],
      pattern: 'Found (?<library>\\w{1,30}) version (?<found>\\d{1,9}), but JAX was built against version (?<built>\\d{1,9}), which is newer',
    },
    // `Outdated cuDNN installation found.` (the plugin's list; pytest prefixes it with `E   `)
    { literals: ['installation found.'], pattern: '\\bOutdated (?<library>\\w{1,30}) installation found\\.' },
    // `E1027 15:11:27.184481 3266602 cuda_dnn.cc:456] Loaded runtime CuDNN library: 9.10.1 but source was compiled with: 9.13.1.  CuDNN …`
    { literals: ['but source was compiled with: '], pattern: XLA_CUDNN },
  ],
  context: [
    { name: 'xlaCudnn', literals: ['but source was compiled with: '], pattern: XLA_CUDNN },
    // the program is JAX: its import, its frames, its packages
    { name: 'jax', literals: ['import jax', '/jax/', 'jaxlib', 'jax.', 'jax_plugins', 'JAX_'] },
    // the program is TensorFlow: its import or its Python frames (not XLA's source path, which JAX's old logs show too)
    { name: 'tensorflow', literals: ['import tensorflow', '/tensorflow/python/', 'tensorflow/core/', 'tf.config', 'keras'] },
    {
      name: 'foundLine',
      literals: ['but JAX was built against version'],
      pattern: 'Found (?<library>\\w{1,30}) version (?<found>\\d{1,9}), but JAX was built against version (?<built>\\d{1,9}), which is newer',
    },
    { name: 'minimum', literals: ['Minimum supported: '], pattern: 'Minimum supported: (?<version>\\d{1,9})\\b' },
    { name: 'installed', literals: ['Installed version: '], pattern: 'Installed version: (?<version>\\d{1,9})\\b' },
    // A conda / pixi environment's site-packages: `/.pixi/envs/<env>/lib/python3.12/site-packages/jax/`, `/envs/<env>/lib/…`
    { name: 'condaEnv', literals: ['/envs/'], pattern: '/(?:\\.pixi/envs|(?:mini|ana)?conda3?/envs|mambaforge/envs|miniforge3/envs)/[\\w.-]{1,100}/lib/' },
  ],
  scope: 'step',
  specificity: 3,
  message:
    'JAX checks the CUDA libraries it loads when its CUDA backend starts: the {library} it found is older than the one this jaxlib ' +
    'was built against, so the CUDA backend is not used and JAX runs on the CPU.',
  fix: [...LOOK, '', ...PIP_WAYS].join('\n'),
  variants: [
    {
      when: 'xlaCudnn&jax',
      title: 'JAX loaded a cuDNN older than the one it was built with (XLA refuses it)',
      message: XLA_MESSAGE('JAX'),
      fix: [
        ...XLA_LOOK,
        '',
        ...XLA_CUDNN_WAYS(
          'jax',
          'install cuDNN with jax itself, from the CUDA extra you installed (`pip list` shows `jax-cuda12-plugin` or similar): ' +
            '`pip install --upgrade "jax[cuda12]"` brings the `nvidia-cudnn-cu12` wheel this jax asks for.',
        ),
      ].join('\n'),
    },
    {
      when: 'xlaCudnn&tensorflow',
      title: 'TensorFlow loaded a cuDNN older than the one it was built with (XLA refuses it)',
      message: XLA_MESSAGE('TensorFlow'),
      fix: [
        ...XLA_LOOK,
        '',
        ...XLA_CUDNN_WAYS(
          'TensorFlow',
          'install TensorFlow\'s CUDA libraries with it: `pip install --upgrade "tensorflow[and-cuda]"` (TensorFlow\'s pip install ' +
            'docs) brings the `nvidia-cudnn-cu*` wheel it was built with.',
        ),
      ].join('\n'),
    },
    {
      when: 'xlaCudnn',
      title: 'XLA (JAX or TensorFlow) loaded a cuDNN older than the one it was built with',
      message: XLA_MESSAGE('JAX or TensorFlow'),
      fix: [
        ...XLA_LOOK,
        '',
        ...XLA_CUDNN_WAYS(
          'the framework',
          'install cuDNN with the framework, from its CUDA extra: `pip install --upgrade "jax[cuda12]"` for jax, ' +
            '`pip install --upgrade "tensorflow[and-cuda]"` for TensorFlow (each brings the `nvidia-cudnn-cu12` wheel it was built with).',
        ),
      ].join('\n'),
    },
    {
      when: 'minimum&installed&condaEnv',
      message:
        'JAX checks the CUDA libraries it loads when its CUDA backend starts: the {library} in this conda / pixi environment ' +
        '(`Installed version: {context.installed.version}`) is older than this jaxlib accepts (`Minimum supported: {context.minimum.version}`, ' +
        "JAX's numbering), so the CUDA backend is not used and JAX runs on the CPU. The environment's solver picked a {library} the jaxlib " +
        'package does not constrain well enough (for cuDNN and jaxlib 0.4.30+ on conda-forge: conda-forge/jaxlib-feedstock#277).',
      fix: [
        ...LOOK,
        '',
        'Then require a {library} at least as new as JAX asks for in the environment\'s spec (pixi.toml / environment.yml), and solve again: ' +
          "JAX's `{context.minimum.version}` is the library's version number (for cuDNN, 9100 is cuDNN 9.1, the minimum of jaxlib 0.4.30+), and " +
          'the `conda list` line shows the release installed now. Or pin jax / jaxlib to the last release that accepts the installed {library}.',
      ].join('\n'),
    },
    {
      when: 'minimum&installed',
      message:
        'JAX checks the CUDA libraries it loads when its CUDA backend starts: the {library} it found (`Installed version: ' +
        '{context.installed.version}`) is older than this jaxlib accepts (`Minimum supported: {context.minimum.version}`), so the CUDA ' +
        'backend is not used and JAX runs on the CPU.',
      fix: [...LOOK, '', ...PIP_WAYS].join('\n'),
    },
    {
      when: 'condaEnv',
      fix: [
        ...LOOK,
        '',
        'Then require a {library} at least as new as the one JAX was built against in the environment\'s spec (pixi.toml / environment.yml) ' +
          'and solve again, or pin jax / jaxlib to a release built for the installed one.',
      ].join('\n'),
    },
    {
      when: 'foundLine',
      message:
        'JAX checks the CUDA libraries it loads when its CUDA backend starts: the {library} it found ({context.foundLine.found}) is older ' +
        'than the one this jaxlib was built against ({context.foundLine.built}), so the CUDA backend is not used and JAX runs on the CPU.',
      fix: [...LOOK, '', ...PIP_WAYS].join('\n'),
    },
  ],
  docs: 'https://docs.jax.dev/en/latest/installation.html',
};
