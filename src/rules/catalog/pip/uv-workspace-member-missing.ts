// uv reads `[tool.uv.sources]` and a package there is `{ workspace = true }`, but uv found no workspace member of that name:
// `` `my-dep` references a workspace in `tool.uv.sources` (e.g., `my-dep = { workspace = true }`), but is not a workspace
// member`` (uv's lowering error `UndeclaredWorkspacePackage`, crates/uv-distribution, under `Failed to parse entry: `my-dep``
// and `Failed to build `app @ file:///app``). uv finds the members by the `members` globs of `[tool.uv.workspace]` and each
// member's own pyproject.toml; in an image build the dependency layer that bind-mounts (or copies) only the root
// pyproject.toml and uv.lock has none of them (astral-sh/uv#16200: `uv sync --locked --no-install-project
// --no-install-workspace` with those two mounts). Not a build backend failure: nothing was compiled.
// The fixes, from uv's maintainer in that thread and uv's Docker guide ("Intermediate layers", workspace part added by
// astral-sh/uv#16787): bind-mount each member's pyproject.toml too (`--mount=type=bind,source=foo/pyproject.toml,
// target=foo/pyproject.toml`) with `uv sync --locked --no-install-workspace`; or `--frozen` in that layer (uv installs what
// uv.lock says without checking it against the members) and `--locked` on the later full `uv sync` to catch a stale lock.
import type { RuleInput } from '../../schema.js';

const MESSAGE =
  '`{member}` is a workspace source in `[tool.uv.sources]` (`{member} = {{ workspace = true }}`), but uv found no workspace member ' +
  'of that name. uv finds members by the `members` globs of `[tool.uv.workspace]` in the root pyproject.toml and by each ' +
  "member's own pyproject.toml, so a member whose pyproject.toml is not there when uv runs is missing. Nothing was built: " +
  "uv stopped reading the project's requirements.";

const LAYER_MESSAGE =
  MESSAGE.replace(' Nothing was built:', ' This step gives uv only the root pyproject.toml and uv.lock (its mounts), not the member\'s pyproject.toml. Nothing was built:');

const FROZEN =
  'Or use `--frozen` instead of `--locked` in this dependency layer: uv then installs what uv.lock lists without checking it ' +
  'against the members, and the later full `uv sync --locked`, with the whole project copied in, still catches a stale lock.';

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
        "Bind-mount each member's pyproject.toml in this `RUN` too, beside the root one, as uv's Docker guide does for a workspace " +
          '("Intermediate layers"): one mount per member, source and target the member\'s pyproject.toml relative to the build ' +
          'context. The guide\'s line for a member in `foo/`:',
        '',
        '```dockerfile',
        '    --mount=type=bind,source=foo/pyproject.toml,target=foo/pyproject.toml \\',
        '```',
        '',
        FIND_DIR + ' Keep `--no-install-workspace`, so this layer installs only the third-party dependencies.',
        '',
        FROZEN,
      ].join('\n'),
    },
    {
      // an image build whose failing RUN the log does not frame (a pasted error): both forms of the dependency layer
      when: 'fact.place=image-build',
      fix: [
        "Give uv each member's pyproject.toml in the dependency layer, beside the root one, as uv's Docker guide does for a workspace " +
          '("Intermediate layers"). If that `RUN` bind-mounts pyproject.toml and uv.lock, add one mount per member, source and target ' +
          'the member\'s pyproject.toml relative to the build context; the guide\'s line for a member in `foo/`:',
        '',
        '```dockerfile',
        '    --mount=type=bind,source=foo/pyproject.toml,target=foo/pyproject.toml \\',
        '```',
        '',
        'If it copies them instead, copy each member\'s with them (`COPY foo/pyproject.toml foo/pyproject.toml` for that member). ' +
          FIND_DIR + ' Keep `--no-install-workspace`, so this layer installs only the third-party dependencies.',
        '',
        FROZEN,
      ].join('\n'),
    },
  ],
  docs: 'https://docs.astral.sh/uv/guides/integration/docker/#intermediate-layers',
};
