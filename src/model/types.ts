// The build model's boundary: the steps of the build and what the log said about them.
import type { LogFormat, SolveError, StepHeader, StepStatus } from '../grammar/events.js';
import type { Download } from './downloads.js';

/** A step of the build model. */
export interface Step extends StepHeader {
  status: StepStatus;
  /** Duration in seconds (`#12 DONE 1.2s`, or the last output timestamp), null when unknown. */
  seconds: number | null;
  /**
   * Estimated start and end on the build's own clock (seconds since the first step started):
   * exact for rawjson, estimated from print order and durations for plain progress.
   */
  start: number | null;
  end: number | null;
  cached: boolean;
  /** The step's error message (`#12 ERROR: …`). */
  error: string | null;
  /** Exit code when the error names one. */
  exitCode: number | null;
  /** Raw line numbers of the header and of the last line seen for this step. */
  firstLine: number;
  lastLine: number;
  /** The last output lines (bounded ring buffer, oldest first). */
  tail: string[];
  /** How many output lines the step printed in all. */
  outputLines: number;
  /** True when BuildKit clipped this step's output. */
  clipped: boolean;
  /** The image the legacy builder committed for this step (` ---> 9f8e7d6c5b4a`), when the log shows it. */
  image?: string;
}

export interface BuildModel {
  format: LogFormat;
  /** Steps in order of first appearance. */
  steps: Step[];
  /** The solve error from the closing block, when there is one. */
  solveError: SolveError | null;
  /** The step the build died of, or null. */
  failedStep: number | null;
  /** Total build time in seconds (sum of the build's wall clock when known), null when unknown. */
  seconds: number | null;
  /** Cached / (cached + executed) over Dockerfile steps, null when there are none. */
  cacheHitRatio: number | null;
  lintWarnings: { rule: string; message: string; dockerfileLine: number | null }[];
  /** Lines read, and whether anything recognisable was found. */
  lines: number;
  /**
   * Raw line number of a CI runner's `The operation was canceled.` (GitHub Actions'
   * `##[error]The operation was canceled.`: the job was canceled or hit its time limit), null or
   * absent when the log has none.
   */
  jobCanceled?: number | null;
  /**
   * Raw line number of the (first) solve error, absent when there is none: a finding read from the solve error alone
   * (apt's exit 100 in its message) is placed there among the findings of the lines around it.
   */
  solveErrorAt?: number;
  /** Raw line number of the legacy builder's `Successfully built …`; absent when the log has none. */
  succeededAt?: number;
  /**
   * The tty display's last screen when it did not close: `[+] Building 1.2s (10/12)` with no
   * ` FINISHED` and vertices to go (raw line, done, total); absent otherwise.
   */
  displayOpen?: { line: number; done: number; total: number };
  /** The wheels pip downloaded, per step, with their time (src/model/downloads.ts); absent when not read. */
  downloads?: Download[];
  /**
   * Steps beyond the MAX_STEPS the model keeps (src/grammar/framing.ts): the log line of the first
   * one left out, and how many were (counted up to MAX_STEPS). Null or absent when none were.
   */
  stepsNotListed?: { fromLine: number; count: number } | null;
  /**
   * A failure that no step holds (no failed step; a solve error): the last lines printed outside any
   * step before BuildKit's error, where its cause is when the log was cut around the error box.
   * Absent otherwise.
   */
  outsideLines?: string[];
}
