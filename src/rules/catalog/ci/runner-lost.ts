// The CI machine went away in the middle of the job: no command failed, the runner stopped. GitHub's
// wordings (fixtures/real-world/ci/):
// - `##[error]The runner has received a shutdown signal. This can happen when the runner service is
//   stopped, or a manually started runner is canceled.` (actions/runner#2427, actions/runner-images#6709);
// - `The hosted runner: GitHub Actions 8 lost communication with the server.` / `The self-hosted runner: X
//   lost communication with the server. Verify the machine is running and has a healthy network connection.
//   Anything in your workflow that terminates the runner process, starves it for CPU/Memory, or blocks its
//   network access can cause this error.` (GitHub's own list of causes; wazuh/wazuh-docker#2493, actions/runner#2662).
// On GitHub-hosted runners the reported cases are a job that exhausted the VM: memory (a process killed
// with exit code 137 just before, flathub-infra/vorarbeiter#51, actions/runner#3724; runner-images#8333
// "memory limit reached") or disk (GitHub's own annotation `You are running out of disk space. The runner
// will stop working when the machine runs out of disk space.`, devcontainers/images#691). On a self-hosted
// machine the agent itself stopped (service stopped, machine rebooted, pod evicted) or lost its network;
// the runner's `_diag` folder keeps `Runner_*` and `Worker_*` logs (actions/runner issue template).
// Retryable: a lost machine is not a property of the build, and a re-run gets a fresh one. Ranked above
// resources/job-timeout and resources/oom-killed (catalog order; same specificity): the runner-lost line
// is what stopped the job.
import { flashAttnWheelContexts, withFlashAttnNote, withFlashAttnVariants } from '../pip/flash-attn-wheel.js';
import type { RuleInput } from '../../schema.js';

const HOSTED_FIX = [
  'Re-run the job: a new runner VM is assigned. If it stops again at the same step, that step exhausts the VM:',
  '',
  '- memory: run fewer compile jobs at once (`MAX_JOBS`, `CMAKE_BUILD_PARALLEL_LEVEL`, `make -j2`) or use a larger runner;',
  '- disk: free space before the build (remove unused toolchains such as `/usr/share/dotnet` and `/usr/local/lib/android`,',
  '  `docker builder prune --all --force` between builds).',
].join('\n');

const MEMORY_FIX = [
  'Re-run the job. If it is killed again at the same step, that step needs more memory than the runner has: run fewer',
  'compile jobs at once (`MAX_JOBS`, `CMAKE_BUILD_PARALLEL_LEVEL`, `make -j2`), or use a runner with more memory.',
].join('\n');

const DISK_FIX = [
  'Free disk on the runner before the build and between builds (`docker builder prune --all --force` drops the build cache,',
  '`docker image prune --all --force` unused images), or build on a machine with a larger disk; then re-run the job.',
].join('\n');

const SELF_HOSTED_FIX = [
  'Re-run the job once the runner is back online. If it recurs, look at the machine at the time of the failure:',
  '',
  '```sh',
  'journalctl -k --since "-2h" | grep -i -e "out of memory" -e "killed process"',
  'ls -t _diag/Runner_*.log _diag/Worker_*.log | head -n 4',
  '```',
  '',
  '(the `_diag` folder is in the runner\'s install directory). An OOM kill, a reboot, an evicted runner pod or a network',
  'drop at that time is the cause: give the runner more memory (or run fewer parallel jobs on it), or keep the machine',
  'from being recycled while a job runs.',
].join('\n');

export const runnerLost: RuleInput = {
  id: 'ci/runner-lost',
  title: 'CI runner lost during the job',
  severity: 'error',
  match: [
    // GitHub Actions: `##[error]The runner has received a shutdown signal. This can happen when …`
    { literals: ['The runner has received a shutdown signal'] },
    // `The hosted runner: GitHub Actions 8 lost communication with the server.`, `The self-hosted runner: X lost communication …`
    { literals: ['lost communication with the server'] },
  ],
  context: [
    ...flashAttnWheelContexts,
    { name: 'selfHosted', literals: ['self-hosted runner'] },
    { name: 'hosted', literals: ['The hosted runner', 'GitHub Actions '], pattern: 'The hosted runner|runner GitHub Actions \\d' },
    // A process SIGKILLed just before the runner went: `… 2752 Killed  docker run …`, `Process completed with exit code 137.`
    { name: 'killed', literals: ['exit code 137', 'Killed'], pattern: 'exit code 137|\\d Killed\\s' },
    { name: 'lowDisk', literals: ['You are running out of disk space'] },
  ],
  scope: 'build',
  maxFindings: 1,
  specificity: 3,
  retryable: true,
  message:
    'The CI runner went away while the job was running: no command failed, the machine (or its runner service) stopped the ' +
    'job. GitHub names a workflow that starves the runner of CPU or memory, a machine that stops, or a lost network as the causes.',
  fix: withFlashAttnNote([
    'Re-run the job. If it stops again at the same point, the job is exhausting the machine: on a GitHub-hosted runner run',
    'fewer parallel compile jobs (`MAX_JOBS`, `CMAKE_BUILD_PARALLEL_LEVEL`) or use a larger runner; on a self-hosted runner',
    'check the machine\'s kernel log for OOM kills and the runner\'s `_diag` logs at that time.',
  ].join('\n')),
  variants: withFlashAttnVariants(
    're-run the job; if it stops again at the same step, run fewer compile jobs at once (`MAX_JOBS`) or use a larger runner.',
    [
    {
      when: 'lowDisk&fact.runner=github-hosted',
      message:
        'The GitHub-hosted runner went away while the job was running, after GitHub warned that the machine was running out ' +
        'of disk space: the runner stops working when the disk is full.',
      fix: HOSTED_FIX,
    },
    {
      when: 'lowDisk',
      message:
        'The CI runner went away while the job was running, after GitHub warned that the machine was running out of disk ' +
        'space: the runner stops working when the disk is full.',
      fix: DISK_FIX,
    },
    {
      when: 'selfHosted',
      message:
        'The self-hosted runner lost contact with GitHub while the job was running: no command failed, the agent on that ' +
        'machine stopped answering (machine down or rebooted, runner service stopped, network lost, or the job starved it of ' +
        'CPU or memory).',
      fix: SELF_HOSTED_FIX,
    },
    {
      when: 'fact.runner=self-hosted',
      message:
        'The self-hosted runner was shut down while the job was running: no command failed, the runner service on that ' +
        'machine was stopped (machine shutdown or reboot, service restart, an evicted runner pod, or the job starving it of memory).',
      fix: SELF_HOSTED_FIX,
    },
    {
      when: 'killed',
      message:
        'The CI runner was shut down right after a process of the job was killed with SIGKILL (exit code 137 / `Killed` above): ' +
        'the job ran the machine out of memory, and the runner went down with it. No command failed on its own.',
      fix: MEMORY_FIX,
    },
    {
      when: 'fact.runner=github-hosted',
      message:
        'The GitHub-hosted runner was shut down while the job was running: no command failed. On hosted runners this is most ' +
        'often the job exhausting the VM\'s memory or disk (GitHub\'s message names a workflow that starves the runner of CPU or memory).',
      fix: HOSTED_FIX,
    },
    {
      when: 'hosted',
      message:
        'The GitHub-hosted runner lost contact with GitHub while the job was running: no command failed. On hosted runners this ' +
        'is most often the job exhausting the VM\'s memory or disk.',
      fix: HOSTED_FIX,
    },
    ],
  ),
  enrich: 'flash-attn-wheel',
  docs: 'https://docs.github.com/en/actions/using-github-hosted-runners/using-github-hosted-runners/about-github-hosted-runners',
};
