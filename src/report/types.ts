// The JSON report's boundary, version 1 (DESIGN.md).
import type { FactName, ReportedFact } from '../facts/types.js';
import type { LogFormat, StepStatus } from '../grammar/events.js';
import type { Finding } from '../rules/finding.js';

/** The JSON report, version 1 (DESIGN.md). */
export interface Report {
  version: 1;
  build: {
    format: LogFormat;
    steps: number;
    failedStep: number | null;
    seconds: number | null;
    /** What the log proves about the build (CUDA, OS, Python, installer, …), each with its evidence line. */
    facts: Partial<Record<FactName, ReportedFact>>;
  };
  steps: {
    id: number;
    stage: string | null;
    index: number | null;
    total: number | null;
    instruction: string;
    status: StepStatus;
    seconds: number | null;
    cached: boolean;
    /** bake / compose target of the step (`[web builder 2/5]` → `web`), null in a plain build. */
    target: string | null;
    /** Platform the step builds for (`linux/arm64`), null when the log names none. */
    platform: string | null;
  }[];
  findings: Finding[];
}
