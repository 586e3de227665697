// `buildkit-doctor run [options] -- COMMAND…`: run a build, show its output live, then the report.
//
// Where things go: the build's output is shown live on stdout and the report follows it there, in
// that order, so that `--format github` workflow commands come after the fenced build output. With
// `--format json` or `sarif` the build's output goes to stderr instead, so that stdout holds the
// document alone (`buildkit-doctor run --format sarif -- docker build . > build.sarif`).
//
// Exit code: the build's own when it failed (or 128+N when a signal ended it); otherwise 0 or 1 by
// `--fail-on`, as for `analyze`.
import { textWidth } from './width.js';
import type { Command } from './args.js';
import { write, type CliIO } from './io.js';
import { loadDockerfiles, warnUnknownTargets } from './command-inputs.js';
import { rulesFor } from '../core/rule-set.js';
import { runAndAnalyze } from '../run/run-and-analyze.js';
import { commandLine } from '../text/shell-words.js';
import { render } from '../report/render.js';
import { failsOn } from '../report/severity.js';

export async function runCommand(command: Extract<Command, { kind: 'run' }>, io: CliIO): Promise<number> {
  const ruleSet = await rulesFor(command);
  const dockerfiles = await loadDockerfiles(command);
  const machineReadable = command.format === 'json' || command.format === 'sarif';
  // Our own stdin is passed on only when it is a file or a pipe: a command in its own process
  // group that read the terminal would be stopped (SIGTTIN).
  const realStdin = io.stdin === process.stdin && !process.stdin.isTTY;

  const result = await runAndAnalyze(commandLine(command.command), {
    ...ruleSet,
    ...dockerfiles,
    output: machineReadable ? io.stderr : io.stdout,
    fence: io.env.GITHUB_ACTIONS === 'true',
    env: io.env,
    stdin: realStdin ? 'inherit' : 'ignore',
  });

  await warnUnknownTargets(command, [result.analysis], io.stderr);
  const color = command.format === 'text' && io.isTTY && !io.env.NO_COLOR;
  // A blank line between the build's last line and the report, when both are on stdout.
  await write(io.stdout, (machineReadable ? '' : '\n') + render(result.analysis, command.format, { color, dockerfile: command.dockerfile, width: textWidth(io), workspace: io.env.GITHUB_WORKSPACE }));

  if (result.exitCode !== 0) return result.exitCode;
  return failsOn(result.analysis.findings, command.failOn) ? 1 : 0;
}
