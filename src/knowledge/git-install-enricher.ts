// The `git-install` enricher: the package and install line for git, for an installer that needs the git binary
// to fetch a `git+https://…` requirement and says so without naming the command the shell would (uv's
// `Git executable not found`). The package and the line come from the command-package table (fact `os`).
// `failedRun` is the failed RUN's shell command, from BuildKit's `process "/bin/sh -c …"` error: proof of an
// image build even in a pasted log that has no Dockerfile excerpt.
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';
import { commandPackageEnrich } from './command-package.js';
import { failedRunCommand } from './installer-command-enricher.js';

export function gitInstallEnrich(
  _captures: Readonly<Record<string, string>>,
  step: Step | null,
  model: BuildModel,
  facts: FactView,
): Record<string, string> {
  const run = failedRunCommand(step, model);
  return { ...commandPackageEnrich({ command: 'git' }, step, model, facts), ...(run === null ? {} : { failedRun: run }) };
}
