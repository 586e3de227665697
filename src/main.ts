// The action: the only module that reads inputs, sets outputs and decides the step's result.
// Everything it reports is built by pure modules (src/github/*, src/report/*); this file performs
// the side effects, each phase in its own log group.
//
// Reporting never turns a green build red: a summary or comment that cannot be written is a
// warning (a notice for a read-only token). Only `fail-on`, a wrapped build's own failure, an
// invalid input and `if-no-log: error` fail the step. Our own bugs end as a warning.
import * as core from '@actions/core';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { analyzeStream } from './analyze.js';
import { InputError } from './core/errors.js';
import { readOptionalFile } from './core/open-input.js';
import { openInput } from './core/open-input.js';
import { parseDockerfile, type Dockerfile } from './dockerfile/dockerfile.js';
import { fallbackDockerfile, unknownTargetWarnings, type DockerfileSet } from './core/dockerfile-set.js';
import { planAnnotations, type AnnotationPlan } from './report/annotations.js';
import { renderComment, runLinkFromEnv } from './github/comment.js';
import { pullRequestOf, readEventPayload, workflowRunLookup, type PullRequestRef } from './github/event.js';
import { parseInputs, type ActionInputs } from './github/inputs.js';
import { findPullRequest, octokitComments } from './github/octokit-comments.js';
import { actionOutputs } from './github/outputs.js';
import { DEFAULT_RETRY, GitHubApiError } from './github/retry.js';
import { syncStickyComment } from './github/sticky-comment.js';
import { commentFailure, commentOutcome } from './github/comment-outcome.js';
import { renderJobSummary } from './github/summary.js';
import { expandLogPaths } from './core/expand-globs.js';
import { describeRecord, readBuildRecords, type BuildRecord } from './core/build-record.js';
import { recordDockerfiles } from './core/record-dockerfile.js';
import type { BuildRefInput } from './github/build-ref.js';
import { jobStartedAt } from './github/job-start.js';
import type { Finding } from './rules/finding.js';
import { renderLogs, type NamedAnalysis } from './report/multi-log.js';
import { countBySeverity, failsOn } from './report/severity.js';
import { rulesFor } from './core/rule-set.js';
import { runAndAnalyze } from './run/run-and-analyze.js';
import { commandEnvironment } from './run/command-env.js';
import { buildDockerfileTest } from './dockerfile/build-dockerfiles.js';
import { fenceText } from './security/workflow-commands.js';

interface Analysed {
  logs: NamedAnalysis[];
  /** Why there is no log to report on, when there is none. */
  noLog: string | null;
  /** The wrapped build's exit code, null when no command was run. */
  buildExitCode: number | null;
  dockerfile: Dockerfile | null;
}

function describe(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

/** Runs `phase` in a log group; a failure of it is a warning, never the step's failure. */
async function reportingPhase(name: string, phase: () => Promise<void>): Promise<void> {
  await core.group(name, async () => {
    try {
      await phase();
    } catch (error) {
      core.warning(`buildkit-doctor: ${name.toLowerCase()} failed: ${describe(error)}`);
    }
  });
}

/** A Dockerfile the input names; one that cannot be read is a warning, and is left out. */
async function readDockerfileOrWarn(file: string, label: string): Promise<Dockerfile | null> {
  try {
    return parseDockerfile(await readOptionalFile(file), file);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    core.warning(`buildkit-doctor: dockerfile ${label}: ${error.message}; findings are placed from the log's error block only`);
    return null;
  }
}

/**
 * The `dockerfile` input's files: each `TARGET=PATH` line and the plain PATH. Without a readable
 * plain PATH, the Dockerfile the log's error block names, else `Dockerfile`, in the workspace.
 */
async function loadDockerfilesOrWarn(inputs: ActionInputs, workspace: string): Promise<DockerfileSet> {
  const targets = new Map<string, Dockerfile>();
  for (const [target, file] of inputs.targetDockerfiles) {
    const parsed = await readDockerfileOrWarn(file, `${target}=${file}`);
    if (parsed !== null) targets.set(target, parsed);
  }
  const dockerfile = inputs.dockerfile === null ? null : await readDockerfileOrWarn(inputs.dockerfile, inputs.dockerfile);
  if (dockerfile !== null) return { dockerfile, targets };
  return { dockerfile: null, targets, resolveDockerfile: (model) => fallbackDockerfile(model, workspace) };
}

/**
 * The build records `build-ref` selects: `auto`, the records created since the job started (the
 * pre step noted when), else the latest one; refs, each from the builder it names.
 */
async function readRecords(buildRef: BuildRefInput, env: NodeJS.ProcessEnv): Promise<BuildRecord[]> {
  if (buildRef.kind === 'auto') {
    const after = jobStartedAt(env);
    if (after === null) core.info('build-ref auto: no job start time (the pre step did not run): reading the latest build record');
    const { records, warnings } = await readBuildRecords({ refs: [], builder: null, sinceMs: null, after });
    for (const warning of warnings) core.warning(`buildkit-doctor: ${warning}`);
    return records;
  }
  const byBuilder = new Map<string | null, string[]>();
  for (const { ref, builder } of buildRef.refs) byBuilder.set(builder, [...(byBuilder.get(builder) ?? []), ref]);
  const records: BuildRecord[] = [];
  for (const [builder, refs] of byBuilder) {
    const read = await readBuildRecords({ refs, builder, sinceMs: null });
    for (const warning of read.warnings) core.warning(`buildkit-doctor: ${warning}`);
    records.push(...read.records);
  }
  return records;
}

async function analyse(inputs: ActionInputs, workspace: string, env: NodeJS.ProcessEnv = process.env): Promise<Analysed> {
  const ruleSet = await rulesFor(inputs);
  const dockerfiles = await loadDockerfilesOrWarn(inputs, workspace);
  const logs: NamedAnalysis[] = [];
  let buildExitCode: number | null = null;
  const problems: string[] = [];

  if (inputs.run !== null) {
    // The build's output streams live into the job log, fenced against workflow commands.
    // The build gets no INPUT_* variable and not the token (src/run/command-env.ts).
    const env = commandEnvironment(process.env, [inputs.githubToken]);
    const result = await runAndAnalyze(inputs.run, { output: process.stdout, fence: true, ...ruleSet, ...dockerfiles, stdin: 'ignore', env });
    buildExitCode = result.exitCode;
    logs.push({ name: 'run', analysis: result.analysis });
  }

  if (inputs.logFiles.length > 0) {
    let paths: string[] = [];
    try {
      paths = await expandLogPaths(inputs.logFiles.filter((p) => p !== '-'));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(error.message);
    }
    for (const file of paths) {
      try {
        // No standard input in an action: `-` was filtered out above, an empty stream stands in.
        const input = await openInput(file, new PassThrough().end());
        logs.push({ name: file, analysis: await analyzeStream(input, { ...ruleSet, ...dockerfiles }) });
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        problems.push(error.message);
      }
    }
  }

  // Build records: asked for, or `auto` when neither a log file nor a command is given.
  const buildRef = inputs.buildRef ?? (inputs.run === null && inputs.logFiles.length === 0 ? ({ kind: 'auto' } as const) : null);
  if (buildRef !== null) {
    try {
      for (const record of await readRecords(buildRef, env)) {
        core.info(describeRecord(record.facts));
        const analysis = await analyzeStream(Readable.from([Buffer.from(record.log)]), { ...ruleSet, ...recordDockerfiles(record.facts, dockerfiles) });
        logs.push({ name: `record ${record.facts.ref}${record.facts.name !== null ? ` (${record.facts.name})` : ''}`, analysis });
      }
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(error.message);
    }
  }

  for (const problem of problems) if (logs.length > 0) core.warning(`buildkit-doctor: ${problem}`);
  const models = logs.map((l) => l.analysis.model);
  for (const warning of models.length > 0 ? unknownTargetWarnings({ path: inputs.dockerfile, targets: inputs.targetDockerfiles }, models) : []) {
    core.warning(`buildkit-doctor: dockerfile: ${warning}`);
  }
  let noLog: string | null = null;
  if (logs.length === 0) {
    noLog = problems.length === 0 ? 'no log to analyse: set the log-file, run or build-ref input' : `no log to analyse: ${problems.join('; ')}`;
  }
  // The text report in the job log, as the CLI prints it; it quotes the build's lines, so it is fenced too.
  if (logs.length > 0) core.info(fenceText(renderLogs(logs, 'text', { color: false })).trimEnd());
  return { logs, noLog, buildExitCode, dockerfile: dockerfiles.dockerfile };
}

function emitAnnotations(plan: AnnotationPlan): void {
  for (const a of plan.annotations) {
    const properties = { title: a.properties.title, file: a.properties.file, startLine: a.properties.startLine };
    if (a.level === 'error') core.error(a.message, properties);
    else if (a.level === 'warning') core.warning(a.message, properties);
    else core.notice(a.message, properties);
  }
  const left = plan.omitted.error + plan.omitted.warning + plan.omitted.notice;
  core.info(`${plan.annotations.length} annotations${left ? `, ${left} more in the job summary` : ''}${plan.unlocated ? `, ${plan.unlocated} findings without a Dockerfile line (summary only)` : ''}`);
}

async function writeSummary(logs: NamedAnalysis[], plan: AnnotationPlan | null): Promise<void> {
  const { text, omitted } = renderJobSummary(logs, { annotations: plan });
  await core.summary.addRaw(text).write();
  core.info(`job summary written (${Buffer.byteLength(text)} bytes${omitted ? `, ${omitted} blocks left out to fit` : ''})`);
}

async function writeComment(logs: NamedAnalysis[], inputs: ActionInputs, env: NodeJS.ProcessEnv): Promise<void> {
  if (inputs.comment === 'never') {
    core.info('comment: never');
    return;
  }
  const payload = await readEventPayload(env.GITHUB_EVENT_PATH);
  const lookup = workflowRunLookup(env.GITHUB_EVENT_NAME, payload, env.GITHUB_REPOSITORY);
  if (pullRequestOf(env.GITHUB_EVENT_NAME, payload, env.GITHUB_REPOSITORY) === null && lookup === null) {
    core.info(`no pull request for the ${env.GITHUB_EVENT_NAME ?? 'unknown'} event: no comment`);
    return;
  }
  if (inputs.githubToken === '') {
    core.notice('buildkit-doctor: no github-token: no pull request comment (the job summary has the report)');
    return;
  }
  const retry = { ...DEFAULT_RETRY, onRetry: (error: GitHubApiError, attempt: number, delay: number) => core.info(`GitHub API: ${error.status ?? 'no response'} ${error.message}; retry ${attempt} in ${Math.round(delay / 1000)}s`) };
  // A workflow_run after a pull request's workflow (the fork recipe): find the PR by its head.
  const pullRequest: PullRequestRef | null = pullRequestOf(env.GITHUB_EVENT_NAME, payload, env.GITHUB_REPOSITORY) ?? (lookup ? await findPullRequest(inputs.githubToken, lookup, retry) : null);
  if (pullRequest === null) {
    core.info(`no open pull request for ${lookup?.head ?? 'this run'}: no comment`);
    return;
  }
  const rendered = renderComment(logs, inputs.commentKey, runLinkFromEnv(env));
  const api = octokitComments({
    token: inputs.githubToken,
    pullRequest,
    retry,
  });
  try {
    const result = await syncStickyComment(
      api,
      {
        marker: rendered.body.slice(0, rendered.body.indexOf('\n')),
        body: rendered.body,
        digest: rendered.digest,
        create: inputs.comment === 'always' || rendered.hasFindings,
      },
      { retry, onDeleteFailed: (id, error) => core.info(`could not delete the duplicate comment ${id}: ${describe(error)}`) },
    );
    core.info(commentOutcome(result, pullRequest.number));
  } catch (error) {
    const failure = commentFailure(error, pullRequest.number);
    if (failure.level === 'notice') core.notice(failure.text);
    else core.warning(failure.text);
  }
}

async function writeOutputs(logs: NamedAnalysis[], dockerfile: Dockerfile | null, inputs: ActionInputs, env: NodeJS.ProcessEnv): Promise<void> {
  const outputs = actionOutputs(logs);
  core.setOutput('error-count', String(outputs.errorCount));
  core.setOutput('warning-count', String(outputs.warningCount));
  core.setOutput('findings', outputs.findings);
  core.setOutput('retryable', String(outputs.retryable));
  if (logs.length === 0) return;
  // A directory of its own: two uses of the action in one job do not overwrite each other.
  const dir = await fs.mkdtemp(path.join(env.RUNNER_TEMP || os.tmpdir(), 'buildkit-doctor-'));
  const reportFile = path.join(dir, 'report.json');
  await fs.writeFile(reportFile, renderLogs(logs, 'json', { color: false }));
  core.setOutput('report-file', reportFile);
  const sarifFile = path.join(dir, 'report.sarif');
  await fs.writeFile(sarifFile, renderLogs(logs, 'sarif', { color: false, dockerfile: inputs.dockerfile ?? dockerfile?.path ?? null }));
  core.setOutput('sarif-file', sarifFile);
}

function failureMessage(findings: Finding[], inputs: ActionInputs): string {
  const counts = countBySeverity(findings);
  const parts = (['error', 'warning', 'notice'] as const).filter((l) => counts[l] > 0).map((l) => `${counts[l]} ${l}${counts[l] === 1 ? '' : 's'}`);
  const top = findings[0];
  const at = top?.location ? ` (${top.location.file}:${top.location.line})` : '';
  return `buildkit-doctor: ${parts.join(', ')} (fail-on: ${inputs.failOn})${top ? `: ${top.title}${at}` : ''}`;
}

async function runAction(env: NodeJS.ProcessEnv): Promise<void> {
  let inputs: ActionInputs;
  try {
    inputs = parseInputs((name) => core.getInput(name));
  } catch (error) {
    if (error instanceof InputError) return core.setFailed(`buildkit-doctor: ${error.message}`);
    throw error;
  }

  let analysed: Analysed;
  try {
    analysed = await core.group('Analyse the build log', () => analyse(inputs, env.GITHUB_WORKSPACE || process.cwd(), env));
  } catch (error) {
    // A rules file or an input the user wrote is wrong: theirs to fix, said in one line.
    if (error instanceof InputError) return core.setFailed(`buildkit-doctor: ${error.message}`);
    throw error;
  }
  const { logs, noLog, buildExitCode, dockerfile } = analysed;

  if (noLog !== null) {
    await reportingPhase('Outputs', () => writeOutputs(logs, dockerfile, inputs, env));
    if (inputs.ifNoLog === 'error') core.setFailed(`buildkit-doctor: ${noLog}`);
    else if (inputs.ifNoLog === 'warn') core.warning(`buildkit-doctor: ${noLog}`);
    else core.info(noLog);
    return;
  }

  const findings = logs.flatMap((l) => l.analysis.findings);
  let plan: AnnotationPlan | null = null;
  if (inputs.annotations) {
    await reportingPhase('Annotations', async () => {
      const workspace = env.GITHUB_WORKSPACE || process.cwd();
      // Only the build's Dockerfiles get annotations, whatever file the log names.
      const named = [...(inputs.dockerfile === null ? [] : [inputs.dockerfile]), ...inputs.targetDockerfiles.values()];
      const isBuildDockerfile = buildDockerfileTest(named, { cwd: process.cwd(), workspace });
      plan = planAnnotations(findings, { workspace, cwd: process.cwd(), isBuildDockerfile });
      emitAnnotations(plan);
    });
  }
  if (inputs.summary) await reportingPhase('Job summary', () => writeSummary(logs, plan));
  await reportingPhase('Pull request comment', () => writeComment(logs, inputs, env));
  await reportingPhase('Outputs', () => writeOutputs(logs, dockerfile, inputs, env));

  if (buildExitCode !== null && buildExitCode !== 0) {
    core.setFailed(`buildkit-doctor: the build command exited with code ${buildExitCode}`);
  } else if (failsOn(findings, inputs.failOn)) {
    core.setFailed(failureMessage(findings, inputs));
  }
}

export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  try {
    await runAction(env);
  } catch (error) {
    // Our own bug: the user's job must not fail or hang because of it.
    core.warning(
      `buildkit-doctor: internal error: ${describe(error)}. The step is not failed because of it. ` +
        'Please report it with this step\'s log (re-run with debug logging for the stack trace) and, if you can, the build log.',
    );
    core.debug(error instanceof Error && error.stack ? error.stack : String(error));
  }
}
