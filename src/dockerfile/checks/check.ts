// What a static Dockerfile check is, and the helpers every check shares to turn an instruction
// into a finding. Checks are pure functions of the parsed Dockerfile: no file system, no network.
import type { Finding, Severity } from '../../rules/finding.js';
import type { Dockerfile, DockerfileInstruction, DockerfileStage } from '../dockerfile.js';

export interface StaticCheckMeta {
  /** `dockerfile/<name>`. */
  id: string;
  title: string;
  severity: Severity;
  docs?: string;
}

export interface StaticCheck extends StaticCheckMeta {
  /**
   * Log rules that report the same problem once the build has run into it: when the log has one
   * of them, this check's finding on the same line would only say it again, so it is left out.
   */
  sameProblemAs?: readonly string[];
  check(dockerfile: Dockerfile): Finding[];
}

/** Evidence lines are capped like log evidence: an instruction can be a 200-line RUN. */
const MAX_EVIDENCE_CHARS = 300;

export function evidenceOf(instruction: DockerfileInstruction): string {
  const text = instruction.text;
  return text.length > MAX_EVIDENCE_CHARS ? `${text.slice(0, MAX_EVIDENCE_CHARS)}…` : text;
}

export function findingAt(
  meta: StaticCheckMeta,
  dockerfile: Dockerfile,
  at: DockerfileInstruction,
  text: { message: string; fix: string; title?: string },
  evidence: DockerfileInstruction[] = [at],
): Finding {
  const finding: Finding = {
    ruleId: meta.id,
    severity: meta.severity,
    title: text.title ?? meta.title,
    message: text.message,
    fix: text.fix,
    step: null,
    location: { file: dockerfile.path, line: at.line, endLine: at.endLine },
    evidence: evidence.map(evidenceOf),
    retryable: false,
  };
  if (meta.docs !== undefined) finding.docs = meta.docs;
  return finding;
}

/** The image a stage really starts from, following `FROM <earlier stage>` back to an image. */
export function baseImageOf(stage: DockerfileStage, dockerfile: Dockerfile): string {
  let current = stage;
  for (let hops = 0; current.baseStage !== null && hops < dockerfile.stages.length; hops++) {
    current = dockerfile.stages[current.baseStage]!;
  }
  return current.from;
}

/** The stages whose chain of `FROM <stage>` leads to `stage`, itself first. */
export function stageChain(stage: DockerfileStage, dockerfile: Dockerfile): DockerfileStage[] {
  const chain = [stage];
  let current = stage;
  while (current.baseStage !== null && chain.length <= dockerfile.stages.length) {
    current = dockerfile.stages[current.baseStage]!;
    chain.push(current);
  }
  return chain;
}

/** Inline code for Markdown: the fence is longer than any backtick run inside. */
export { codeSpan as code } from '../../security/markdown-escape.js';

/** The RUN's shell source: its arguments and its heredoc bodies. */
export function runSource(instruction: DockerfileInstruction): string {
  return [instruction.json === null ? instruction.args : instruction.json.join(' '), ...instruction.heredocs.map((h) => h.content)].join('\n');
}
