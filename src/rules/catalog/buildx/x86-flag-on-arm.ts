// x86-only compiler flags in a build for another CPU: `gcc: error: unrecognized command-line option '-msse2'` (and
// `-mavx2`, `-mno-avx2`, …) from an aarch64 gcc (noisepy/NoisePy#198: numcodecs compiled from source in an arm64 image
// build; aaalgo/kgraph#35: `aarch64-linux-gnu-gcc: error: unrecognized command line option '-msse2'`; spack/spack#40740:
// `-mno-avx2` on ARM64 and PPC64). The `-m<isa>` options of SSE / AVX / FMA / BMI are GCC's x86 options ("x86 Options" in
// the GCC manual); a gcc for another CPU does not know them, so the package's build adds them whatever the target. gcc wrote
// "command line option" before GCC 8 and "command-line option" since; both are read.
// The ways out: a prebuilt wheel for this platform (pip compiles only when no wheel fits: a release that ships aarch64
// wheels needs no compiler), the package's own switch that leaves the flags out (for numcodecs: a `CFLAGS` in the
// environment, whatever its value, makes its setup.py add none, `if have_cflags: # respect compiler options set by user`,
// numcodecs#431; `DISABLE_NUMCODECS_SSE2` / `_AVX2` add `-mno-sse2` / `-mno-avx2`, which aarch64 gcc rejects as well,
// numcodecs#486 and spack#40740; later releases add them on x86_64 only, numcodecs' setup.py `machine == 'x86_64'`), or a
// build for linux/amd64 (emulated on an ARM machine: docs.docker.com/build/building/multi-platform/).
// Not this rule: a compiler that rejects another, non-x86 option, or an x86 compiler that knows these flags.
import type { RuleInput } from '../../schema.js';

/** GCC's x86 instruction-set options (GCC manual, x86 Options), with their `-mno-` forms. */
const X86_ISA_FLAG = '-m(?:no-)?(?:sse(?:2|3|4(?:\\.[12]|a)?)?|ssse3|avx(?:2|512[a-z]{0,12})?|fma4?|f16c|bmi2?|popcnt|pclmul|aes|lzcnt|mmx|3dnow|xop|fpmath=sse)';

/** The ways out, best first; `pkg` is the package being compiled when the log names it. */
function fixFor(pkg: string | null): string {
  const which = pkg === null ? 'the package being compiled (the last `Building wheel for …` line above the error in the full output names it)' : pkg;
  return [
    'Take one of these ways, best first:',
    '',
    pkg === null
      ? `- a prebuilt wheel for this platform: the files of ${which} on pypi.org name the platform of each wheel (\`aarch64\` is`
      : `- a prebuilt wheel for this platform: https://pypi.org/project/${pkg}/#files names the platform of each wheel (\`aarch64\` is`,
    '  ARM64); a release that ships one needs no compile, so pin it;',
    pkg === null
      ? "- the package's own switch that leaves the SIMD flags out: in its source, find where its build adds them"
      : `- the package's own switch that leaves the SIMD flags out: find where its build adds them (\`pip download --no-binary :all: --no-deps ${pkg}\`, then`,
    pkg === null
      ? '  (`grep -rn -e msse -e mavx setup.py CMakeLists.txt`) and the variable that guards them. numcodecs, for one, adds none when'
      : '  `grep -rn -e msse -e mavx setup.py CMakeLists.txt` in the unpacked source) and the variable that guards them. numcodecs, for one, adds none when',
    '  `CFLAGS` is set in the environment (`CFLAGS=-O2` before its `pip install`; its `DISABLE_NUMCODECS_SSE2` adds `-mno-sse2`, which an',
    '  ARM gcc rejects too), and its later releases add them on x86_64 only;',
    '- if the image only has to run on x86_64 hosts: build it for them, `docker build --platform linux/amd64 .` (emulated on an',
    '  ARM machine: slower), where the flags are valid and the x86_64 wheel is used.',
  ].join('\n');
}

export const x86FlagOnArm: RuleInput = {
  id: 'buildx/x86-flag-on-arm',
  title: 'x86-only compiler flags in a build for another CPU (ARM)',
  severity: 'error',
  match: [
    // `gcc: error: unrecognized command-line option ‘-msse2’`, `aarch64-linux-gnu-gcc: error: unrecognized command line option '-msse2'`
    {
      literals: ['unrecognized command-line option', 'unrecognized command line option'],
      pattern: `(?<compiler>[\\w.+-]{0,60}(?:gcc|g\\+\\+|cc|c\\+\\+)(?:-\\d{1,2})?): error: unrecognized command[- ]line option [‘'"\`]?(?<flag>${X86_ISA_FLAG})(?![\\w.=-])`,
    },
  ],
  context: [
    // the package pip was building: `Building wheel for numcodecs (pyproject.toml)`, `Running setup.py install for numcodecs`
    {
      name: 'building',
      keep: 'last',
      literals: ['Building wheel for ', 'Running setup.py install for ', 'Failed building wheel for '],
      pattern: '(?:Building wheel for|Running setup\\.py install for|Failed building wheel for) (?<name>[A-Za-z0-9][A-Za-z0-9._-]{0,100})',
    },
  ],
  scope: 'step',
  specificity: 3,
  message:
    '`{compiler}` rejects {flag:all}: x86 instruction-set options (SSE / AVX), which a compiler for another CPU does not know. ' +
    'The compile is for {platform|a non-x86 CPU (ARM64 on an Apple-Silicon Mac, a Graviton or an ARM server, most often)}, and the ' +
    'package\'s build adds these flags whatever the CPU. Such a compile usually happens because no prebuilt wheel of the package ' +
    'fits this platform, so pip builds it from source.',
  fix: fixFor(null),
  variants: [{ when: 'building', fix: fixFor('{context.building.name}') }],
  docs: 'https://gcc.gnu.org/onlinedocs/gcc/x86-Options.html',
};
