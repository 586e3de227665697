// An image name with capitals: registries and the Docker reference grammar accept only lowercase in
// the repository path. Wordings: buildx `ERROR: failed to build: invalid tag "ghcr.io/xcq0607/Gapi:latest":
// repository name must be lowercase` (XCQ0607/dockerimage build summaries); the docker CLI `invalid argument
// "ghcr.io/neurogenomics/HPOExplorer:0.99.11" for "-t, --tag" flag: invalid reference format: repository name
// must be lowercase` (neurogenomics/rworkflows#109) and `docker: invalid reference format: repository name
// must be lowercase.` (HumanSignal/labelImg#204, no name printed). In GitHub Actions the name usually comes
// from `${{ github.repository }}` / `github.repository_owner`, which keep the owner's capitals
// (mr-smithers-excellent/docker-build-push#17, docker/build-push-action#37); `tr '[:upper:]' '[:lower:]'`
// lowers it in a step. The tag part after `:` may keep capitals: only the repository is lowered
// (lowercase-tag enricher).
import type { RuleInput } from '../../schema.js';

const WORKFLOW_STEP = [
  '```yaml',
  '- name: Lowercase image name',
  '  run: echo "IMAGE=ghcr.io/$(echo "${{{{ github.repository }}}}" | tr \'[:upper:]\' \'[:lower:]\')" >> "$GITHUB_ENV"',
  '```',
];

export const invalidTag: RuleInput = {
  id: 'buildx/invalid-tag',
  title: 'Image name has capitals (repository name must be lowercase)',
  severity: 'error',
  match: [
    // buildx: `invalid tag "ghcr.io/xcq0607/Gapi:latest": repository name must be lowercase`
    { literals: ['repository name must be lowercase'], pattern: 'invalid (?:tag|argument) "(?<tag>[^"\\s]{1,300})"[^\\n]{0,80}repository name must be lowercase' },
    // docker CLI with no name: `docker: invalid reference format: repository name must be lowercase.`
    { literals: ['invalid reference format: repository name must be lowercase'] },
  ],
  context: [
    { name: 'githubActions', literals: ['GITHUB_', 'github-actions', '##['] },
    { name: 'named', literals: ['repository name must be lowercase'], pattern: 'invalid (?:tag|argument) "(?<tag>[^"\\s]{1,300})"' },
  ],
  scope: 'build',
  maxFindings: 1,
  specificity: 3,
  message:
    'Docker refused an image name: the repository part of an image reference (registry path and name, before the `:tag`) ' +
    'must be all lowercase, and the name given has capitals.',
  fix: [
    'Use the image name in lowercase letters (the tag after `:` may keep its capitals).',
    'When the name is built from a variable (a GitHub owner or repository name, a project name), lowercase it where it is',
    'set: `tr \'[:upper:]\' \'[:lower:]\'` in a shell.',
  ].join('\n'),
  variants: [
    {
      when: 'named&githubActions',
      message:
        'Docker refused the image name `{tag}`: the repository part of an image reference (registry path and name, before ' +
        'the `:tag`) must be all lowercase.',
      fix: [
        'Use `{enrich.lowerTag|the same name in lowercase letters}` (the tag after `:` may keep its capitals).',
        'In GitHub Actions, `${{{{ github.repository }}}}` and `github.repository_owner` keep the owner\'s capitals; lowercase the',
        'name in a step and use `${{{{ env.IMAGE }}}}` in the tags:',
        '',
        ...WORKFLOW_STEP,
      ].join('\n'),
    },
    {
      when: 'named',
      message:
        'Docker refused the image name `{tag}`: the repository part of an image reference (registry path and name, before ' +
        'the `:tag`) must be all lowercase.',
      fix: [
        'Use `{enrich.lowerTag|the same name in lowercase letters}` (the tag after `:` may keep its capitals). When the name is',
        'built from a variable (a GitHub owner or repository name, a project name), lowercase it where it is set:',
        '`tr \'[:upper:]\' \'[:lower:]\'` in a shell.',
      ].join('\n'),
    },
    {
      when: 'githubActions',
      fix: [
        'Use the image name in lowercase letters (the tag after `:` may keep its capitals).',
        'In GitHub Actions, `${{{{ github.repository }}}}` and `github.repository_owner` keep the owner\'s capitals; lowercase the',
        'name in a step and use `${{{{ env.IMAGE }}}}` in the tags:',
        '',
        ...WORKFLOW_STEP,
      ].join('\n'),
    },
  ],
  enrich: 'lowercase-tag',
  docs: 'https://docs.docker.com/reference/cli/docker/image/tag/',
};
