// micromamba / mamba (libmamba) linked a package and its pre- or post-link script failed: `critical libmamba failed to execute
// pre/post link script for cudatoolkit`, and the whole install stops. With `error    libmamba response code: -1 error message:
// Invalid argument` just before it, libmamba could not start the script at all (the script printed nothing). That pair is
// the known failure of micromamba inside a docker build (mamba-org/micromamba-docker#368: `pyopengl` in
// `mambaorg/micromamba:1.5.0`; the reporter's workaround `docker build --ulimit nofile=262144:262144 …`, and a maintainer
// reading it as file handles), and of `cudatoolkit` (KoboldAI/KoboldAI-Client#299, whose thread found that workaround;
// mamba-org/mamba#2501; OpenFreeEnergy/openfe#1269, closed with `docker build … --ulimit nofile=262144:262144`). The same
// micromamba outside docker installs the package, so the open-file limit the build's containers get from the host is the
// difference; which limit this host gives is not in the log, so the fix shows how to read it. `--ulimit` is an option of
// `docker build` and of `docker buildx build` ("Ulimit options", their --help), and of `docker run`.
// Without the `Invalid argument` line the script ran and failed on its own: the lines above say why, nothing general fits.
import type { RuleInput } from '../../schema.js';

const READ_LIMIT = [
  'To see the limit the install ran with, add a line before it for one build (`--progress=plain` shows its output):',
  '',
  '```dockerfile',
  'RUN ulimit -n; ulimit -Hn',
  '```',
].join('\n');

export const linkScriptFailed: RuleInput = {
  id: 'conda/link-script-failed',
  title: "micromamba / mamba could not run a package's link script",
  severity: 'error',
  match: [
    // `critical libmamba failed to execute pre/post link script for cudatoolkit`
    { literals: ['failed to execute pre/post link script for'], pattern: 'failed to execute pre/post link script for (?<package>[\\w.+-]{1,100})' },
  ],
  context: [
    // `error    libmamba response code: -1 error message: Invalid argument`
    { name: 'invalidArgument', literals: ['libmamba response code: -1'], pattern: 'libmamba response code: -1 error message: Invalid argument' },
  ],
  scope: 'step',
  specificity: 3,
  message:
    "micromamba / mamba linked `{package}` into the environment, and the package's pre- or post-link script failed, so the install stopped " +
    'and the environment is incomplete.',
  fix: [
    "The script's own output, in the lines above the error, says why it failed. Run the same install again with `--log-level debug` " +
      '(micromamba) or `-vvv` (mamba) to see the script and its output.',
  ].join('\n'),
  variants: [
    {
      when: 'invalidArgument&fact.place=image-build',
      message:
        "micromamba could not start `{package}`'s post-link script at all (`libmamba response code: -1 error message: Invalid argument`, no " +
        "output from the script): the known failure of micromamba in a docker build, where the open-file limit the build's containers get " +
        'from the host is the difference (mamba-org/micromamba-docker#368); the same install works outside docker.',
      fix: [
        'Give the build an explicit open-file limit (the option goes on the build command, not in the Dockerfile):',
        '',
        '```sh',
        'docker build --ulimit nofile=262144:262144 …',
        'docker buildx build --ulimit nofile=262144:262144 …',
        '```',
        '',
        READ_LIMIT,
      ].join('\n'),
    },
    {
      when: 'invalidArgument',
      message:
        "micromamba could not start `{package}`'s post-link script at all (`libmamba response code: -1 error message: Invalid argument`, no " +
        'output from the script): the known failure of micromamba in a container, where the open-file limit the container gets from the host ' +
        'is the difference (mamba-org/micromamba-docker#368).',
      fix: [
        'Give the container that installs an explicit open-file limit: `docker run --ulimit nofile=262144:262144 …`, or `docker build ' +
          '--ulimit nofile=262144:262144 …` when a Dockerfile `RUN` installs. `ulimit -n; ulimit -Hn` in that container shows the limit it had.',
      ].join('\n'),
    },
  ],
  docs: 'https://github.com/mamba-org/micromamba-docker/issues/368',
};
