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
    {
      // ENV and LABEL with `name=value` pairs, one word without `=` (BuildKit's parser, parseNameVal in
      // frontend/dockerfile/parser/line_parsers.go): `Syntax error - can't find = in "ENV". Must be of the form: name=value`
      // (XCQ0607/dockerimage, docker_build_summaries.md@9bd40446).
      literals: ["Syntax error - can't find = in "],
      pattern: 'Syntax error - can\'t find = in "(?<word>[^"\\n]{1,200})"',
    },
  ],
  message: 'The Dockerfile is rejected before anything runs: line {line}: {detail}.',
  variants: [
    {
      // The word is itself an instruction: the `ENV` / `LABEL` before it ends with `\` (comment lines inside a
      // continuation are skipped), so the next instruction's line was read as more of its pairs.
      when: 'instructionAsName',
      message:
        'The Dockerfile is rejected before anything runs: an `ENV` or `LABEL` takes `name=value` pairs, and it was handed ' +
        '`{word}`, which is the next instruction: the last line of the `ENV` / `LABEL` before it ends with `\\`, so the ' +
        '`{word}` line (past any comment lines in between, which a continuation skips) was read as more of its pairs.',
      fix: [
        'Remove the trailing `\\` from the last `name=value` line of the instruction that the error excerpt starts at,',
        'so that it ends there and `{word}` starts its own instruction. Check the whole file without building:',
        '',
        '```sh',
        'docker buildx build --check .',
        '```',
      ].join('\n'),
    },
    {
      when: 'noEquals',
      message:
        'The Dockerfile is rejected before anything runs: an `ENV` or `LABEL` with `name=value` pairs has the word `{word}` ' +
        'without `=` (a value with a space that is not quoted, or a name without its value).',
      fix: [
        'Write every pair as `name=value`, quoting values with spaces (`ENV MSG="hello world"`); an empty value is',
        '`NAME=` or `NAME=""`. Check the whole file without building:',
        '',
        '```sh',
        'docker buildx build --check .',
        '```',
      ].join('\n'),
    },
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
    { name: 'noEquals', literals: ["Syntax error - can't find = in "] },
    {
      name: 'instructionAsName',
      literals: ["Syntax error - can't find = in "],
      pattern:
        'can\'t find = in "(?:FROM|RUN|CMD|LABEL|EXPOSE|ENV|ADD|COPY|ENTRYPOINT|VOLUME|USER|WORKDIR|ARG|ONBUILD|STOPSIGNAL|HEALTHCHECK|SHELL|MAINTAINER)"',
      ignoreCase: false,
    },
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
