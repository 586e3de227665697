// conda (and mamba 1.x, which runs conda's `env` commands) was given an environment file that does not exist where it ran:
// `EnvironmentFileNotFound: '/workspace/conda/environments/examples_cuda-121_arch-x86_64.yaml' file not found`. conda's
// exception (conda/exceptions.py, `EnvironmentFileNotFound(CondaEnvException)`: `f"'{filename}' file not found"`; older
// conda_env/exceptions.py wrote it without the quotes) names the path after resolving it, so a relative `--file ../../x.yaml`
// shows as an absolute path. In an image build the file is read inside the image: it has to be copied in by an earlier
// COPY/ADD (a bind mount of the build context does not exist for the RUN unless the RUN mounts it), and a relative path
// counts from the WORKDIR. nv-morpheus/Morpheus#1554: the DFP image's `mamba env update --file
// ../../conda/environments/examples_cuda-121_arch-x86_64.yaml` on the runtime image, which had copied only the runtime
// environment file; the fix (nv-morpheus/Morpheus#1551) copied every yaml of conda/environments into the image and
// corrected the relative path.
import type { RuleInput } from '../../schema.js';

const MESSAGE =
  'conda was given the environment file `{path}`, and there is no such file where it ran. conda prints the path it looked for, ' +
  'after resolving a relative one against the working directory.';

export const environmentFileNotFound: RuleInput = {
  id: 'conda/environment-file-not-found',
  title: 'conda environment file not found',
  severity: 'error',
  match: [
    {
      literals: ['EnvironmentFileNotFound: '],
      pattern: "EnvironmentFileNotFound: '?(?<path>[^'\\s][^'\\n]{0,300}?)'? file not found",
    },
  ],
  context: [
    // the path as the RUN gave it, when relative: `--file ../../conda/environments/….yaml`, `-f env.yml`
    {
      name: 'relative',
      source: 'instruction',
      literals: ['--file', '-f '],
      pattern: '(?:--file[ =]|-f )(?<given>(?:\\.\\.?/){0,20}(?<inContext>[^\\s&;|/.][^\\s&;|]{0,300}\\.ya?ml))\\b',
    },
  ],
  scope: 'step',
  only: 'failed-step',
  specificity: 3,
  message: MESSAGE,
  fix: [
    'Make the file exist at `{path}` before conda runs, or give conda the path where it is. Check with `ls -l {path}` in the same',
    'place (image, container or shell) that runs conda.',
  ].join('\n'),
  variants: [
    {
      when: 'relative&fact.place=image-build',
      message:
        MESSAGE +
        ' This `RUN` gives it as `{context.relative.given}`, relative to the WORKDIR, so conda looked for `{path}` inside the image: the file was ' +
        'not copied in by an earlier step, or the relative path does not lead to it from the WORKDIR.',
      fix: [
        'Copy the environment file into the image in a step before this `RUN`, to the path conda reads. A `COPY` source is relative to',
        'the build context, not the WORKDIR, and cannot climb out of it (`../`); with the repository root as the context, the file is',
        'the path this `RUN` gives without its `./` and `../` steps:',
        '',
        '```dockerfile',
        'COPY {context.relative.inContext} {path}',
        '```',
        '',
        'If the file lies elsewhere in the build context, use that path as the source.',
        'If the image already has the file under another path (`RUN find / -name "$(basename {path})"` in a stage before shows it), pass',
        'that absolute path to `--file` instead of `{context.relative.given}`.',
      ].join('\n'),
    },
    {
      when: 'fact.place=image-build',
      fix: [
        'Copy the environment file into the image in a step before this `RUN`, to the path conda reads:',
        '',
        '```dockerfile',
        'COPY environment.yml {path}',
        '```',
        '',
        '(with the file\'s path in the build context as the source). A relative `--file` path counts from the WORKDIR; if the image',
        'has the file under another path, pass that absolute path instead.',
      ].join('\n'),
    },
  ],
  docs: 'https://docs.conda.io/projects/conda/en/latest/user-guide/tasks/manage-environments.html#creating-an-environment-from-an-environment-yml-file',
};
