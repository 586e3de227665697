// uv reads `[tool.uv.sources]` and a package there is `{ workspace = true }`, but uv found no workspace member of that name:
// `` `my-dep` references a workspace in `tool.uv.sources` (e.g., `my-dep = { workspace = true }`), but is not a workspace
// member`` (uv's lowering error `UndeclaredWorkspacePackage`, crates/uv-distribution, under `Failed to parse entry: `my-dep``
// and `Failed to build `app @ file:///app``). uv finds the members by the `members` globs of `[tool.uv.workspace]` and each
// member's own pyproject.toml; in an image build the dependency layer that bind-mounts (or copies) only the root
// pyproject.toml and uv.lock has none of them (astral-sh/uv#16200: `uv sync --locked --no-install-project
// --no-install-workspace` with those two mounts). Not a build backend failure: nothing was compiled.
// The fixes. uv's Docker guide ("Intermediate layers in workspaces", added by astral-sh/uv#16787, docs/guides/integration/
// docker.md): `uv sync --frozen --no-install-workspace` in that layer, with only the root pyproject.toml and uv.lock mounted
// ("uv cannot assert that the uv.lock file is up-to-date without each of the workspace member pyproject.toml files, so we
// use --frozen instead of --locked"), and `--locked` on the later full `uv sync` to catch a stale lock; the maintainer had
// recommended the same in #16200. A draft of #16787 mounted each member's pyproject.toml instead and was changed to
// `--frozen` before merging; that other way keeps `--locked` in the layer (the #16200 reporter's choice; astral-sh/uv#6685's
// passing reproducer adds each member's pyproject.toml before `uv sync --no-install-workspace --locked`).
import type { RuleInput } from '../../schema.js';

const MESSAGE =
  '`{member}` is a workspace source in `[tool.uv.sources]` (`{member} = {{ workspace = true }}`), but uv found no workspace member ' +
  'of that name. uv finds members by the `members` globs of `[tool.uv.workspace]` in the root pyproject.toml and by each ' +
  "member's own pyproject.toml, so a member whose pyproject.toml is not there when uv runs is missing. Nothing was built: " +
  "uv stopped reading the project's requirements.";

const LAYER_MESSAGE =
  MESSAGE.replace(' Nothing was built:', ' This step gives uv only the root pyproject.toml and uv.lock (its mounts), not the member\'s pyproject.toml. Nothing was built:');

const FROZEN =
  'Or use `--frozen` instead of `--locked` in the dependency layer, as uv\'s Docker guide does for a workspace ("Intermediate layers ' +
  'in workspaces"): uv then installs what uv.lock lists without checking it against the members, and the later full ' +
  '`uv sync --locked`, with the whole project copied in, still catches a stale lock.';

/** The guide's dependency layer for a workspace: `--frozen`, then what keeping `--locked` takes instead. */
const FROZEN_FIRST = [
  'Use `--frozen` instead of `--locked` in this dependency layer, as uv\'s Docker guide does for a workspace ("Intermediate layers in ' +
    'workspaces"): uv then installs what uv.lock lists without checking it against the members\' pyproject.toml files, and the later ' +
    'full `uv sync --locked`, with the whole project copied in, still catches a stale lock. Keep `--no-install-workspace`, so this layer ' +
    'installs only the third-party dependencies:',
  '',
  '```dockerfile',
  '    uv sync --frozen --no-install-workspace',
  '```',
  '',
];

const FIND_DIR =
  "The member's directory is the entry of `members` under `[tool.uv.workspace]` in the root pyproject.toml that holds " +
  '`{member}` (`grep -rl \'name = "{member}"\' --include=pyproject.toml .` finds it).';

export const uvWorkspaceMemberMissing: RuleInput = {
  id: 'pip/uv-workspace-member-missing',
  title: 'uv workspace member missing: its pyproject.toml is not in the build',
  severity: 'error',
  match: [
    // the line wraps inside the example in uv's boxed output (`… (e.g., `my-dep = {` / `workspace = true }`), but is …`)
    {
      literals: ['references a workspace in `tool.uv.sources`'],
      pattern: '`(?<member>[A-Za-z0-9][\\w.-]{0,100})` references a workspace in `tool\\.uv\\.sources`',
    },
  ],
  context: [
    // the RUN mounts the root pyproject.toml (uv's Docker guide's dependency layer)
    { name: 'bindRoot', source: 'instruction', literals: ['source=pyproject.toml'], pattern: '--mount=type=bind,source=pyproject\\.toml' },
  ],
  scope: 'step',
  only: 'failed-step',
  specificity: 3,
  message: MESSAGE,
  fix: [
    'Put each workspace member\'s pyproject.toml where the root pyproject.toml\'s `members` says, before uv runs (in an image build, ' +
      'a `COPY` of the member\'s pyproject.toml to the same path, or a bind mount of it in the `uv sync` step). ' + FIND_DIR,
    '',
    FROZEN,
  ].join('\n'),
  variants: [
    {
      when: 'bindRoot&fact.place=image-build',
      message: LAYER_MESSAGE,
      fix: [
        ...FROZEN_FIRST,
        "To keep `--locked` in this layer, give uv each member's pyproject.toml instead: one more bind mount per member in this `RUN`, " +
          "beside the root one, source and target the member's pyproject.toml relative to the build context (for a member in `foo/`):",
        '',
        '```dockerfile',
        '    --mount=type=bind,source=foo/pyproject.toml,target=foo/pyproject.toml \\',
        '```',
        '',
        FIND_DIR,
      ].join('\n'),
    },
    {
      // an image build whose failing RUN the log does not frame (a pasted error): both forms of the dependency layer
      when: 'fact.place=image-build',
      fix: [
        ...FROZEN_FIRST,
        "To keep `--locked` in that layer, give uv each member's pyproject.toml instead, beside the root one: if the `RUN` bind-mounts " +
          "pyproject.toml and uv.lock, one more mount per member, source and target the member's pyproject.toml relative to the build " +
          'context (for a member in `foo/`):',
        '',
        '```dockerfile',
        '    --mount=type=bind,source=foo/pyproject.toml,target=foo/pyproject.toml \\',
        '```',
        '',
        'If it copies them instead, copy each member\'s with them (`COPY foo/pyproject.toml foo/pyproject.toml` for that member). ' + FIND_DIR,
      ].join('\n'),
    },
  ],
  docs: 'https://docs.astral.sh/uv/guides/integration/docker/#intermediate-layers-in-workspaces',
};
