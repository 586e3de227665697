// poetry's installer found no file of a locked package that this machine can install: `Unable to find installation
// candidates for nvidia-cublas-cu11 (11.10.3.66)` (poetry's installation/chooser.py `choose_for`, raised as a
// RuntimeError when no link of the locked release fits this Python and platform). The solver has already passed; this
// is the install step, one package after another (`• Installing …`). Not matched: the solver finding no release at
// all (pip/poetry-no-matching-version), pip's `No matching distribution found` (pip/no-matching-distribution).
//
// The CUDA library wheels torch requires (`nvidia-*-cu11`) are the usual case, on an arm64 builder (Docker on an
// Apple-Silicon Mac, an ARM server):
// - torch 1.13's metadata asks for them with `platform_system == "Linux"` only (pip's own line, `Collecting
//   nvidia-cublas-cu11==11.10.3.66; platform_system == "Linux" (from torch)`, in public torch 1.13 install logs), so a
//   lock resolved for Linux lists them for linux/arm64 too, where nvidia-cublas-cu11 11.10.3.66 has no wheel (its file
//   is `manylinux1_x86_64`). PyTorch fixed the markers after 1.13 (pytorch/pytorch PR 89924, named in
//   TransformerLensOrg/CircuitsVis#19: "1.13 doesn't specify the correct markers").
// - torch 2.0.0 asks for them with `platform_system == "Linux" and platform_machine == "x86_64"` (pex's report
//   "nvidia-cublas-cu11==11.10.3.66; platform_system == "Linux" and platform_machine == "x86_64" Required by: torch
//   2.0.0"); baler-collaboration/baler's own fix for this failure on an M1 moved torch to 2.0.0.
// - `poetry add torch@^2.0.0` changes the constraint and re-locks (python-poetry docs, cli.md `add`: `poetry add
//   pendulum@^2.0.5`); `poetry show torch` prints the locked release. An image for x86 GPU hosts can instead be built
//   for linux/amd64 under emulation (`--platform`, docs.docker.com/build/guide/multi-platform/).
import type { RuleInput, RuleVariant as Variant } from '../../schema.js';

const AMD64 =
  'If the image is meant for x86 GPU hosts, build it for their platform instead: add `--platform linux/amd64` to the ' +
  'build command (Docker runs it under emulation on an arm64 machine), and keep the lock as it is.';

const TORCH2 = [
  'Move torch to 2.0.0 or later, whose metadata asks for the `nvidia-*` wheels only on x86_64 Linux; `poetry add` ' +
    'changes the constraint in pyproject.toml and re-locks:',
  '',
  '```sh',
  'poetry add torch@^2.0.0',
  '```',
  '',
  'Commit pyproject.toml and poetry.lock, then build again. ' + AMD64,
].join('\n');

function torchCudaWheelVariants(): Variant[] {
  const title = 'torch 1.13\'s CUDA wheels have no arm64 file (poetry)';
  const cause =
    '`{package}` is one of the CUDA library wheels torch requires, with no arm64 Linux wheel (its Linux file is ' +
    '`manylinux1_x86_64`); torch 1.13\'s metadata asks ' +
    'for them on any Linux (`platform_system == "Linux"`, no machine marker), so poetry installs them on arm64 too, where ' +
    'there is no file to install.';
  return [
    {
      when: 'cu11&fact.hostPlatform=linux/arm64',
      title,
      message: `poetry found no file of {package} ({version}) to install. This build runs on an Apple-Silicon Mac, so linux/arm64: ${cause}`,
      fix: TORCH2,
    },
    {
      when: 'cu11&fact.platform=linux/arm64',
      title,
      message: `poetry found no file of {package} ({version}) to install on this linux/arm64 build. ${cause}`,
      fix: TORCH2,
    },
    {
      when: 'cu11',
      title,
      message: `poetry found no file of {package} ({version}) to install on this platform. ${cause} The log does not show the platform.`,
      fix: [
        'See which platform the build is for: `docker version --format \'{{{{.Server.Arch}}}}\'` on the machine that builds ' +
          '(`arm64` on an Apple-Silicon Mac), or `uname -m` where poetry runs (`aarch64`), and the locked torch: `poetry show torch`.',
        '',
        'On arm64 with torch 1.13: ' + TORCH2.charAt(0).toLowerCase() + TORCH2.slice(1),
      ].join('\n'),
    },
  ];
}

export const poetryNoInstallCandidates: RuleInput = {
  id: 'pip/poetry-no-install-candidates',
  title: 'poetry found no installable file of a locked package',
  severity: 'error',
  match: [
    // `Unable to find installation candidates for nvidia-cublas-cu11 (11.10.3.66)`
    {
      literals: ['Unable to find installation candidates for '],
      pattern: 'Unable to find installation candidates for (?<package>[A-Za-z0-9][\\w.-]{0,100}) \\((?<version>[^()\\s]{1,60})\\)',
    },
  ],
  context: [
    // the CUDA 11 library wheels torch 1.13 and 2.0 require (`nvidia-cublas-cu11`, `nvidia-cuda-nvrtc-cu11`)
    { name: 'cu11', literals: ['candidates for nvidia-'], pattern: 'candidates for nvidia-[a-z0-9-]{1,60}-cu11 \\(' },
  ],
  scope: 'step',
  specificity: 3,
  message:
    'poetry found no file of {package} ({version}), the release poetry.lock names, that this Python and platform can ' +
    'install: none of its wheels fits them and it has no source distribution on the sources poetry searches.',
  fix: [
    'See which files the release has (https://pypi.org/project/{package}/{version}/#files for a PyPI package: the wheel ' +
      'names carry the Python, `cp311`, and the platform, `x86_64`, `aarch64`) and compare them with the build\'s ' +
      '(`python3 --version`, `uname -m` where poetry runs). Then require a release that has a file for them, or leave the ' +
      'package out on this platform with a marker in pyproject.toml, and run `poetry lock` again.',
  ].join('\n'),
  variants: [...torchCudaWheelVariants()],
};
