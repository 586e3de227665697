// The `cargo-uv-missing` enricher: whether a failed step that calls uv by its old installer path (`/root/.cargo/bin/uv`)
// failed because that path is not there, as far as the log shows. A shell that cannot find a command exits with 127 and
// says `<command>: not found` (dash) or `<command>: No such file or directory` (bash, for a path) (POSIX "Command Search
// and Execution": "If the command name is not found, the exit status shall be 127"). So:
// - a line of the step naming the `.cargo/bin/uv` path as not found: yes;
// - another command named as not found: no (the shell found uv's path, or never got to it);
// - an exit code other than 127 (uv ran and failed: `exit code: 2` for a usage error, 1 for a resolver error): no;
// - exit code 127, or no exit code and no output (BuildKit's tty keeps only `=> ERROR [7/8] RUN /root/.cargo/bin/uv …`): yes.
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';
import { exitCodeShown } from '../model/exit-code.js';

const NOT_FOUND = /(?:^|\s)(\S{1,300}): (?:\d{1,5}: )?(?:not found|No such file or directory|command not found)\s*$/;
const CARGO_UV = /\.cargo\/bin\/uvx?$/;

/** `{enrich.cargoUvMissing}`: `yes` when the log shows (or does not contradict) that the `.cargo/bin/uv` path was not found. */
export function cargoUvMissingEnrich(_captures: Readonly<Record<string, string>>, step: Step | null, model: BuildModel, _facts: FactView): Record<string, string> {
  if (step === null) return { cargoUvMissing: '' };
  for (const line of step.tail) {
    const missing = NOT_FOUND.exec(line)?.[1];
    if (missing === undefined) continue;
    return { cargoUvMissing: CARGO_UV.test(missing) ? 'yes' : '' };
  }
  const code = exitCodeShown(step, model);
  return { cargoUvMissing: code === null || code === 127 ? 'yes' : '' };
}
