// build/git-submodule-clone-failed: what it must not take, and the fix it gives for a `git://` URL.
import { describe, expect, test } from 'vitest';
import { analyzeLog } from './support/analyze-log.js';

const id = 'build/git-submodule-clone-failed';

describe('build/git-submodule-clone-failed', () => {
  test("a first failure git retries is no finding on its own (zalando/spilo#384's line)", async () => {
    const ids = (await analyzeLog("Failed to clone 'jsmn'. Retry scheduled\n")).map((f) => f.ruleId);
    expect(ids).not.toContain(id);
  });

  test('a submodule that cloned is no finding (bosagora/agora#1569, BuildKit lines)', async () => {
    const log = [
      "#1 10.11 Submodule path 'submodules/barcode': checked out '5a3474f1d5d9c4ba07c40ee25814b2dc628c5656'",
      "#1 10.13 Submodule path 'submodules/base32': checked out 'd08059dbc17c7f7ca48c0b3b7be5791ddc20eca0'",
      '',
    ].join('\n');
    const ids = (await analyzeLog(log)).map((f) => f.ruleId);
    expect(ids).not.toContain(id);
  });

  test('a git:// URL gets the rewrite to HTTPS, with the URL from the log (zalando/spilo#384)', async () => {
    const log = [
      "fatal: clone of 'git://github.com/zserge/jsmn.git' into submodule path '/builddeps/pam-oauth2/jsmn' failed",
      "Failed to clone 'jsmn'. Retry scheduled",
      '',
    ].join('\n');
    const f = (await analyzeLog(log)).find((x) => x.ruleId === id);
    expect(f).toBeDefined();
    expect(f!.fix).toContain('git config --global url."https://github.com/".insteadOf git://github.com/');
    expect(f!.fix).toContain('git://github.com/zserge/jsmn.git');
  });

  test('a nested submodule: the commands run in its parent (triton-inference-server/tensorrtllm_backend#717)', async () => {
    const log = [
      "Failed to clone '3rdparty/NVTX' a second time, aborting",
      "fatal: Failed to recurse into submodule path 'tensorrt_llm'",
      '',
    ].join('\n');
    const f = (await analyzeLog(log)).find((x) => x.ruleId === id);
    expect(f).toBeDefined();
    expect(f!.fix).toContain('cd tensorrt_llm ');
    expect(f!.fix).toContain('sub=3rdparty/NVTX\n');
    expect(f!.fix).toContain('git ls-tree HEAD "$sub"');
    // no URL in these lines: it is read from the parent's .gitmodules
    expect(f!.fix).toContain('git ls-remote "$(git config -f .gitmodules --get "submodule.$sub.url")"');
    expect(f!.message).toContain('`3rdparty/NVTX` (of `tensorrt_llm`)');
  });
});
