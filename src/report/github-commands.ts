// `--format github`: workflow commands for users who run the CLI in their own step. STUB.
import type { Analysis } from '../analyze.js';

export function renderGithubCommands(_analysis: Analysis): string {
  return '';
}
