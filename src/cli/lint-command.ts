// `buildkit-doctor lint [DOCKERFILE]`: the static Dockerfile checks alone, before a build spends
// hours to hit what they catch. Same output formats and exit codes as `analyze`.
import { textWidth } from './width.js';
import type { Command } from './args.js';
import { write, type CliIO } from './io.js';
import { readOptionalFile } from '../core/open-input.js';
import type { Analysis } from '../report/analysis.js';
import { parseDockerfile, type Dockerfile } from '../dockerfile/dockerfile.js';
import { runStaticChecks } from '../dockerfile/checks/index.js';
import { locateFindings } from '../dockerfile/locate.js';
import type { BuildModel } from '../model/types.js';
import { render } from '../report/render.js';
import { countBySeverity, failsOn } from '../report/severity.js';
import { plural } from '../report/step-words.js';

/** No build happened: a model with no steps, so the renderers show the findings only. */
function emptyModel(): BuildModel {
  return { format: 'unknown', steps: [], solveError: null, failedStep: null, seconds: null, cacheHitRatio: null, lintWarnings: [], lines: 0 };
}

/** The static findings of a Dockerfile as an Analysis, for the renderers. */
export function lintAnalysis(dockerfile: Dockerfile, onCheckError?: (checkId: string, error: unknown) => void): Analysis {
  const model = emptyModel();
  const findings = locateFindings(runStaticChecks(dockerfile, onCheckError), model, dockerfile);
  return { model, facts: {}, findings };
}

/** The reports open with a verdict about a build; lint has no build, so it says what it checked. */
function heading(dockerfile: Dockerfile, analysis: Analysis): string {
  const counts = countBySeverity(analysis.findings);
  const stages = plural(dockerfile.stages.length, 'stage');
  if (analysis.findings.length === 0) return `✔ ${dockerfile.path}: no findings (${stages} checked)`;
  const parts = [counts.error ? plural(counts.error, 'error') : null, counts.warning ? plural(counts.warning, 'warning') : null, counts.notice ? plural(counts.notice, 'notice') : null];
  return `${counts.error ? '✖' : '!'} ${dockerfile.path}: ${parts.filter((p) => p !== null).join(', ')} (${stages} checked)`;
}

export async function lintCommand(command: Extract<Command, { kind: 'lint' }>, io: CliIO): Promise<number> {
  const dockerfile = parseDockerfile(await readOptionalFile(command.dockerfilePath), command.dockerfilePath);
  const analysis = lintAnalysis(dockerfile, (id, error) => {
    // A check's own bug must not fail the user's job: say so, and go on with the others.
    void write(io.stderr, `buildkit-doctor: internal error in ${id}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
  });
  const color = command.format === 'text' && io.isTTY && !io.env.NO_COLOR;
  const output = render(analysis, command.format, { color, dockerfile: command.dockerfilePath, heading: heading(dockerfile, analysis), width: textWidth(io), workspace: io.env.GITHUB_WORKSPACE });
  await write(io.stdout, output);
  return failsOn(analysis.findings, command.failOn) ? 1 : 0;
}
