// The `step-outcome` enricher: how the finding's step ended, as a sentence, only with what the log
// shows (no exit code is ever invented). A shell reports a child killed by signal N as exit code
// 128 + N (POSIX "Exit Status for Commands"; bash manual, "Exit Status"); signal numbers are Linux's
// (signal(7): SIGABRT 6, SIGKILL 9, SIGSEGV 11, SIGTERM 15).
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';
import { exitCodeShown } from '../model/exit-code.js';
import { failedCommandOf } from './failed-command.js';
import { failedRunCommand } from './installer-command-enricher.js';

const signalNames: Readonly<Record<number, string>> = { 6: 'SIGABRT', 9: 'SIGKILL', 11: 'SIGSEGV', 15: 'SIGTERM' };


/** `It exited with code 2.`, `It exited with code 137 (128 + 9: killed by SIGKILL).`, or '' when the log does not say. */
export function exitNote(code: number | null): string {
  if (code === null) return '';
  const signal = code > 128 && code < 160 ? code - 128 : null;
  if (signal === null) return `It exited with code ${code}.`;
  const name = signalNames[signal];
  return `It exited with code ${code} (128 + ${signal}: killed by ${name ?? `signal ${signal}`}).`;
}

/**
 * `{enrich.exitNote}`; for a failure no step holds, the cause line the failure trigger found outside
 * any step (`{enrich.outsideCause}`) and, when that line names it, the command that failed and its
 * status (`{enrich.failedCommand}`, `{enrich.failedStatus}`). Empty values when the log shows none.
 */
export function stepOutcomeEnrich(captures: Readonly<Record<string, string>>, step: Step | null, model: BuildModel, _facts: FactView): Record<string, string> {
  const cause = step === null ? (captures.outsideCause ?? '') : '';
  const failed = cause === '' ? null : failedCommandOf(cause);
  return {
    exitNote: exitNote(exitCodeShown(step, model)),
    outsideCause: cause,
    failedCommand: failed?.command ?? '',
    failedStatus: failed === null ? '' : String(failed.status),
    unresolvedBase: unresolvedBase(step),
    cmakeContext: cmakeFromContext(step?.instruction ?? null) || cmakeFromContext(failedRunCommand(step, model)) ? 'yes' : '',
  };
}

/**
 * Whether a command configures a CMake project whose source is the build context's copy, `.`: `cmake -B build <flags> .`
 * or `cmake -S . -B build` (CMake's command line: `cmake [<options>] -S <path-to-source> -B <path-to-build>`, or a path
 * given last). ggml-org/llama.cpp#10844: a `docker build` from a directory that was not the cloned repository.
 */
export function cmakeFromContext(command: string | null): boolean {
  if (command === null) return false;
  const words = command.split(/\s+/).filter((w) => w !== '');
  for (let i = 0; i < words.length; i++) {
    if (words[i] !== 'cmake') continue;
    // the words of this cmake command, up to the shell's next separator
    const args: string[] = [];
    for (let k = i + 1; k < words.length && !/^(?:&&|\|\||;|\|)$/.test(words[k]!); k++) {
      const w = words[k]!;
      const end = /[;"]$/.test(w);
      args.push(w.replace(/[;"]{1,10}$/, ''));
      if (end) break;
    }
    const here = (w: string | undefined): boolean => w === '.' || w === './';
    const s = args.indexOf('-S');
    if (s >= 0) {
      if (here(args[s + 1])) return true;
      continue;
    }
    if (args.includes('-B') && here(args[args.length - 1])) return true;
  }
  return false;
}

/** BuildKit's step that resolves a `FROM` image: `[internal] load metadata for docker.io/library/ubuntu:22.04`. */
const LOAD_METADATA = /^(?:\[internal\] )?load metadata for (\S{1,300})$/;

/**
 * `{enrich.unresolvedBase}`: the image of a failed `load metadata for IMAGE` step (BuildKit asking the registry for the
 * `FROM` image's manifest) that no rule explained, '' for any other step. BuildKit's tty display can show that row as
 * ERROR while the paste ends before the error box that says why (infiniflow/ragflow#5310).
 */
function unresolvedBase(step: Step | null): string {
  if (step === null || !step.internal || step.status !== 'error') return '';
  return LOAD_METADATA.exec(step.instruction.trim())?.[1] ?? '';
}
