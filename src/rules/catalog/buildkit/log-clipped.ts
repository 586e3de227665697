// BuildKit stopped recording a step's output: the real error may be in what was dropped.
// BuildKit has two per-step limits (util/progress/logs), read from the daemon's environment: a size
// limit, `BUILDKIT_STEP_LOG_MAX_SIZE` (default 2MiB; 1MiB in older releases), printed as
// `[output clipped, log limit 2MiB reached]`, and a speed limit, `BUILDKIT_STEP_LOG_MAX_SPEED`
// (default 200KiB/s; 100KiB/s in older releases), printed as `[output clipped, log limit 200KiB/s reached]`.
// The speed limit allows the limit times the seconds the step has run so far, so a burst of output
// at the start of a step is clipped at once.
import type { RuleInput } from '../../schema.js';

const fix = [
  'Raise the limits on the builder; `-1` removes a limit, or give a number of bytes (`50000000`).',
  '`BUILDKIT_STEP_LOG_MAX_SIZE` caps the bytes a step may print in all; `BUILDKIT_STEP_LOG_MAX_SPEED` caps the',
  'bytes per second since the step started. Raise both: a step under one limit hits the other.',
  'With a docker-container builder in GitHub Actions:',
  '',
  '```yaml',
  '- uses: docker/setup-buildx-action@v4',
  '  with:',
  '    driver-opts: |',
  '      env.BUILDKIT_STEP_LOG_MAX_SIZE=-1',
  '      env.BUILDKIT_STEP_LOG_MAX_SPEED=-1',
  '```',
  "With the default docker driver, set the same variables in the Docker daemon's environment (e.g. a systemd",
  'drop-in `Environment="BUILDKIT_STEP_LOG_MAX_SIZE=-1" "BUILDKIT_STEP_LOG_MAX_SPEED=-1"`, then restart dockerd).',
  'Or keep the log short: send verbose build output to a file and print its tail on failure',
  '(`make > build.log 2>&1 || (tail -n 200 build.log; exit 1)`).',
].join('\n');

export const logClipped: RuleInput = {
  id: 'buildkit/log-clipped',
  title: 'Step output clipped by BuildKit',
  severity: 'notice',
  match: [
    {
      literals: ['output clipped, log limit'],
      // `2MiB` (size) or `200KiB/s` (speed)
      // `-1B`: the limit set to -1 (meant as none) on a BuildKit that reads it as a number
      pattern: 'log limit (?<limit>-?[\\w.]{1,20}(?:/s)?) reached',
    },
  ],
  context: [
    { name: 'speedLimit', literals: ['/s reached]'] },
    { name: 'minusOne', literals: ['log limit -1B reached', 'log limit -1B/s reached'] },
  ],
  message:
    "BuildKit stopped printing this step's output once it reached {limit|its log size limit} " +
    '(the size limit, `BUILDKIT_STEP_LOG_MAX_SIZE`): everything the step printed after that point is missing ' +
    'from the log, so the real error may not be in it.',
  fix,
  variants: [
    {
      when: 'minusOne',
      message:
        "BuildKit clipped this step's output at a limit of {limit}: the limit was set to `-1` to turn clipping off, and this " +
        'BuildKit release reads `-1` as a number (a byte count), so it clipped the output almost at once. The real error may not be in the log.',
      fix:
        'Give the limits a large number of bytes instead of `-1` (`env.BUILDKIT_STEP_LOG_MAX_SIZE=1073741824` and ' +
        '`env.BUILDKIT_STEP_LOG_MAX_SPEED=104857600` in the builder\'s `driver-opts`), or use a newer BuildKit image for the builder.',
    },
    {
      when: 'speedLimit',
      message:
        "BuildKit dropped this step's output because it came faster than {limit} " +
        '(the speed limit, `BUILDKIT_STEP_LOG_MAX_SPEED`, counted from the start of the step): what the step ' +
        'printed from that point on is missing from the log until its average falls back under the limit, ' +
        'so the real error may not be in it.',
    },
  ],
  docs: 'https://docs.docker.com/build/buildkit/configure/',
};
