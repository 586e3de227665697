// `buildkit-doctor [LOG…]`: analyse each log, print one report, and exit by the worst finding.
import { statSync } from 'node:fs';
import type { Command } from './args.js';
import { write, type CliIO } from './io.js';
import { loadDockerfiles, warnUnknownTargets } from './command-inputs.js';
import { withProgress, wantsProgress } from './progress.js';
import { textWidth } from './width.js';
import { openInput, readLogFd, readLogFile } from '../core/open-input.js';
import { rulesFor } from '../core/rule-set.js';
import { expandLogPaths } from '../core/expand-globs.js';
import { analyzeStream } from '../analyze.js';
import type { Analysis } from '../report/analysis.js';
import { renderLogs } from '../report/multi-log.js';
import { failsOn } from '../report/severity.js';

/** A log file's size for the progress bar; null when it cannot be known (the open reports why). */
function sizeOf(path: string): number | null {
  try {
    return statSync(path).size;
  } catch {
    return null;
  }
}

export async function analyzeCommand(command: Extract<Command, { kind: 'analyze' }>, io: CliIO): Promise<number> {
  const ruleSet = await rulesFor(command);
  const dockerfiles = await loadDockerfiles(command);
  const analyses: Analysis[] = [];
  const paths = await expandLogPaths(command.inputs);
  for (const path of paths) {
    const total = path === '-' ? null : sizeOf(path);
    let input: AsyncIterable<Buffer>;
    if (wantsProgress(Boolean(io.stderrIsTTY), total, io.env)) {
      input = withProgress(await openInput(path, io.stdin), { label: path === '-' ? 'standard input' : path, total, stderr: io.stderr });
    } else if (path !== '-') {
      input = readLogFile(path);
    } else if (io.stdinFd !== undefined) {
      input = readLogFd(io.stdinFd, 'standard input', () => io.stdin);
    } else {
      input = await openInput(path, io.stdin);
    }
    analyses.push(await analyzeStream(input, { ...ruleSet, ...dockerfiles }));
  }
  await warnUnknownTargets(command, analyses, io.stderr);
  const color = command.format === 'text' && io.isTTY && !io.env.NO_COLOR;
  const logs = analyses.map((analysis, i) => ({ name: paths[i] ?? '-', analysis }));
  await write(io.stdout, renderLogs(logs, command.format, { color, dockerfile: command.dockerfile, width: textWidth(io), workspace: io.env.GITHUB_WORKSPACE }));
  return analyses.some((a) => failsOn(a.findings, command.failOn)) ? 1 : 0;
}
