// Types of what test/engine/run.mjs exports, for the unit tests that check the recorded logs.
export interface RecordedRun {
  /** `engine/file`, as the suite prints it. */
  label: string;
  recorded: boolean;
  /** The CLI arguments that print the log's JSON report. */
  args: string[];
  /** What is wrong with what the CLI gave (empty when nothing is). */
  problems(analysed: { report: unknown } | { error: string }): string[];
}
export declare function recordedRuns(engines: string[]): RecordedRun[];
export declare function reportOf(status: number | null, stdout: string, stderr: string): { report: unknown } | { error: string };
