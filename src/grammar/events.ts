// The grammars' boundary: the events every log format is turned into (DESIGN.md, data flow).

/** Which grammar a log (or a part of it) was written in. */
export type LogFormat =
  | 'buildkit-plain' // `--progress=plain`: `#12 [builder 3/7] RUN …`
  | 'buildkit-tty' // the tty error box that users paste: `=> ERROR [builder 3/7] RUN …`
  | 'buildkit-rawjson' // `--progress=rawjson`: NDJSON SolveStatus
  | 'classic' // the legacy builder: `Step 7/10 : RUN …`
  | 'buildah' // podman build / buildah bud: `[1/2] STEP 3/7: RUN …`
  | 'plain-text' // tool output with no framing: one implicit step
  | 'unknown'; // nothing recognised (empty or binary input)


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
  /** `[context cuda] load from client`: the named build context (`--build-context cuda=…`) this vertex loads. */
  namedContext?: string;
  /**
   * How the log itself numbers the step, for the report to name it the same way: absent for
   * BuildKit's `#N` (id is N), `classic` for the classic builder's `Step k/n :` (id is k), `none`
   * when the log prints no number (tty display, a pasted error box, buildah's failure line): the id
   * is then ours and is never shown as if the log had printed it.
   */
  numbering?: 'classic' | 'none';
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
       * True for unframed text that came with BuildKit's elapsed seconds in front (`138.5 Killed`, a piece of BuildKit's
       * error box pasted without its header), which were taken off: a sign the text is a BuildKit step's output.
       */
      stamped?: boolean;
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
      /**
       * True when the line completes the step's previous one: BuildKit printed a partial line (no
       * newline yet) when another vertex took over, and prints it whole, under the same time, when
       * the step resumes. The build model replaces the partial line instead of counting a new one.
       */
      resumes?: boolean;
    }
  /** `endedAt` on the four ends of a step: wall-clock end (epoch ms) when the format gives one (rawjson). */
  | { type: 'step-done'; line: number; id: number; seconds: number | null; endedAt?: number }
  | { type: 'step-cached'; line: number; id: number; endedAt?: number }
  /** The legacy builder's `Successfully built 9f8e7d6c5b4a`: the build ran to its end. */
  | { type: 'build-succeeded'; line: number }
  /**
   * BuildKit's tty header, `[+] Building 1.2s (10/12)`: vertices done of those known so far, and
   * ` FINISHED` once the display closed (a failed build's last screen says it too).
   */
  | { type: 'tty-progress'; line: number; done: number; total: number; finished: boolean }
  /** The legacy builder's image of a finished step (` ---> 9f8e7d6c5b4a`): it stays on the machine that built. */
  | { type: 'step-image'; line: number; id: number; image: string }
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
  /** `text`: the final line as printed, lead and all (`buildx failed with: ERROR: …`); absent when the log ended before it. */
  | { type: 'solve-error'; line: number; error: SolveError; text?: string }
  /** A line outside any step: unframed tool output, the final `ERROR:` lines, compose noise. */
  | { type: 'text'; line: number; text: string };

