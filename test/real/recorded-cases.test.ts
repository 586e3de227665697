// The engine suite's expectations, checked against the logs it recorded under fixtures/real/:
// every case's findings (rule id, Dockerfile line, step) hold without a Docker engine, through
// the CLI's own code (check-recorded.ts). The latest generation has a file of its own, so that the
// two checks run side by side.
import { describe, it } from 'vitest';
import { checkRecorded } from './check-recorded.js';

describe('recorded real BuildKit logs', () => {
  // the counts recorded when the cases were written: 57 runs on dockerd 26.1 and 20.10
  it('every engine case holds on its recorded log (dockerd 26.1, 20.10)', () => checkRecorded(['current', 'old'], 57));
});
