// The findings' boundary: what a rule, a Dockerfile check or the redactor concludes, exactly as it goes into the JSON report.

export type Severity = 'error' | 'warning' | 'notice';

export interface Location {
  /** Workspace-relative Dockerfile path. */
  file: string;
  /** 1-based. */
  line: number;
  endLine: number;
}

/** A finding, exactly as it goes into the JSON report (DESIGN.md). */
export interface Finding {
  ruleId: string;
  severity: Severity;
  title: string;
  message: string;
  /** Markdown with the concrete commands. */
  fix: string;
  /** Vertex id of the step, null for findings outside any step (static checks, solve errors). */
  step: number | null;
  location: Location | null;
  /** Matched log lines as they were in the log, less the frame, ANSI codes and CI prefix (secrets redacted). */
  evidence: string[];
  /** Link to the rule's documentation. */
  docs?: string;
  /** Command to reproduce the failure locally (build the stage with --target, open a shell). */
  reproduce?: string;
  /**
   * True when running the job again can help (a DNS failure, a registry 5xx or rate limit, a lost
   * runner); false for a failure that will happen again the same way (a compiler error).
   */
  retryable: boolean;
}

