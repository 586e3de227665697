// The `python-tool` enricher: for a missing uv or Poetry (knowledge/python-tools.ts), the install their docs give, and
// what the log shows of the stages: an earlier step of another stage that installed the tool (stages share only what
// is copied), or a stage built FROM another stage of this build, whose base stage is the one place to install it for
// every stage built on it.
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';
import { homeInstallPath, pythonTool } from './python-tools.js';
import { stepLabel } from './tool-bin-dir-enricher.js';

const FROM = /^FROM\s/i;

/**
 * `pyTool`, `pyToolArchive`, `pyToolInstallPlace` and `pyToolPathNote` (where its installer puts it), `pyToolHome` and
 * `pyToolHomeBin` when the command is its full path under a home (`/home/claude/.local/bin/uv`), `pyToolDockerfile1`/`2` and `pyToolShell1`/`2` (the install lines), `pyToolDocs`; `pyToolOtherStage`
 * (the label of an earlier step of another stage that installed it) and `pyToolStage` (this step's stage) when the log
 * shows them; `pyToolFromStage` when this stage's first step is not a FROM: BuildKit numbers the FROM of an image as
 * step 1, so a stage that starts at its first instruction is built FROM another stage (src/timeline/dependencies.ts).
 */
export function pythonToolEnrich(captures: Readonly<Record<string, string>>, step: Step | null, model: BuildModel, _facts: FactView): Record<string, string> {
  const command = captures['command'];
  const tool = command === undefined ? null : pythonTool(command);
  if (tool === null) return {};
  const out: Record<string, string> = {
    pyTool: tool.command,
    pyToolArchive: tool.archive,
    pyToolDockerfile1: tool.dockerfile[0],
    pyToolDockerfile2: tool.dockerfile[1],
    pyToolShell1: tool.shell[0],
    pyToolShell2: tool.shell[1],
    pyToolDocs: tool.docs,
    pyToolInstallPlace: tool.installPlace,
    pyToolPathNote: tool.installerPathNote,
  };
  // Called by its full path under a home: PATH plays no part; the installer put nothing there.
  const home = homeInstallPath(command!, tool);
  if (home !== null) {
    out.pyToolHome = home.home;
    out.pyToolHomeBin = home.dir;
  }
  if (step === null || step.stage === null || step.stage === '') return out;
  out.pyToolStage = step.stage;
  const before = model.steps.slice(0, Math.max(0, model.steps.indexOf(step)));
  const installer = before.reverse().find((s) => s.stage !== step.stage && tool.installedBy.test(s.instruction));
  if (installer !== undefined) {
    out.pyToolOtherStage = stepLabel(installer);
    if (installer.stage) out.pyToolOtherStageName = installer.stage;
  }
  const first = model.steps.find((s) => s.stage === step.stage && s.index === 1);
  if (step.index === 1 ? !FROM.test(step.instruction) : first !== undefined && !FROM.test(first.instruction)) out.pyToolFromStage = 'yes';
  return out;
}
