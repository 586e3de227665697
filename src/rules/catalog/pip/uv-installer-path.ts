// uv 0.5.0 (2024-11-07) changed where its standalone installer (`curl -LsSf https://astral.sh/uv/install.sh | sh`)
// puts uv: "Use XDG (i.e. ~/.local/bin) instead of the Cargo home directory in the installer (#8420). Previously,
// uv's installer used $CARGO_HOME or ~/.cargo/bin for its target install directory. … Now, uv will be installed into
// $XDG_BIN_HOME, $XDG_DATA_HOME/../bin, or ~/.local/bin (in that order). Note that $UV_INSTALL_DIR can always be used
// to override the target directory." (github.com/astral-sh/uv/releases/tag/0.5.0, breaking changes). A Dockerfile that
// runs the unpinned installer and then `/root/.cargo/bin/uv …` broke that day (astral-sh/uv#8925, #8948: pinning the
// installer to 0.4.x "fixed it"; Breadcord/Breadcord#302 with `RUN /root/.cargo/bin/uv venv --seed`).
// uv's Docker guide (docs.astral.sh/uv/guides/integration/docker/): copy the binaries from the image of a pinned
// release, `COPY --from=ghcr.io/astral-sh/uv:<version> /uv /uvx /bin/`, or run the installer and put
// `/root/.local/bin` on PATH.
// The failing step's instruction names the old path: a log that keeps nothing but BuildKit's `ERROR [7/8] RUN
// /root/.cargo/bin/uv …` line still shows it. A specific error in the step's lines (a resolver error of uv) is more
// specific and wins (specificity 2 here).
import type { RuleInput } from '../../schema.js';

export const uvInstallerPath: RuleInput = {
  id: 'pip/uv-installer-path',
  title: 'uv called from ~/.cargo/bin, where its installer no longer puts it (uv ≥ 0.5)',
  severity: 'error',
  trigger: { kind: 'failure' },
  specificity: 2,
  // Only a failed step whose instruction names the old path (a trigger rule takes its condition from `when`), and only when
  // that path is what the shell did not find: a uv that ran and failed (`exit code: 2`, a not-found line naming another
  // command) is another rule's (knowledge/cargo-uv-missing.ts).
  when: 'cargoUv&enrich.cargoUvMissing',
  enrich: 'cargo-uv-missing',
  context: [
    {
      // `RUN /root/.cargo/bin/uv venv --seed`, `RUN ~/.cargo/bin/uv pip install …`, `$HOME/.cargo/bin/uvx …`
      name: 'cargoUv',
      source: 'instruction',
      literals: ['.cargo/bin/uv'],
      pattern: '(?<path>(?:~|\\$HOME|\\$\\{HOME\\}|/root|/home/[\\w.-]{1,64})/\\.cargo/bin/uvx?)\\b',
    },
  ],
  message:
    'The step runs `{context.cargoUv.path}`, but since uv 0.5.0 (November 2024) uv\'s standalone installer puts uv in ' +
    '`~/.local/bin` (or `$XDG_BIN_HOME`, or `$UV_INSTALL_DIR` when set), no longer in `~/.cargo/bin`. An installer that is not ' +
    'pinned to a release installs the newest uv, so that path does not exist and the step fails. (A uv built with ' +
    '`cargo install uv` does live in `~/.cargo/bin`: then the cause is elsewhere, in the step\'s own error.) ' +
    '`ls ~/.local/bin ~/.cargo/bin` in the stage before this step shows where uv is.',
  fix: [
    'Call uv where the installer puts it now, and put that directory on `PATH` (in a Dockerfile with `ENV`, after the `RUN`',
    'that runs the installer; `/root` is the home of the user a build runs as unless a `USER` line changed it):',
    '',
    '```dockerfile',
    'ENV PATH=/root/.local/bin:${PATH}',
    '```',
    'then run `uv …` instead of `{context.cargoUv.path} …`. Or, as uv\'s Docker guide advises, copy the binaries from uv\'s',
    'image instead of running the installer, pinned to a release (replace `latest` with a tag from',
    'https://github.com/astral-sh/uv/releases):',
    '',
    '```dockerfile',
    'COPY --from=ghcr.io/astral-sh/uv:latest /uv /uvx /bin/',
    '```',
  ].join('\n'),
  docs: 'https://github.com/astral-sh/uv/releases/tag/0.5.0',
};
