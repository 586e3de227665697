// `buildkit-doctor history [REF|^N]… [--builder NAME] [--since DURATION]`: analyses BuildKit's
// build records, read back with `docker buildx history` (src/core/build-record.ts), each record
// as one log of the report. A line on stderr names each record: status, duration, steps, cache.
import { Readable } from 'node:stream';
import type { Command } from './args.js';
import { write, type CliIO } from './io.js';
import { loadDockerfiles, warnUnknownTargets } from './command-inputs.js';
import { rulesFor } from '../core/rule-set.js';
import { analyzeStream } from '../analyze.js';
import type { Analysis } from '../report/analysis.js';
import { describeRecord, execDocker, readBuildRecords, type DockerExec } from '../core/build-record.js';
import { recordDockerfiles } from '../core/record-dockerfile.js';
import { renderLogs } from '../report/multi-log.js';
import { failsOn } from '../report/severity.js';

export async function historyCommand(command: Extract<Command, { kind: 'history' }>, io: CliIO, exec: DockerExec = execDocker('docker', io.env)): Promise<number> {
  const ruleSet = await rulesFor(command);
  const given = await loadDockerfiles(command);
  const { records, warnings } = await readBuildRecords({ refs: command.refs, builder: command.builder, sinceMs: command.since }, exec);
  for (const warning of warnings) await write(io.stderr, `buildkit-doctor: warning: ${warning}\n`);
  const logs: { name: string; analysis: Analysis }[] = [];
  for (const record of records) {
    await write(io.stderr, `buildkit-doctor: ${describeRecord(record.facts)}\n`);
    const dockerfiles = recordDockerfiles(record.facts, given);
    const analysis = await analyzeStream(Readable.from([Buffer.from(record.log)]), { ...ruleSet, ...dockerfiles });
    logs.push({ name: `record ${record.facts.ref}${record.facts.name !== null ? ` (${record.facts.name})` : ''}`, analysis });
  }
  await warnUnknownTargets(command, logs.map((l) => l.analysis), io.stderr);
  const color = command.format === 'text' && io.isTTY && !io.env.NO_COLOR;
  await write(io.stdout, renderLogs(logs, command.format, { color, dockerfile: command.dockerfile, workspace: io.env.GITHUB_WORKSPACE }));
  return logs.some((l) => failsOn(l.analysis.findings, command.failOn)) ? 1 : 0;
}
