// The `pip-cache` enricher: whether the failed RUN's pip already leaves its cache out, and otherwise the same
// command with `--no-cache-dir` added to its `pip install`, so that the fix for a download cut short prints
// the user's own `RUN` line. The command is the failed step's instruction or BuildKit's / the classic
// builder's error line (installer-command-enricher's `failedRunCommand`).
//
// `--no-cache-dir` is an option of `pip install` (`pip install --help`: "Disable the cache"); `PIP_NO_CACHE_DIR`
// set to any valid boolean disables the cache too (pip's cmdoptions.py `_handle_no_cache_dir`).
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';
import { failedRunCommand } from './installer-command-enricher.js';

// `pip install`, `pip3 install`, `python -m pip install`, `python3.10 -m pip install`.
const PIP_INSTALL = /\b((?:python[\d.]{0,5} -m )?pip3?(?:\.\d{1,2})? install)\b/;
const CACHE_OFF = /--no-cache-dir\b|\bPIP_NO_CACHE_DIR=/;

/** `pipCacheOff` when the command already runs without pip's cache, else `pipNoCacheRun`: the command with it. */
export function pipCacheValues(command: string | null): Record<string, string> {
  if (command === null || !PIP_INSTALL.test(command)) return {};
  if (CACHE_OFF.test(command)) return { pipCacheOff: 'yes' };
  return { pipNoCacheRun: command.replace(PIP_INSTALL, '$1 --no-cache-dir') };
}

export function pipCacheEnrich(
  _captures: Readonly<Record<string, string>>,
  step: Step | null,
  model: BuildModel,
  _facts: FactView,
): Record<string, string> {
  const own = step !== null && !step.internal && step.instruction.startsWith('RUN ') ? step.instruction.slice(4).trim() : null;
  return pipCacheValues(own ?? failedRunCommand(step, model));
}
