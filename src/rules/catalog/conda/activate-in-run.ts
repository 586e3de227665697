// `conda activate` in a shell without conda's shell function: `CommandNotFoundError: Your shell has not been properly
// configured to use 'conda activate'.` (chemprop/chemprop#100: `RUN conda activate chemprop` in a Dockerfile). A
// Dockerfile's RUN runs `/bin/sh -c` (docs.docker.com/reference/dockerfile/#run, shell form), a new non-interactive
// shell that reads no ~/.bashrc, where `conda init` puts the function; and what one RUN activates does not reach the next.
// conda's own way to run a command in an environment without activating it: `conda run -n ENV COMMAND`
// (docs.conda.io/projects/conda/en/stable/commands/run.html: "Run an executable in a conda environment", `-n, --name`,
// `-p, --prefix`); the SHELL instruction sets the command that runs every later RUN (docs.docker.com/reference/dockerfile/#shell).
import type { RuleInput } from '../../schema.js';

const ENV = '{context.activate.env|ENV}';

export const condaActivateInRun: RuleInput = {
  id: 'conda/activate-in-run',
  title: "conda activate in a shell conda has not set up",
  severity: 'error',
  match: [{ literals: ["Your shell has not been properly configured to use 'conda activate'"] }],
  context: [
    // the step's command: `Step 12/14 : RUN conda activate chemprop`, `[5/9] RUN conda activate myenv && …`
    { name: 'activate', source: 'instruction', literals: ['conda activate '], pattern: '\\bconda activate (?<env>[A-Za-z0-9_][\\w.-]{0,100})' },
  ],
  scope: 'step',
  specificity: 3,
  message:
    '`conda activate` needs conda\'s shell function, which `conda init` adds to the startup file of an interactive shell; the ' +
    'shell that ran it never read one, so conda refused.',
  fix: [
    'Run the command in the environment without activating it (`conda run`), or source conda\'s hook in the same shell first:',
    '',
    '```sh',
    `conda run -n ${ENV} COMMAND`,
    `. "$(conda info --base)/etc/profile.d/conda.sh" && conda activate ${ENV} && COMMAND`,
    '```',
  ].join('\n'),
  variants: [
    {
      when: 'fact.place=image-build',
      message:
        'Each `RUN` is a new non-interactive `/bin/sh`, which reads no startup file, so conda\'s `activate` function (set up by ' +
        '`conda init` in `~/.bashrc`) is not there and conda refused. An activation would not outlive its `RUN` anyway: the next ' +
        'step starts a fresh shell.',
      fix: [
        `Drop the \`RUN conda activate ${ENV}\` step and run the commands that need the environment in it:`,
        '',
        '```dockerfile',
        `RUN conda run -n ${ENV} COMMAND`,
        '```',
        '',
        `or make every later \`RUN\` run in it with \`SHELL ["conda", "run", "-n", "${ENV}", "/bin/bash", "-c"]\`, or put the`,
        `environment first on \`PATH\`: \`ENV PATH=/opt/conda/envs/${ENV}/bin:$PATH\` (\`/opt/conda\` is the prefix of the`,
        'official conda images; `conda info --base` prints this image\'s).',
      ].join('\n'),
    },
  ],
  docs: 'https://docs.conda.io/projects/conda/en/stable/commands/run.html',
};
