// JAX loads its accelerator backends as PJRT plugins (`jax-cuda12-plugin` / `jax-cuda12-pjrt` for CUDA, `jax-metal` for
// Apple GPUs) and checks that the plugin speaks the PJRT C API version of the framework (jaxlib). XLA's
// xla/pjrt/pjrt_api.cc, `InitializePjrtPlugin`: with compatibility off, any difference of major or minor version is
// refused with `Mismatched PJRT plugin PJRT API version ({plugin}) and framework PJRT API version {framework}).`; with it
// on, only a different major version (`… API major version (…) and framework PJRT API major version …).`) or a minor
// older than the minimum supported. Compatibility is `ENABLE_PJRT_COMPATIBILITY`: the XLA of jaxlib 0.4.x took it as off
// when unset (`IsPjRtCompatibilityEnabled`: `if (val == nullptr) return false;`), a later XLA as on (`return true;`), so
// the minor-version wording comes from an older jaxlib or from ENABLE_PJRT_COMPATIBILITY=false.
// JAX then prints `Unable to initialize backend 'cuda': INVALID_ARGUMENT: …` and drops the backend.
// The cause is a plugin and a jaxlib from different releases (jax-ml/jax#22416: `jax[cpu]==0.4.28` with a
// `jaxlib==0.4.28+cuda12.cudnn89` and a newer CUDA plugin, API 0.54 vs 0.51; the maintainer's stopgap was
// `ENABLE_PJRT_COMPATIBILITY=true`, and installing the latest jax). JAX's setup.py: the `jax[cuda12]` extra requires
// jaxlib from the release's current jaxlib up to jax's own version (`jaxlib>={_current_jaxlib_version},<={_jax_version}`;
// older setup.py files pinned `jaxlib=={_current_jaxlib_version}`) and `jax-cuda12-plugin[with-cuda]` in the same range, so one
// `pip install -U "jax[cuda12]"` installs a matching set. jax-metal publishes the jax/jaxlib versions each release
// supports (its PyPI page's compatibility table).
import type { RuleInput } from '../../schema.js';

const SEE = [
  'See which jax, jaxlib and plugin packages this environment has (their versions must come from one JAX release):',
  '',
  '```sh',
  'pip list 2>/dev/null | grep -iE "^(jax|jaxlib|jax-cuda|jax-metal|jax-rocm)"',
  '```',
];

export const jaxPjrtVersionMismatch: RuleInput = {
  id: 'runtime/jax-pjrt-version-mismatch',
  title: 'JAX\'s backend plugin and jaxlib come from different releases (PJRT API version mismatch)',
  severity: 'error',
  match: [
    // `RuntimeError: Unable to initialize backend 'cuda': INVALID_ARGUMENT: Mismatched PJRT plugin PJRT API version (0.54) and framework PJRT API version 0.51).`
    {
      literals: ['Mismatched PJRT plugin PJRT API'],
      pattern: 'Mismatched PJRT plugin PJRT API (?:major )?version \\((?<plugin>\\d{1,4}(?:\\.\\d{1,4})?)\\) and framework PJRT API (?:major )?version \\(?(?<framework>\\d{1,4}(?:\\.\\d{1,4})?)\\)',
    },
  ],
  context: [
    { name: 'backend', literals: ['Unable to initialize backend'], pattern: "Unable to initialize backend '(?<name>\\w{1,20})'" },
    { name: 'metal', literals: ["backend 'METAL'", 'jax-metal', 'jax_metal'] },
  ],
  scope: 'step',
  specificity: 3,
  message:
    'JAX\'s backend plugin speaks PJRT API {plugin} and this jaxlib speaks {framework}: the two were installed from different ' +
    'JAX releases (a `jax-cuda12-plugin` / `jax-cuda12-pjrt` newer or older than jaxlib), so the backend is not started.',
  fix: [
    ...SEE,
    '',
    'Install jax, jaxlib and the plugin from one release, with the extra that pins them together, e.g. for CUDA 12:',
    '',
    '```sh',
    'pip install --upgrade "jax[cuda12]"',
    '```',
    '',
    'To keep the jax release you have, pin the extra to it instead (`"jax[cuda12]==` and the jax version `pip list` shows): it pins jaxlib and the plugin with it.',
    'Do not mix a `jax[cpu]` / plain `jaxlib` pin with a separately installed CUDA plugin or a `+cuda` jaxlib wheel; if another package pins ' +
      'jax to an old release, pin `jax[cuda12]` to that same release. `ENABLE_PJRT_COMPATIBILITY=true` only relaxes the check to the ' +
      'same major version (XLA\'s pjrt_api.cc; newer jaxlib releases relax it when the variable is unset, so an environment that sets it ' +
      'to `false` or `0` makes the check strict): a stopgap, not a fix.',
  ].join('\n'),
  variants: [
    {
      when: 'metal',
      message:
        'The jax-metal plugin speaks PJRT API {plugin} and this jaxlib speaks {framework}: jax-metal supports only some jax / jaxlib ' +
        'releases, and the installed ones are not among them, so the METAL backend is not started.',
      fix: [
        ...SEE,
        '',
        'Install the jax and jaxlib versions that jax-metal\'s compatibility table (https://pypi.org/project/jax-metal/) names for the ' +
          'installed jax-metal (pin both jax and jaxlib to them in one `pip install`), or install a jax-metal release made for your jax. ' +
          '`ENABLE_PJRT_COMPATIBILITY=1` relaxes the check to the same major version: a stopgap.',
      ].join('\n'),
    },
  ],
  docs: 'https://docs.jax.dev/en/latest/installation.html',
};
