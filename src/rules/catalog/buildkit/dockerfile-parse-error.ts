import type { RuleInput } from '../../schema.js';

const misspelledMessage = 'Line {line} of the Dockerfile starts with `{instruction}`, which is not a Dockerfile instruction.';
const continuationCauses =
  'When the line was meant to continue the previous instruction, the line before it lost its trailing `\\` ' +
  '(or has a space after it), or a blank or comment line ended a heredoc early.';
const checkWithoutBuilding = ['Check the whole file without building:', '', '```sh', 'docker buildx build --check .', '```'];

/** BuildKit's frontend rejected the Dockerfile itself: nothing ran. */
export const dockerfileParseError: RuleInput = {
  id: 'buildkit/dockerfile-parse-error',
  title: 'The Dockerfile does not parse',
  severity: 'error',
  scope: 'build',
  match: [
    {
      // BuildKit: `dockerfile parse error on line 3: unknown instruction: COPPY (did you mean COPY?)`;
      // the classic builder and old BuildKit: `dockerfile parse error line 3: …`.
      literals: ['parse error on line', 'parse error line'],
      ignoreCase: true,
      pattern: 'parse error (?:on )?line (?<line>\\d{1,7}): (?<detail>[^\\n]{1,300})',
    },
    {
      literals: ['unknown instruction:'],
      ignoreCase: true,
      pattern: 'unknown instruction: (?<instruction>[^\\s(]{1,100})(?: \\(did you mean (?<suggestion>[A-Za-z]{1,20})\\?\\))?',
    },
  ],
  message: 'The Dockerfile is rejected before anything runs: line {line}: {detail}.',
  variants: [
    {
      when: 'suggested',
      message: misspelledMessage,
      fix: [
        'Write the instruction as BuildKit suggests (`{suggestion}`). ' + continuationCauses,
        ...checkWithoutBuilding,
      ].join('\n'),
    },
    {
      // BuildKit before the `did you mean` hint (0.8 in docker 20.10): no suggestion to repeat.
      when: 'misspelled',
      message: misspelledMessage,
      fix: [
        'Spell the instruction correctly (`FROM`, `RUN`, `COPY`, `ADD`, `ENV`, `ARG`, `WORKDIR`, …). ' + continuationCauses,
        ...checkWithoutBuilding,
      ].join('\n'),
    },
  ],
  context: [
    { name: 'misspelled', literals: ['unknown instruction:'], ignoreCase: true },
    {
      name: 'suggested',
      literals: ['(did you mean '],
      ignoreCase: true,
      pattern: 'unknown instruction: [^\\s(]{1,100} \\(did you mean [A-Za-z]{1,20}\\?\\)',
    },
  ],
  fix: [
    'Fix line {line} as the message says. Common causes: a multi-line `RUN` whose `\\` continuation was',
    'broken, a missing `=` in `ENV`/`ARG`/`LABEL`, a flag this Dockerfile frontend does not know (pin a newer',
    'one with `# syntax=docker/dockerfile:1` on the first line). Check the whole file without building:',
    '',
    '```sh',
    'docker buildx build --check .',
    '```',
  ].join('\n'),
  docs: 'https://docs.docker.com/reference/dockerfile/',
};
