// The `tool-bin-dir` enricher: where an earlier step of the build installed a command the shell now cannot find,
// when the log shows it, so the fix can put that directory on PATH instead of looking for a package.
// Poetry's official installer (install.python-poetry.org; install-poetry.py's docstring) puts the `poetry` script in
// `$POETRY_HOME/bin` when POETRY_HOME is set, else in `~/.local/bin` of the HOME it ran with, and prints the
// directory: "It will add the `poetry` command to Poetry's bin directory, located at:" then the path on a line of its
// own. The printed path wins, then POETRY_HOME, then HOME; without any of them the directory is unknown (no guess).
import type { BuildModel, Step } from '../model/types.js';
import { printedStepNumber, stepPlace } from '../model/step-header.js';
import type { FactView } from '../facts/fact-view.js';

const POETRY_INSTALLER = /install\.python-poetry\.org|install-poetry\.py|get-poetry\.py/;
const LOCATED_AT = /bin directory, located at:\s*$/;

function printedDir(step: Step): string | null {
  const at = step.tail.findIndex((line) => LOCATED_AT.test(line));
  if (at < 0) return null;
  const path = step.tail.slice(at + 1, at + 4).map((line) => line.trim()).find((line) => line !== '');
  return path !== undefined && /^\/[^\s$]{1,200}$/.test(path) ? path : null;
}

function envValue(text: string, name: string): string | null {
  const hit = new RegExp(`(?:^|[\\s;&|(])${name}=["']?(/[^\\s"';&|$]{1,200})`).exec(text);
  let value = hit?.[1] ?? null;
  while (value !== null && value.length > 1 && value.endsWith('/')) value = value.slice(0, -1);
  return value;
}

/** The directory the Poetry installer of `step` put `poetry` in, and how the log shows it; null when it does not. */
function poetryBinDir(step: Step): { dir: string; how: string } | null {
  if (!POETRY_INSTALLER.test(step.instruction)) return null;
  const printed = printedDir(step);
  if (printed !== null) return { dir: printed, how: 'as the installer printed' };
  const poetryHome = envValue(step.instruction, 'POETRY_HOME');
  if (poetryHome !== null) return { dir: `${poetryHome}/bin`, how: `it ran with POETRY_HOME=${poetryHome}` };
  const home = envValue(step.instruction, 'HOME');
  if (home !== null) return { dir: `${home}/.local/bin`, how: `it ran with HOME=${home}` };
  return null;
}

/**
 * `[builder 3/7]`, `[3/7]`: the step as BuildKit's header places it; `[builder #12]` when the header
 * has no `k/n`; the instruction when the log gives neither.
 */
export function stepLabel(step: Step): string {
  const number = step.index !== null && step.total !== null ? null : printedStepNumber(step);
  const where = [stepPlace(step), number].filter((x) => x !== null && x !== '').join(' ');
  return where ? `[${where}]` : step.instruction.replace(/\s+/g, ' ').trim();
}

export function toolBinDirEnrich(
  captures: Readonly<Record<string, string>>,
  step: Step | null,
  model: BuildModel,
  _facts: FactView,
): Record<string, string> {
  if (captures.command !== 'poetry' || step === null) return {};
  const before = model.steps.slice(0, Math.max(0, model.steps.indexOf(step)));
  for (const earlier of before.reverse()) {
    if (earlier.stage !== step.stage) continue;
    const found = poetryBinDir(earlier);
    if (found !== null) {
      return { toolBinDir: found.dir, toolBinWhy: `step ${stepLabel(earlier)} installed it with Poetry's installer into ${found.dir} (${found.how})` };
    }
  }
  return {};
}
