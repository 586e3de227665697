// The `uv-lock-requirements` enricher: for a `uv pip install -r uv.lock` (a lockfile handed to the
// requirements-file option), the user's own command installing an exported requirements file instead.
// The command is the failed RUN's (BuildKit's `process "/bin/sh -c …"` error), or the step's instruction
// when the log was cut before that error.
//
// `uvExportInstall`: the command with `uv export --frozen --no-dev --no-emit-project -o requirements.txt && ` put
// before the uv install (after a leading `cd /app && `, so both run in the same directory), its `-r` given
// `requirements.txt`. uv's CLI reference, `uv export`: requirements.txt is the default format; `--frozen`
// "Do not update the `uv.lock` before exporting"; `--no-dev` leaves out the development group; `--no-emit-project`
// "Do not emit the current project" (so the export needs no project sources, only pyproject.toml and uv.lock);
// `-o, --output-file` writes the file (https://docs.astral.sh/uv/reference/cli/#uv-export).
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';
import { failedRunCommand } from './installer-command-enricher.js';
import { withoutRunFlags } from '../grammar/run-command.js';

// `-r uv.lock`, `--requirements=uv.lock`, `--requirement app/uv.lock` (uv spells the long option `--requirements`).
const LOCK_AS_REQUIREMENTS = /(^|\s)(?:-r|--requirements?)(?:=|\s{1,20})(\S{0,200}\.lock)(?=\s|$)/;

/** The failed RUN's shell command, from BuildKit's error or else from the step's instruction (its flags left out). */
function runCommand(step: Step | null, model: BuildModel): string | null {
  const fromError = failedRunCommand(step, model);
  if (fromError !== null) return fromError;
  const instruction = withoutRunFlags((step?.instruction ?? '').trim());
  return instruction.startsWith('RUN ') && instruction.length > 4 ? instruction.slice(4).trim() : null;
}

/** The export-then-install form of `command`; absent when the command does not hand a lock to `-r`. */
export function uvLockRequirementsValues(command: string | null): Record<string, string> {
  // `uv pip …`, `/bin/uv pip …`: uv itself, not the `uv` of `uv.lock`.
  if (command === null || !/(?:^|[\s/;&|])uv\s/.test(command)) return {};
  const hit = LOCK_AS_REQUIREMENTS.exec(command);
  if (hit === null) return {};
  const install = command.replace(LOCK_AS_REQUIREMENTS, '$1-r requirements.txt');
  // The export runs where the install runs: after whatever comes before it (`cd /app && …`).
  const at = commandStart(install, hit.index);
  return { uvExportInstall: `${install.slice(0, at)}uv export --frozen --no-dev --no-emit-project -o requirements.txt && ${install.slice(at)}` };
}

/**
 * Where the simple command holding `index` starts: after the last `&&` or `;` before it (and the
 * blanks after that), or 0. `||` and `|` are not cut at: an export put there would change what runs.
 */
function commandStart(command: string, index: number): number {
  const before = command.slice(0, index);
  const and = before.lastIndexOf('&&');
  const cut = Math.max(and < 0 ? 0 : and + 2, before.lastIndexOf(';') + 1);
  if (cut === 0) return 0;
  let at = cut;
  while (at < index && /\s/.test(command[at]!)) at++;
  return at;
}

export function uvLockRequirementsEnrich(
  _captures: Readonly<Record<string, string>>,
  step: Step | null,
  model: BuildModel,
  _facts: FactView,
): Record<string, string> {
  return uvLockRequirementsValues(runCommand(step, model));
}
