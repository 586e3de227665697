// Commands that Debian's and Ubuntu's archives do not provide (conda has only an apt repository of Anaconda's own,
// conda/conda docs/source/user-guide/install/rpm-debian.rst): they come from their project's own installer, which an
// earlier step of the build was meant to run. For them `apt-file search` finds nothing; the fix is that step.
//
// Sources:
// - Not in Debian's archive: `apt-cache policy conda` prints nothing on Debian 12 (bookworm), this machine,
//   2026-12-06 (pipx and poetry are packaged there, `pipx`, `python3-poetry`, so they are not in this table).
// - Miniconda's installer: conda's install docs (conda/conda, docs/source/user-guide/install, "silent mode"): `-b`
//   is batch mode "with no PATH modifications to shell scripts", `-p` the installation prefix, so a batch install
//   puts `conda` in `<prefix>/bin` and leaves PATH alone. The installers are listed at https://repo.anaconda.com/miniconda/
//   (`Miniconda3-latest-Linux-x86_64.sh`); Anaconda's and conda-forge's Miniforge installers take the same flags.
// - curl(1) (curl 7.88.1 here, `curl --help all`): `-L, --location  Follow redirects`; without it curl saves the
//   redirect response itself. `-f, --fail  Fail fast with no output on HTTP errors`: the step fails instead of
//   saving an error page as the installer.
// - `ADD <url> <dest>` downloads a remote file at build time, with no curl or wget needed in the image (Dockerfile
//   reference, docs.docker.com/reference/dockerfile/#add, "Adding files from a URL"; the file gets mode 600, which a
//   root `bash installer.sh` reads). It runs no shell, so the machine name is written out, not `$(uname -m)`.

export interface SelfInstalledTool {
  /** What installs it, for the message. */
  readonly installer: string;
  /** An earlier step's instruction that downloads or runs that installer. */
  readonly installerPattern: RegExp;
  /** The prefix the fix installs into when the log shows none. */
  readonly defaultPrefix: string;
  /** A batch-mode shell installer (`-b -p PREFIX`) the fix downloads. */
  readonly installerUrl: string;
  /** The same installer for one machine (`x86_64`, `aarch64` for `{arch}`), for a Dockerfile `ADD`, which runs no shell. */
  readonly installerUrlByArch: string;
  /** Where the installers for other architectures are listed. */
  readonly installerIndex: string;
  readonly docs: string;
}

const condaInstaller: SelfInstalledTool = {
  installer: 'the Miniconda installer (or Anaconda\'s, or Miniforge\'s)',
  installerPattern: /\b(?:Miniconda|Anaconda|Miniforge|Mambaforge)[\w.-]{0,100}\.sh\b/,
  defaultPrefix: '/opt/conda',
  // `uname -m` prints x86_64 or aarch64, the two spellings of the installers' names; the index also has Linux-ppc64le and
  // Linux-s390x installers (repo.anaconda.com/miniconda/, Miniconda's release notes' installer table), and no 32-bit one.
  installerUrl: 'https://repo.anaconda.com/miniconda/Miniconda3-latest-Linux-$(uname -m).sh',
  installerUrlByArch: 'https://repo.anaconda.com/miniconda/Miniconda3-latest-Linux-{arch}.sh',
  installerIndex: 'https://repo.anaconda.com/miniconda/',
  docs: 'https://docs.conda.io/projects/conda/en/latest/user-guide/install/linux.html',
};

const tools: Readonly<Record<string, SelfInstalledTool>> = {
  conda: condaInstaller,
};

/** The installer that provides `command` when no distribution package does, else null. */
export function selfInstalledTool(command: string): SelfInstalledTool | null {
  const name = command.slice(command.lastIndexOf('/') + 1);
  return Object.hasOwn(tools, name) ? tools[name]! : null;
}
