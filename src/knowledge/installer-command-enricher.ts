// The `installer-command` enricher: the failed RUN's own command, rewritten with the one flag the advice
// changes, so that a fix for poetry or uv prints the user's command (with its other flags) instead of a
// stand-in. The command is read from BuildKit's error, `process "/bin/sh -c <command>" did not complete
// successfully`, on the failed step or, for output outside any step (a pasted log), on the build's
// `failed to solve` line.
//
// - `poetryNoRoot` / `poetryOnlyRoot`: `poetry install` with `--no-root` (dependencies only) and
//   `--only-root` (the project only, poetry 1.2+), poetry CLI docs https://python-poetry.org/docs/cli/#install.
//   poetry refuses `--only-root` with a group option (`--with`, `--without`, `--only`, `--all-groups`: "options
//   cannot be used with the `--only-root` option", python-poetry/poetry src/poetry/console/commands/install.py),
//   so `poetryOnlyRoot` drops them; `poetryNoRoot` keeps them.
// - `uvFrozen`: the `uv` command with `--locked` replaced by `--frozen` (uv docs, "Locking and syncing").
// - `uvProjectRun`: the command, when it is one of uv's project commands (`uv sync`, `uv lock`, `uv run`).
import { runInstructionOf } from '../grammar/run-command.js';
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';


// `--only main`, `--with=dev,test`, `--all-groups`: the groups poetry installs, not allowed with `--only-root`.
const GROUP_OPTION = / {1,20}--(?:with|without|only)(?:=| {1,20})[\w,.-]{1,200}| {1,20}--all-groups\b/g;

/** The shell command of the failed RUN, from BuildKit's error text, or null. */
export function failedRunCommand(step: Step | null, model: BuildModel): string | null {
  const text = step?.error ?? (step === null || step.id === model.failedStep ? model.solveError?.message : undefined);
  // The grammar's reading of BuildKit's error: both wordings, quotes inside the command unescaped.
  const run = text == null ? null : runInstructionOf(text);
  return run === null ? null : run.slice('RUN '.length).trim();
}

/** The flags pasted into the user's own command; absent when the command does not run the installer. */
export function installerCommandValues(command: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  if (command === null) return out;
  if (/\bpoetry install\b/.test(command) && !/--no-root|--only-root/.test(command)) {
    out.poetryNoRoot = command.replace(/\bpoetry install\b/, 'poetry install --no-root');
    out.poetryOnlyRoot = command
      .replace(/\bpoetry install\b/, 'poetry install --only-root')
      .replace(GROUP_OPTION, '');
  }
  // uv's project commands install uv.lock's pins (uv docs, "Locking and syncing"): the release uv built is a locked one
  if (/\buv (?:sync|lock|run)\b/.test(command)) out.uvProjectRun = command;
  if (/\buv\b/.test(command) && /(?:^|\s)--locked(?=\s|$)/.test(command)) {
    out.uvFrozen = command.replace(/(^|\s)--locked(?=\s|$)/, '$1--frozen');
  }
  return out;
}

export function installerCommandEnrich(
  _captures: Readonly<Record<string, string>>,
  step: Step | null,
  model: BuildModel,
  _facts: FactView,
): Record<string, string> {
  return installerCommandValues(failedRunCommand(step, model));
}
