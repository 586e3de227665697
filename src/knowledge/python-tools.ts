// Python tools that Debian's archive does not package, or packages too old to follow their own docs (uv, Poetry):
// a missing one is installed as its project documents, not found with `apt-file search`.
//
// Sources:
// - Archive: `apt-cache policy uv` prints nothing on Debian 12 (bookworm), this machine, 2026-12-06: no `uv` package.
//   `apt-cache policy python3-poetry`: 1.3.2+dfsg-3+deb12u2, far behind Poetry's own releases (`pipx install
//   poetry==1.8.4` in Poetry's docs), so the fix installs Poetry the way its docs do.
// - uv's Docker guide (docs.astral.sh/uv/guides/integration/docker/, "Installing uv"): copy the binaries from the
//   distroless image, `COPY --from=ghcr.io/astral-sh/uv:latest /uv /uvx /bin/`; tags `latest`,
//   `{major}.{minor}.{patch}`; "it is best practice to pin to a specific uv version". The standalone installer
//   (docs.astral.sh/uv/getting-started/installation/): `curl -LsSf https://astral.sh/uv/install.sh | sh`; it installs
//   to `~/.local/bin` (docs.astral.sh/uv/configuration/installer/, "Changing the install path": "By default, uv is
//   installed to ~/.local/bin. If XDG_BIN_HOME is set, it will be used instead. Similarly, if XDG_DATA_HOME is set, the
//   target directory will be inferred as XDG_DATA_HOME/../bin. To change the installation path, use UV_INSTALL_DIR").
//   Since uv 0.5.0: "Previously, uv's installer used $CARGO_HOME or ~/.cargo/bin for its target install directory. …
//   Now, uv will be installed into $XDG_BIN_HOME, $XDG_DATA_HOME/../bin, or ~/.local/bin (in that order)"
//   (github.com/astral-sh/uv/releases/tag/0.5.0, breaking changes, #8420). uv's Docker guide of before (astral-sh/uv
//   commit e89196f, #4433) ran the installer with `ENV PATH="/root/.cargo/bin/:$PATH"`: a Dockerfile that copied it
//   found no uv once the installer moved (astral-sh/uv#8948; the maintainer in #8913: "We now install to
//   `~/.local/bin` by default and it's not on your path").
// - Poetry's installer (install.python-poetry.org, install-poetry.py's docstring): a `poetry` script in
//   `$POETRY_HOME/bin` when POETRY_HOME is set, else `~/.local/bin`; `curl -sSL https://install.python-poetry.org |
//   python3 -` (python-poetry.org/docs, "With the official installer"). pipx is the docs' other way.

export interface PythonTool {
  /** The name the shell looked for. */
  readonly command: string;
  /** What the archive has, for the message. */
  readonly archive: string;
  /** The two Dockerfile lines that install it on PATH in a stage. */
  readonly dockerfile: readonly [string, string];
  /** The two shell lines that install it outside an image build. */
  readonly shell: readonly [string, string];
  /** An instruction of an earlier step that installed it. */
  readonly installedBy: RegExp;
  readonly docs: string;
  /** Where its own installer puts it: the directories under a home, and the sentence that says so (plain text: an enricher's value loses its backticks). */
  readonly homeBins: readonly string[];
  readonly installPlace: string;
  /** What to do when an earlier step ran the installer and the command is still not found by name. */
  readonly installerPathNote: string;
}

const uv: PythonTool = {
  command: 'uv',
  archive: 'Debian 12 has no uv package (apt-cache policy uv finds none)',
  dockerfile: ['# uv\'s guide advises pinning: replace latest with a release tag (https://github.com/astral-sh/uv/releases)', 'COPY --from=ghcr.io/astral-sh/uv:latest /uv /uvx /bin/'],
  shell: ['curl -LsSf https://astral.sh/uv/install.sh | sh', 'export PATH="$HOME/.local/bin:$PATH"'],
  installedBy: /ghcr\.io\/astral-sh\/uv\b|astral\.sh\/uv\/[\w./-]{0,40}install\.sh|\bpip3? install\b[^&;|]{0,200}\buv\b/,
  docs: 'https://docs.astral.sh/uv/guides/integration/docker/',
  homeBins: ['.local/bin', '.cargo/bin'],
  installPlace:
    'uv\'s standalone installer (install.sh) puts uv and uvx in $HOME/.local/bin of the user that runs it ($XDG_BIN_HOME ' +
    'or $UV_INSTALL_DIR when set; before uv 0.5.0, in ~/.cargo/bin)',
  installerPathNote:
    'If an earlier step runs uv\'s installer (install.sh): since uv 0.5.0 it puts uv in $HOME/.local/bin, no longer in ' +
    '~/.cargo/bin where older guides put PATH',
};

const poetry: PythonTool = {
  command: 'poetry',
  archive: 'Debian packages only an old Poetry (python3-poetry 1.3.2 in Debian 12)',
  // One ENV sets both: its `$PATH` is the value from before the instruction (Dockerfile reference, ENV).
  dockerfile: ['ENV POETRY_HOME=/opt/poetry PATH=/opt/poetry/bin:$PATH', 'RUN curl -sSL https://install.python-poetry.org | python3 -'],
  shell: ['curl -sSL https://install.python-poetry.org | python3 -', 'export PATH="$HOME/.local/bin:$PATH"'],
  installedBy: /install\.python-poetry\.org|install-poetry\.py|get-poetry\.py|\bpipx? install\b[^&;|]{0,200}\bpoetry\b/,
  docs: 'https://python-poetry.org/docs/#installation',
  homeBins: ['.local/bin'],
  installPlace: 'Poetry\'s installer puts poetry in $HOME/.local/bin of the user that runs it (in $POETRY_HOME/bin when POETRY_HOME is set)',
  installerPathNote: 'If an earlier step runs Poetry\'s installer without POETRY_HOME, it puts poetry in $HOME/.local/bin',
};

const tools: Readonly<Record<string, PythonTool>> = { uv, uvx: uv, poetry };

/**
 * The home directory and its installer directory when `command` is the tool called by its full path under a home
 * (`/home/claude/.local/bin/uv`, `/root/.cargo/bin/uv`), else null.
 */
export function homeInstallPath(command: string, tool: PythonTool): { home: string; dir: string } | null {
  const m = /^(\/root|\/home\/[^/\s]{1,64})\/(\.[\w.-]{1,20}\/bin)\/[^/\s]{1,40}$/.exec(command);
  if (m === null || !tool.homeBins.includes(m[2]!)) return null;
  return { home: m[1]!, dir: `${m[1]!}/${m[2]!}` };
}

/** The documented install of the Python tool `command`, or null when it is not one. */
export function pythonTool(command: string): PythonTool | null {
  const name = command.slice(command.lastIndexOf('/') + 1);
  return Object.hasOwn(tools, name) ? tools[name]! : null;
}
