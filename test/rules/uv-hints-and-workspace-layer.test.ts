// uv's wordings: the distutils hint as uv 0.5.5 and later print it (a `hint:` with the names in backticks), and the
// workspace dependency layer whose fix leads with the form uv's Docker guide gives (`--frozen --no-install-workspace`).
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyzeLog, findingOf } from './support/analyze-log.js';

// astral-sh/uv, crates/uv-build-frontend/src/error.rs, test `missing_distutils` (uv's own snapshot of the message it prints
// since astral-sh/uv#9340): the hint line alone, as a log cut to its last line keeps it.
const uvHintNewForm =
  'hint: `distutils` was removed from the standard library in Python 3.12. Consider adding a constraint (like `pygraphviz >1.11`) to avoid building a version of `pygraphviz` that depends on `distutils`.\n';

const workspaceLayer = readFileSync(
  new URL('../../fixtures/rules/pip/uv-workspace-member-missing/match-uv-sync-member-not-mounted-16200.log', import.meta.url),
  'utf8',
);

describe("uv's distutils hint, backticked form", () => {
  test('the hint line alone is read, with the package and version uv names', async () => {
    const f = await findingOf('pip/distutils-removed', uvHintNewForm);
    expect(f.message).toContain('uv built pygraphviz 1.11 from source');
  });

  test('pip/build-isolation does not claim it', async () => {
    const ids = (await analyzeLog(uvHintNewForm)).map((x) => x.ruleId);
    expect(ids).not.toContain('pip/build-isolation');
  });
});

describe('uv workspace member missing in the dependency layer (astral-sh/uv#16200)', () => {
  test("the fix leads with the guide's --frozen layer, and the member mounts are the way to keep --locked", async () => {
    const f = await findingOf('pip/uv-workspace-member-missing', workspaceLayer);
    const frozen = f.fix.indexOf('uv sync --frozen --no-install-workspace');
    const mount = f.fix.indexOf('--mount=type=bind,source=foo/pyproject.toml');
    expect(frozen).toBeGreaterThanOrEqual(0);
    expect(mount).toBeGreaterThan(frozen);
    // the guide has no member mount line (astral-sh/uv#16787 dropped it before merging)
    expect(f.fix).not.toContain("guide's line");
  });
});
