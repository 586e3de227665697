// buildkit/daemon-connection-lost reads a status stream the daemon closed (`code = Unavailable`), not one the client
// canceled: `code = Canceled desc = context canceled` is the build stopped from the client's side, and saying the daemon
// crashed would send the reader to the wrong machine. The line is buildx 0.28.0's, from michimussato/OpenStudioLandscapes
// (a troubleshooting note quoting `docker buildx build --debug` output; its stack names buildkit's client/solve.go).
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyzeLog } from './support/analyze-log.js';
import { daemonConnectionLost } from '../../src/rules/catalog/buildkit/daemon-connection-lost.js';

const canceled = [
  '#38 9.295 running install',
  '#38 9.296 running build',
  '#38 9.296 running build_ext',
  'ERROR: failed to build: failed to receive status: rpc error: code = Canceled desc = context canceled',
].join('\n');

const read = (name: string): string => readFileSync(new URL(`../../fixtures/rules/buildkit/daemon-connection-lost/${name}`, import.meta.url), 'utf8');

describe('daemon-connection-lost and a canceled client', () => {
  test('code = Canceled (context canceled) is not the daemon lost', async () => {
    const ids = (await analyzeLog(canceled)).map((f) => f.ruleId);
    expect(ids).not.toContain('buildkit/daemon-connection-lost');
  });

  test('code = Unavailable (the connection closed under the client) still is', async () => {
    const ids = (await analyzeLog(read('match-devcontainer-inline-cache.log'))).map((f) => f.ruleId);
    expect(ids).toContain('buildkit/daemon-connection-lost');
  });

  // The 23.0.0 story needs the daemon's version: a package's `Version: 23.0.0` (nitransforms' PKG-INFO, as `pip show`
  // prints it) is not Docker's.
  test('a bare `Version: 23.0.0` is no Docker Engine 23.0.0', () => {
    const ctx = daemonConnectionLost.context?.find((c) => c.name === 'docker2300');
    const re = new RegExp(ctx!.pattern!, 'm');
    expect(re.test('Version: 23.0.0')).toBe(false);
  });
});
