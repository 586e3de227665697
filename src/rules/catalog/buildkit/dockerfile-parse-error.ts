import type { RuleInput } from '../../schema.js';

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
      when: 'misspelled',
      message: 'Line {line} of the Dockerfile starts with `{instruction}`, which is not a Dockerfile instruction.',
      fix: [
        'Write the instruction as BuildKit suggests (`{suggestion|RUN}`). When the line was meant to continue the',
        'previous instruction, the line before it lost its trailing `\\` (or has a space after it), or a blank or',
        'comment line ended a heredoc early. Check the whole file without building:',
        '',
        '```sh',
        'docker buildx build --check .',
        '```',
      ].join('\n'),
    },
  ],
  context: [{ name: 'misspelled', literals: ['unknown instruction:'], ignoreCase: true }],
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
