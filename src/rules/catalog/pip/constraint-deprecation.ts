// pip 25.3–26.1: PIP_CONSTRAINT will stop applying to build dependencies in pip 26.2. Advice only.
// Names verified in the pip 25.3 and 26.2 changelogs (fact check): PIP_USE_FEATURE=build-constraint,
// PIP_BUILD_CONSTRAINT, --build-constraint.
import type { RuleInput } from '../../schema.js';

export const constraintDeprecation: RuleInput = {
  id: 'pip/constraint-deprecation',
  title: 'PIP_CONSTRAINT will stop constraining build dependencies',
  severity: 'notice',
  match: [
    // `DEPRECATION: Setting PIP_CONSTRAINT will not affect build constraints in the future, pip 26.2 will enforce this behaviour change. …`
    { literals: ['Setting PIP_CONSTRAINT will not affect build constraints'] },
  ],
  scope: 'build',
  specificity: 3,
  message:
    'pip warns that PIP_CONSTRAINT will not constrain build dependencies (the isolated build environments) from pip 26.2 on; ' +
    'it still constrains what is installed.',
  fix: [
    'Opt in to the new behaviour now, which also silences the warning:',
    '',
    '```dockerfile',
    'ENV PIP_USE_FEATURE=build-constraint',
    '```',
    '',
    'and if build dependencies must be pinned too, give them their own file: `ENV PIP_BUILD_CONSTRAINT=/opt/build-constraints.txt` ' +
      '(or `--build-constraint`).',
  ].join('\n'),
  variants: [
    {
      // a CI job or a shell, not an image build: the same settings as environment variables there
      when: '!fact.place=image-build',
      fix:
        'Opt in to the new behaviour now, which also silences the warning: set `PIP_USE_FEATURE=build-constraint` in the ' +
        'environment pip runs in; if build dependencies must be pinned too, give them their own file with `PIP_BUILD_CONSTRAINT` ' +
        '(or `--build-constraint`).',
    },
  ],
  docs: 'https://pip.pypa.io/en/stable/user_guide/#constraints-files',
};
