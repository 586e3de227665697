// The lines stage's boundary: one clean line of the log, as every later stage receives it.

export interface LogLine {
  text: string;
  /** 1-based line number in the raw input (after splitting on \n). */
  line: number;
  /** True when the raw line was longer than the per-line cap and `text` was cut. */
  truncated?: boolean;
  /** Wall-clock time (epoch ms) a CI system stamped on the line, when it did. */
  at?: number;
  /** The docker compose prefix the line stage took off the line (clean-line.ts composeOfLastClean), when it had one. */
  compose?: { printed: string; service: string };
}
