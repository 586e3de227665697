// The pipeline in one place: lines → (redaction) → grammar → build model → rules → findings.
// One pass, streaming: nothing here keeps a line longer than the stage that needs it.
import type { Readable } from 'node:stream';
import { LogParser } from './grammar/log-parser.js';
import { BuildModelBuilder } from './model/build-model.js';
import type { BuildEvent } from './grammar/events.js';
import type { BuildModel } from './model/types.js';
import type { LogLine } from './lines/types.js';
import { RuleEngine } from './rules/engine.js';
import type { Rule } from './rules/schema.js';
import { enabledBuiltinRules } from './rules/builtin-rules.js';
import { Redactor } from './security/redact.js';
import { secretFindings } from './rules/secret-in-log.js';
import { stepsNotListedFinding } from './rules/steps-not-listed.js';
import { SharedScan } from './match/shared-scan.js';
import { readLogLines, type LineOptions } from './lines/read-lines.js';
import type { Dockerfile } from './dockerfile/dockerfile.js';
import { locateFindings } from './dockerfile/locate.js';
import { declaredBases } from './dockerfile/declared-bases.js';
import { runStaticChecks, withoutRepeats } from './dockerfile/checks/index.js';
import type { Analysis } from './report/analysis.js';
import { FactCollector } from './facts/collect-facts.js';
import { signalledPlace } from './facts/fact-view.js';

export interface AnalyzeOptions {
  /** The rule set; the built-in catalog when omitted. */
  rules?: Rule[];
  /** Report `security/secret-in-log` (default true; secrets are masked either way). */
  reportSecrets?: boolean;
  /** The parsed Dockerfile, when available, to put findings on their lines. */
  dockerfile?: Dockerfile | null;
  /** bake / compose targets' own Dockerfiles, by target name. */
  targets?: ReadonlyMap<string, Dockerfile>;
  /**
   * Without `dockerfile`: finds one once the log is read (the file its error block names, else
   * `Dockerfile`), called once at the end.
   */
  resolveDockerfile?: (model: BuildModel) => Dockerfile | null;
  lines?: LineOptions;
}

/** Push-based analyzer, for callers that already have lines (the `run` wrapper tees into it). */
export class Analyzer {
  /** One automaton pass per line serves the redactor, the facts and the rules. */
  private readonly scan = new SharedScan();
  private readonly redactor = new Redactor(this.scan);
  private readonly model = new BuildModelBuilder();
  private readonly facts = new FactCollector(this.scan);
  private readonly engine: RuleEngine;
  private readonly parser: LogParser;
  private lines = 0;

  constructor(private readonly options: AnalyzeOptions = {}) {
    this.engine = new RuleEngine(options.rules ?? enabledBuiltinRules(), this.scan);
    this.parser = new LogParser((raw: BuildEvent) => {
      const event = this.redactDecoded(raw);
      this.model.apply(event);
      this.facts.observe(event);
      this.engine.observe(event);
    });
  }

  /** Text a grammar decoded (rawjson's base64) was not in any line the redactor saw: redact it now. */
  private redactDecoded(event: BuildEvent): BuildEvent {
    if (event.type === 'step-output' && event.decoded) {
      const text = this.redactor.redact(event.text, event.line);
      return text === event.text ? event : { ...event, text };
    }
    if (event.type === 'lint-warning' && event.decoded) {
      const message = this.redactor.redact(event.message, event.line);
      return message === event.message ? event : { ...event, message };
    }
    return event;
  }

  pushLine(line: LogLine): void {
    this.lines = line.line;
    this.model.lineTime = line.at;
    const text = this.redactor.redact(line.text, line.line);
    if (line.compose !== undefined) this.facts.composeLine(line.compose, text, line.line);
    this.parser.push(text === line.text ? line : { ...line, text });
  }

  finish(): Analysis {
    this.parser.end();
    const model = this.model.finish(this.lines);
    const named = this.options.dockerfile != null;
    const dockerfile = this.options.dockerfile ?? this.options.resolveDockerfile?.(model) ?? null;
    const facts = this.facts.finish(model, dockerfile === null ? [] : declaredBases(dockerfile));
    const targets = this.options.targets ?? new Map<string, Dockerfile>();
    // The Dockerfile's own static checks run whenever it is known, even for a build that passed;
    // they come after the log's findings, which explain what happened to this build. Each
    // Dockerfile is checked once, however many targets build it.
    const secrets = this.options.reportSecrets === false ? [] : secretFindings(this.redactor);
    const notListed = stepsNotListedFinding(model);
    const fromLog = locateFindings([...this.engine.finish(model, facts), ...secrets, ...(notListed ? [notListed] : [])], model, dockerfile, { targets, named, unframedPlace: signalledPlace(facts) });
    const checked = new Map<string, Dockerfile>();
    for (const file of [dockerfile, ...targets.values()]) if (file !== null && !checked.has(file.path)) checked.set(file.path, file);
    const fromDockerfile = [...checked.values()].flatMap((file) => withoutRepeats(locateFindings(runStaticChecks(file), model, file, { targets, named: named && file === dockerfile }), fromLog));
    const findings = [...fromLog, ...fromDockerfile];
    return { model, facts, findings, dockerfiles: { dockerfile, targets } };
  }
}

/** Reads a whole stream (or any source of chunks) and analyses it. */
export async function analyzeStream(input: Readable | AsyncIterable<Buffer>, options: AnalyzeOptions = {}): Promise<Analysis> {
  const analyzer = new Analyzer(options);
  await readLogLines(input, (line) => analyzer.pushLine(line), options.lines);
  return analyzer.finish();
}
