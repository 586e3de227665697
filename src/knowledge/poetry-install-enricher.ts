// The `poetry-install` enricher: how this build installed Poetry, read from the instructions of the steps the log shows
// before the failing one (the same stage first, then any): a pip command that names poetry unpinned (`poetryPip`: the
// command up to the `poetry` word, for a fix that adds a package beside it), pipx (`poetryPipx`), Poetry's installer
// (`poetryInstaller`: install.python-poetry.org / install-poetry.py, python-poetry.org/docs/#installation).
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';

// `pip install poetry`, `python3 -m pip install --no-cache-dir poetry`; not `poetry==1.8.3` (a pinned Poetry) nor `poetry-core`
const PIP = /(?:^|[\s;&|(])(?<cmd>(?:python3? -m )?pip3? install(?: (?!poetry(?:\s|$))[^\s&;|]{1,100}){0,10} poetry)(?=\s|$)/;
const PIPX = /(?:^|[\s;&|(])pipx install(?: [^\s&;|]{1,100}){0,10} poetry(?=[\s=<>]|$)/;
const INSTALLER = /install\.python-poetry\.org|install-poetry\.py/;

export function poetryInstallEnrich(_captures: Readonly<Record<string, string>>, step: Step | null, model: BuildModel, _facts: FactView): Record<string, string> {
  if (step === null) return {};
  const before = model.steps.slice(0, Math.max(0, model.steps.indexOf(step))).reverse();
  const ordered = [...before.filter((s) => s.stage === step.stage), ...before.filter((s) => s.stage !== step.stage)];
  for (const s of ordered) {
    const pip = PIP.exec(s.instruction);
    if (pip?.groups?.cmd !== undefined) return { poetryPip: pip.groups.cmd };
    if (PIPX.test(s.instruction)) return { poetryPipx: 'yes' };
    if (INSTALLER.test(s.instruction)) return { poetryInstaller: 'yes' };
  }
  return {};
}
