// Vitest's time limits, for both suites. They only stop a test that hangs: far above what any test
// takes, so that a busy machine (a shared runner, several builds at once) never fails a test that
// would pass on an idle one. No test checks speed with a clock.
export const hangGuard = { testTimeout: 900_000, hookTimeout: 900_000 } as const;

/** How long a process a test starts (the CLI, the action) may run before it counts as hung. */
export const CHILD_HANG_MS = 600_000;
