// The same check on the logs recorded with dockerd 28.5 + buildx 0.29 (fixtures/real/buildkit-0.25-dockerd-28.5/),
// in a file of its own so that it runs beside the older generations' check.
import { describe, it } from 'vitest';
import { checkRecorded } from './check-recorded.js';

describe('recorded real BuildKit logs, latest generation', () => {
  // 35 recorded runs of 28 cases (plain, cached, rawjson; tty logs are kept, not checked)
  it('every engine case holds on its recorded log (dockerd 28.5)', () => checkRecorded(['latest'], 35));
});
