// SARIF 2.1.0 (`--format sarif`, the action's `sarif-file`), ready for
// `github/codeql-action/upload-sarif`.
//
// - One run for all the logs analysed together: code scanning rejects a file with several runs of
//   the same tool and category.
// - Rules are the ones the findings name, described from the findings themselves (title, fix as
//   help, docs as helpUri, severity as the default level): the reporter never sees the catalog.
// - Every result has a location, because code scanning drops results without one. A finding that
//   no Dockerfile line explains (the build as a whole, a secret printed somewhere in the log) is
//   pinned to line 1 of the Dockerfile — the one given with `--dockerfile`, else the file other
//   findings of the same log name, else `Dockerfile` — and says so in its message and in
//   `properties.locationKnown: false`. So is a finding on a file that is not a Dockerfile (a log's
//   error block can name `.github/workflows/ci.yml:1` or `.env`): code scanning would raise an
//   alert on that file.
// - partialFingerprints hold a hash of what identifies the problem across runs (rule, Dockerfile,
//   the step's instruction, the title), not of line numbers or timings, so that an alert survives
//   an edit above it and a rerun of the build.
import { IMPLICIT_STEP_ID } from '../grammar/implicit-step.js';
import { createRequire } from 'node:module';
import type { Analysis } from './analysis.js';
import type { Finding, Location, Severity } from '../rules/finding.js';
import { VERSION } from '../version.js';
import { isDockerfileName } from '../dockerfile/build-dockerfiles.js';

// Loaded on first use: most runs never need it, and Node compiles each built-in module it loads.
const nodeRequire = createRequire(import.meta.url);

export interface SarifOptions {
  /** The Dockerfile the build used, workspace-relative: where build-wide findings are pinned. */
  dockerfile?: string | null;
}

export type SarifLevel = 'error' | 'warning' | 'note';

interface SarifMessage {
  text: string;
  markdown?: string;
}

export interface SarifRule {
  id: string;
  name: string;
  shortDescription: SarifMessage;
  fullDescription: SarifMessage;
  help: SarifMessage;
  helpUri?: string;
  defaultConfiguration: { level: SarifLevel };
  properties: { tags: string[] };
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: SarifMessage;
  locations: {
    physicalLocation: {
      artifactLocation: { uri: string };
      region: { startLine: number; endLine: number };
    };
  }[];
  partialFingerprints: Record<string, string>;
  properties: { locationKnown: boolean; step: number | null; retryable: boolean; evidence: string[] };
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: {
    tool: {
      driver: {
        name: string;
        semanticVersion: string;
        informationUri?: string;
        rules: SarifRule[];
      };
    };
    results: SarifResult[];
  }[];
}

const SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
const FINGERPRINT_KEY = 'buildkitDoctor/v1';
/** Evidence lines kept per result (the JSON report has them all). */
const MAX_EVIDENCE = 10;

const LEVELS: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', notice: 'note' };

/** `cmake/cupti-library-notfound` → `CmakeCuptiLibraryNotfound`: SARIF's readable rule name. */
export function ruleName(ruleId: string): string {
  return ruleId
    .split(/[/-]/)
    .filter((part) => part !== '')
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

/** A workspace-relative path as a URI reference: forward slashes, each segment percent-encoded. */
export function pathToUri(file: string): string {
  return file
    .replace(/\\/g, '/')
    .replace(/^\.\//, '')
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

function describeRule(finding: Finding): SarifRule {
  const family = finding.ruleId.split('/')[0] ?? finding.ruleId;
  const rule: SarifRule = {
    id: finding.ruleId,
    name: ruleName(finding.ruleId),
    shortDescription: { text: finding.title },
    fullDescription: { text: finding.title },
    help: { text: finding.fix || finding.title, markdown: finding.fix || finding.title },
    defaultConfiguration: { level: LEVELS[finding.severity] },
    properties: { tags: ['docker', 'build', family] },
  };
  if (finding.docs) rule.helpUri = finding.docs;
  return rule;
}

/** The finding's location when it is on a Dockerfile of the build (the one given, or one named like one). */
function dockerfileLocation(finding: Finding, options: SarifOptions): Location | null {
  const file = finding.location?.file;
  return file !== undefined && (file === options.dockerfile || isDockerfileName(file)) ? finding.location : null;
}

function fallbackDockerfile(analysis: Analysis, options: SarifOptions): string {
  if (options.dockerfile) return options.dockerfile;
  const named = analysis.findings.map((f) => dockerfileLocation(f, options)).find((l) => l !== null)?.file;
  return named ?? 'Dockerfile';
}

function messageText(finding: Finding, located: boolean): string {
  const parts = [finding.message || finding.title];
  if (!located) parts.push('(No Dockerfile line is known for this finding: it is shown on the first line.)');
  return parts.join('\n\n');
}

function fingerprint(finding: Finding, file: string, instruction: string): string {
  const { createHash } = nodeRequire('node:crypto') as typeof import('node:crypto');
  return createHash('sha256')
    .update([finding.ruleId, file, instruction, finding.title].join('\u0000'))
    .digest('hex')
    .slice(0, 32);
}

/** One SARIF log for the analyses of one or more build logs. */
export function renderSarif(analyses: Analysis[], options: SarifOptions = {}): SarifLog {
  const rules: SarifRule[] = [];
  const ruleIndex = new Map<string, number>();
  const results: SarifResult[] = [];
  const seenPrints = new Map<string, number>();

  for (const analysis of analyses) {
    const fallback = fallbackDockerfile(analysis, options);
    const instructions = new Map(analysis.model.steps.map((s) => [s.id, s.instruction] as const));
    for (const finding of analysis.findings) {
      let index = ruleIndex.get(finding.ruleId);
      if (index === undefined) {
        index = rules.length;
        ruleIndex.set(finding.ruleId, index);
        rules.push(describeRule(finding));
      }
      const known = dockerfileLocation(finding, options);
      const location: Location = known ?? { file: fallback, line: 1, endLine: 1 };
      const file = pathToUri(location.file);
      // The same problem twice in one upload (two logs of one build) keeps distinct fingerprints.
      const base = fingerprint(finding, file, finding.step !== null ? (instructions.get(finding.step) ?? '') : '');
      const occurrence = (seenPrints.get(base) ?? 0) + 1;
      seenPrints.set(base, occurrence);
      results.push({
        ruleId: finding.ruleId,
        ruleIndex: index,
        level: LEVELS[finding.severity],
        message: { text: messageText(finding, known !== null) },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: file },
              region: { startLine: Math.max(1, location.line), endLine: Math.max(location.line, location.endLine, 1) },
            },
          },
        ],
        partialFingerprints: { [FINGERPRINT_KEY]: `${base}:${occurrence}` },
        properties: {
          locationKnown: known !== null,
          step: finding.step === IMPLICIT_STEP_ID ? null : finding.step,
          retryable: finding.retryable,
          evidence: finding.evidence.slice(0, MAX_EVIDENCE),
        },
      });
    }
  }

  return {
    $schema: SCHEMA_URI,
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'buildkit-doctor', semanticVersion: VERSION, rules } }, results }],
  };
}
