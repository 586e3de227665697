// The typed boundaries between the pipeline's stages. Every stage imports from here, never from
// another stage's internals: lines → events → build model → rules → findings → reporters.

/** Which grammar a log (or a part of it) was written in. */
export type LogFormat =
  | 'buildkit-plain' // `--progress=plain`: `#12 [builder 3/7] RUN …`
  | 'buildkit-tty' // the tty error box that users paste: `=> ERROR [builder 3/7] RUN …`
  | 'buildkit-rawjson' // `--progress=rawjson`: NDJSON SolveStatus
  | 'classic' // the legacy builder: `Step 7/10 : RUN …`
  | 'buildah' // podman build / buildah bud: `[1/2] STEP 3/7: RUN …`
  | 'plain-text' // tool output with no framing: one implicit step
  | 'unknown'; // nothing recognised (empty or binary input)

/** A clean line: ANSI codes, CR/LF and CI prefixes removed, with its place in the raw input. */
export interface LogLine {
  text: string;
  /** 1-based line number in the raw input (after splitting on \n). */
  line: number;
  /** True when the raw line was longer than the per-line cap and `text` was cut. */
  truncated?: boolean;
  /** Wall-clock time (epoch ms) a CI system stamped on the line, when it did. */
  at?: number;
}

import type { FactName, ReportedFact } from '../facts/types.js';
import type { Download } from './downloads.js';

/** What a step header says about a step. */
export interface StepHeader {
  /** BuildKit's vertex number `#N`, the classic builder's step number, or a number given to a rawjson digest. */
  id: number;
  /** Stage name (`builder`) or `stage-2`; null for `[internal] …` vertices and unknown. */
  stage: string | null;
  /** k of `[stage k/n]`, null when not printed. */
  index: number | null;
  /** n of `[stage k/n]`. */
  total: number | null;
  /** The instruction as printed: `RUN python setup.py build`, `load metadata for docker.io/…`. */
  instruction: string;
  /** `linux/arm64` when the header names a platform. */
  platform: string | null;
  /** bake / compose target prefix (`[web builder 2/5]` in a bake log → `web`), null otherwise. */
  target: string | null;
  /** `[internal] load build definition`, `resolve image config`, … : not a Dockerfile instruction. */
  internal: boolean;
}

export type StepStatus = 'done' | 'cached' | 'error' | 'canceled' | 'running';

export interface SolveError {
  /** Dockerfile name as printed (`Dockerfile`, `Dockerfile.repro`, `docker/cuda.Dockerfile`), null if absent. */
  dockerfile: string | null;
  /**
   * 1-based first line of the failing instruction, from the excerpt; without one, the line a
   * parse error names in its message (`dockerfile parse error line 3: …`); else null.
   */
  line: number | null;
  /** 1-based last line of the failing instruction (continuations), null if unknown. */
  endLine: number | null;
  /** The `>>>` lines of the excerpt, without the `  60 | >>> ` frame. */
  excerpt: string[];
  /** The final message: `process "/bin/sh -c …" did not complete successfully: exit code: 1`. */
  message: string;
  /** Exit code of the failed process when the message names one. */
  exitCode: number | null;
  /** Vertex id of the failed step when it can be told (` > [builder 5/6] RUN …:` matched to a step). */
  step: number | null;
}

export type BuildEvent =
  | { type: 'format'; format: LogFormat }
  /** A step the grammar did not register: MAX_STEPS were already (the model says so in the report). */
  | { type: 'step-not-listed'; line: number; id: number }
  | {
      type: 'step-started';
      line: number;
      header: StepHeader;
      /** Wall-clock start (epoch ms) when the format gives one (rawjson), absent otherwise. */
      startedAt?: number;
    }
  | {
      type: 'step-output';
      line: number;
      id: number;
      /** Seconds since the step started, as printed (`#12 3.456 text`), null when not printed. */
      seconds: number | null;
      text: string;
      /** 'stderr' / 'stdout' when the format says (rawjson), null otherwise. */
      stream?: 'stdout' | 'stderr' | null;
      /**
       * True for a line of the closing error box that repeats a line already streamed for this step:
       * rules skip it so one error is not counted twice.
       */
      echo?: boolean;
      /**
       * True when the text was decoded from an encoded record (rawjson's base64 log data) and so
       * was not in the raw line the redactor saw: the analyzer redacts it before other stages.
       */
      decoded?: boolean;
      /**
       * True for a BuildKit progress status line of the step (`transferring context: 2B done`,
       * `sha256:… 1.2MB / 3.4MB 0.5s`): not the step's own output, so the build model neither
       * counts it in `outputLines` nor keeps it in the tail.
       */
      status?: boolean;
    }
  /** `endedAt` on the four ends of a step: wall-clock end (epoch ms) when the format gives one (rawjson). */
  | { type: 'step-done'; line: number; id: number; seconds: number | null; endedAt?: number }
  | { type: 'step-cached'; line: number; id: number; endedAt?: number }
  | { type: 'step-error'; line: number; id: number; seconds: number | null; message: string; endedAt?: number }
  | { type: 'step-canceled'; line: number; id: number; seconds: number | null; endedAt?: number }
  /** `[output clipped, log limit 2MiB reached]`. */
  | { type: 'log-clipped'; line: number; id: number | null; text: string }
  /** One entry of BuildKit's warnings summary: ` - JSONArgsRecommended: … (line 12)`. */
  | {
      type: 'lint-warning';
      line: number;
      rule: string;
      message: string;
      dockerfileLine: number | null;
      /** As on step-output: decoded from base64 (rawjson), to be redacted by the analyzer. */
      decoded?: boolean;
    }
  | { type: 'solve-error'; line: number; error: SolveError }
  /** A line outside any step: unframed tool output, the final `ERROR:` lines, compose noise. */
  | { type: 'text'; line: number; text: string };

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
  /** The wheels pip downloaded, per step, with their time (src/model/downloads.ts); absent when not read. */
  downloads?: Download[];
  /**
   * Steps beyond the MAX_STEPS the model keeps (src/model/framing.ts): the log line of the first
   * one left out, and how many were (counted up to MAX_STEPS). Null or absent when none were.
   */
  stepsNotListed?: { fromLine: number; count: number } | null;
}

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
