// The `poetry-install` enricher: how this build installed Poetry, read from the instructions of the steps the log shows
// before the failing one (the same stage first, then any): a pip command that names poetry unpinned (`poetryPip`: the
// command up to the `poetry` word, for a fix that adds a package beside it), pipx (`poetryPipx`), Poetry's installer
// (`poetryInstaller`: install.python-poetry.org / install-poetry.py, python-poetry.org/docs/#installation).
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';

// `pip install poetry`, `python3 -m pip install --no-cache-dir poetry`; not `poetry==1.8.3` (a pinned Poetry) nor `poetry-core`.
// The command's words are read by hand, up to the shell's next `;`, `&` or `|`: one regex over repeated words that ends in
// the word `poetry` could read that word two ways, which the linear-time check rejects.
const PIP_START = /(?:^|[\s;&|(])((?:python3? -m )?pip3? install) /g;
const PIPX_START = /(?:^|[\s;&|(])pipx install /g;

/** The first words after `from`, up to the shell's next `;`, `&` or `|` (at most 11: options and packages before poetry). */
function wordsFrom(text: string, from: number): string[] {
  let end = from;
  while (end < text.length && text[end] !== ';' && text[end] !== '&' && text[end] !== '|') end++;
  return text.slice(from, end).split(/\s+/).filter((w) => w.length > 0 && w.length <= 100).slice(0, 11);
}

/** The pip command up to its unpinned `poetry` word, or null. */
function pipInstallingPoetry(instruction: string): string | null {
  for (const start of instruction.matchAll(PIP_START)) {
    const words = wordsFrom(instruction, start.index + start[0].length);
    const at = words.indexOf('poetry');
    if (at >= 0) return [start[1]!, ...words.slice(0, at + 1)].join(' ');
  }
  return null;
}

/** Whether a pipx command installs Poetry (pinned or not). */
function pipxInstallsPoetry(instruction: string): boolean {
  for (const start of instruction.matchAll(PIPX_START)) {
    if (wordsFrom(instruction, start.index + start[0].length).some((w) => /^poetry(?:$|[=<>])/.test(w))) return true;
  }
  return false;
}

const INSTALLER = /install\.python-poetry\.org|install-poetry\.py/;

export function poetryInstallEnrich(_captures: Readonly<Record<string, string>>, step: Step | null, model: BuildModel, _facts: FactView): Record<string, string> {
  if (step === null) return {};
  const before = model.steps.slice(0, Math.max(0, model.steps.indexOf(step))).reverse();
  const ordered = [...before.filter((s) => s.stage === step.stage), ...before.filter((s) => s.stage !== step.stage)];
  for (const s of ordered) {
    const pip = pipInstallingPoetry(s.instruction);
    if (pip !== null) return { poetryPip: pip };
    if (pipxInstallsPoetry(s.instruction)) return { poetryPipx: 'yes' };
    if (INSTALLER.test(s.instruction)) return { poetryInstaller: 'yes' };
  }
  return {};
}
