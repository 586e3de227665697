import type { RuleInput } from '../../schema.js';

/** BuildKit stopped recording a step's output: the real error may be in what was dropped. */
export const logClipped: RuleInput = {
  id: 'buildkit/log-clipped',
  title: 'Step output clipped by BuildKit',
  severity: 'notice',
  match: [
    {
      literals: ['output clipped, log limit'],
      pattern: 'log limit (?<limit>[\\w.]{1,20}) reached',
    },
  ],
  message:
    'BuildKit stopped printing this step\'s output after {limit|its log limit}: lines after that point are ' +
    'missing from the log, so the real error may not be in it.',
  fix: [
    'Raise the limits on the builder (`-1` removes them). With a docker-container builder in GitHub Actions:',
    '',
    '```yaml',
    '- uses: docker/setup-buildx-action@v3',
    '  with:',
    '    driver-opts: |',
    '      env.BUILDKIT_STEP_LOG_MAX_SIZE=-1',
    '      env.BUILDKIT_STEP_LOG_MAX_SPEED=-1',
    '```',
    'With the default docker driver, set the same variables in the Docker daemon\'s environment (e.g. a systemd',
    'drop-in `Environment="BUILDKIT_STEP_LOG_MAX_SIZE=-1"`). Or keep the log short: send verbose build output to',
    'a file and print its tail on failure (`make > build.log 2>&1 || (tail -n 200 build.log; exit 1)`).',
  ].join('\n'),
  docs: 'https://docs.docker.com/build/buildkit/configure/',
};
