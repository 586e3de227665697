import type { RuleInput } from '../../schema.js';

/**
 * The fallback: a failed step (or a solve error with no step) that no specific rule explains.
 * Specificity 1, so any specific error finding about the same failure replaces it.
 */
export const stepFailed: RuleInput = {
  id: 'buildkit/step-failed',
  title: 'Build step failed',
  severity: 'error',
  trigger: { kind: 'failure' },
  specificity: 1,
  message:
    'The build failed in `{instruction|its definition}` (exit code {exitCode|none}). No rule recognised the ' +
    'cause; the error lines and the last lines the step printed are the evidence.',
  fix: [
    'Read the evidence from the bottom up: compilers, pip and CMake print the cause before the exit, often',
    'a screen or more above it. To see the step in full, rebuild it with `--progress=plain`; to explore the',
    "failed step's filesystem, start buildx's debugger (buildx 0.12 or later):",
    '',
    '```sh',
    'BUILDX_EXPERIMENTAL=1 docker buildx debug --on=error build --progress=plain .',
    '```',
  ].join('\n'),
  docs: 'https://docs.docker.com/build/debug/',
};
