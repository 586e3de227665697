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
//   to `~/.local/bin` (docs.astral.sh/uv/configuration/installer/, "Changing the install path").
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
}

const uv: PythonTool = {
  command: 'uv',
  archive: 'Debian 12 has no uv package (apt-cache policy uv finds none)',
  dockerfile: ['# uv\'s guide advises pinning: replace latest with a release tag (https://github.com/astral-sh/uv/releases)', 'COPY --from=ghcr.io/astral-sh/uv:latest /uv /uvx /bin/'],
  shell: ['curl -LsSf https://astral.sh/uv/install.sh | sh', 'export PATH="$HOME/.local/bin:$PATH"'],
  installedBy: /ghcr\.io\/astral-sh\/uv\b|astral\.sh\/uv\/[\w./-]{0,40}install\.sh|\bpip3? install\b[^&;|]{0,200}\buv\b/,
  docs: 'https://docs.astral.sh/uv/guides/integration/docker/',
};

const poetry: PythonTool = {
  command: 'poetry',
  archive: 'Debian packages only an old Poetry (python3-poetry 1.3.2 in Debian 12)',
  // One ENV sets both: its `$PATH` is the value from before the instruction (Dockerfile reference, ENV).
  dockerfile: ['ENV POETRY_HOME=/opt/poetry PATH=/opt/poetry/bin:$PATH', 'RUN curl -sSL https://install.python-poetry.org | python3 -'],
  shell: ['curl -sSL https://install.python-poetry.org | python3 -', 'export PATH="$HOME/.local/bin:$PATH"'],
  installedBy: /install\.python-poetry\.org|install-poetry\.py|get-poetry\.py|\bpipx? install\b[^&;|]{0,200}\bpoetry\b/,
  docs: 'https://python-poetry.org/docs/#installation',
};

const tools: Readonly<Record<string, PythonTool>> = { uv, uvx: uv, poetry };

/** The documented install of the Python tool `command`, or null when it is not one. */
export function pythonTool(command: string): PythonTool | null {
  const name = command.slice(command.lastIndexOf('/') + 1);
  return Object.hasOwn(tools, name) ? tools[name]! : null;
}
