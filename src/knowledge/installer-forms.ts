// The install command shapes the fixes print, in the form each installer accepts, so a suggestion
// matches the tool the Dockerfile already uses.
//
// Sources, per flag:
// - pip: `pip install --help` of pip 23.2.1 on this machine (2026-12-05): -c/--constraint,
//   --no-build-isolation, -i/--index-url, --extra-index-url, --no-cache-dir, --break-system-packages,
//   --dry-run, --report; `pip download --help` for `pip download`.
// - uv: docs.astral.sh/uv/configuration/environment (UV_CONSTRAINT = --constraint, UV_NO_CACHE =
//   --no-cache, UV_BREAK_SYSTEM_PACKAGES = --break-system-packages, UV_EXTRA_INDEX_URL =
//   --extra-index-url), the `uv pip install` CLI reference as mirrored on mintlify.com/astral-sh/uv
//   (-c/--constraint), uv 0.1.16 release notes (--no-build-isolation, --break-system-packages, --system),
//   docs.rs uv-settings PipOptions (index_url, extra_index_url, index_strategy, system), and
//   docs.astral.sh/uv/pip/compatibility ("Packages that exist on multiple indexes": uv stops at the
//   first index that has the package; `--index-strategy unsafe-best-match` restores pip's behaviour).
//   `uv pip install --dry-run` is seen in use in public notes; not in the pages read, so rules do not print it.
//   uv's PEP 668 refusal reads "The interpreter at /usr is externally managed" (astral-sh/uv#8656, #15673);
//   uv does not read PIP_BREAK_SYSTEM_PACKAGES (astral-sh/uv#2234); `VIRTUAL_ENV=/path` selects the
//   environment uv installs into (docs.astral.sh/uv/pip/environments); `-v` is uv's verbose flag (in use in
//   pyca/cryptography's CI: `uv pip install -v .`). `--find-links URL` (pip's `-f`): the uv pip interface's
//   option list (tessl.io pypi-uv pip-interface docs), and `-f https://download.pytorch.org/whl/torch_stable.html`
//   is what resolved `torch==1.6.0+cu101` for uv in astral-sh/uv#12980 where `--index` did not.
// - conda / mamba / poetry: their own flags were not verified here, so for anything but a plain install
//   the form runs pip inside the active environment (`python -m pip …`), which conda envs provide.
import type { FactView } from '../facts/fact-view.js';

export type Installer = 'pip' | 'uv' | 'conda' | 'poetry';

/** The installer a fix should speak: the step's, with mamba and micromamba as conda; pip when unknown. */
export function installerOf(facts: FactView): Installer {
  const v = facts.value('installer');
  if (v === 'uv' || v === 'conda' || v === 'poetry') return v;
  return v === 'mamba' || v === 'micromamba' ? 'conda' : 'pip';
}

export interface InstallOptions {
  /** Requirement specifiers, at least one: `torch==2.3.1`, `flash-attn`. */
  requirements: readonly string[];
  constraint?: string;
  indexUrl?: string;
  extraIndexUrls?: readonly string[];
  /** A find-links page (pip `-f`): PyTorch's torch_stable.html of the releases before its per-CUDA indexes. */
  findLinks?: string;
  noBuildIsolation?: boolean;
  noCache?: boolean;
  /** Install into an externally managed (PEP 668) system Python. */
  breakSystemPackages?: boolean;
}

export const installerDocs: Readonly<Record<Installer, { url: string; checked: string }>> = {
  pip: { url: 'https://pip.pypa.io/en/stable/cli/pip_install/', checked: 'pip install --help, pip 23.2.1 on this machine, 2026-12-05' },
  uv: { url: 'https://docs.astral.sh/uv/configuration/environment/', checked: 'docs.astral.sh/uv/configuration/environment and pip/compatibility pages; uv 0.1.16 release notes' },
  conda: { url: 'https://docs.conda.io/projects/conda/en/latest/commands/install.html', checked: 'not verified: only the plain `conda install <spec>` shape is used' },
  poetry: { url: 'https://python-poetry.org/docs/cli/#add', checked: 'not verified: poetry forms fall back to pip inside the environment' },
};

/** Quotes a shell word only when it needs it (specifiers with `<`, `>`, `;`, spaces, …). */
function shellWord(word: string): string {
  return /^[A-Za-z0-9_.,:/=+@%-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

function pipFlags(o: InstallOptions): string[] {
  const flags: string[] = [];
  if (o.noCache) flags.push('--no-cache-dir');
  if (o.noBuildIsolation) flags.push('--no-build-isolation');
  if (o.breakSystemPackages) flags.push('--break-system-packages');
  if (o.constraint) flags.push('-c', shellWord(o.constraint));
  if (o.indexUrl) flags.push('--index-url', shellWord(o.indexUrl));
  for (const url of o.extraIndexUrls ?? []) flags.push('--extra-index-url', shellWord(url));
  if (o.findLinks) flags.push('-f', shellWord(o.findLinks));
  return flags;
}

function uvFlags(o: InstallOptions): string[] {
  const flags: string[] = [];
  if (o.noCache) flags.push('--no-cache');
  if (o.noBuildIsolation) flags.push('--no-build-isolation');
  // uv refuses a system interpreter without --system; PEP 668 Pythons also need the override.
  if (o.breakSystemPackages) flags.push('--system', '--break-system-packages');
  if (o.constraint) flags.push('--constraint', shellWord(o.constraint));
  if (o.indexUrl) flags.push('--index-url', shellWord(o.indexUrl));
  for (const url of o.extraIndexUrls ?? []) flags.push('--extra-index-url', shellWord(url));
  if (o.findLinks) flags.push('--find-links', shellWord(o.findLinks));
  // With several indexes uv takes a package from the first index that has it; the PyTorch index also
  // carries numpy & co., so let uv pick the best version across indexes like pip does.
  if (o.indexUrl && o.extraIndexUrls?.length) flags.push('--index-strategy', 'unsafe-best-match');
  return flags;
}

function isPlain(o: InstallOptions): boolean {
  return !o.constraint && !o.indexUrl && !o.extraIndexUrls?.length && !o.findLinks && !o.noBuildIsolation && !o.noCache && !o.breakSystemPackages;
}

/** A runnable install command; throws when no requirement is given, since a bare install does nothing. */
export function installCommand(installer: Installer, opts: InstallOptions): string {
  const reqs = opts.requirements.map((r) => r.trim()).filter((r) => r.length > 0);
  if (reqs.length === 0) throw new Error('installCommand needs at least one requirement');
  const words = reqs.map(shellWord);
  switch (installer) {
    case 'pip':
      return ['pip install', ...pipFlags(opts), ...words].join(' ');
    case 'uv':
      return ['uv pip install', ...uvFlags(opts), ...words].join(' ');
    case 'conda':
      if (isPlain(opts)) return ['conda install -y', ...words].join(' ');
      return ['python -m pip install', ...pipFlags(opts), ...words].join(' ');
    case 'poetry':
      return ['python -m pip install', ...pipFlags(opts), ...words].join(' ');
  }
}

/** Resolve without installing, to see what would be picked (pip writes its JSON report to stdout with `--report -`, and its help asks for `--quiet` then). */
export function dryRunCommand(installer: 'pip' | 'uv', requirement: string): string {
  const req = shellWord(requirement.trim());
  return installer === 'pip' ? `pip install --dry-run --quiet --report - ${req}` : `uv pip install --dry-run ${req}`;
}

/**
 * How a command ran pip, when it names it before `install` (up to six general options between):
 * `python3.11 -m pip`, `python -m pip`, `pip3`, `pip3.11`, or null (plain `pip`, `uv pip`, or no pip at all).
 * A fix in that form runs the same pip, of the same Python, as the step did; plain `pip` may be another
 * Python's (or none at all, in an image with only `pip3`).
 */
export function pipFormOf(command: string | null | undefined): string | null {
  if (command == null) return null;
  // words, with the shell's separators as words of their own
  const words = command.replace(/[;&|()]/g, ' ').split(/\s+/).filter((w) => w !== '');
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    let form: string | null = null;
    let next = i + 1;
    if (/^pip3(?:\.\d{1,2})?$/.test(w)) form = w;
    else if (/^(?:[\w./-]{0,100}\/)?python(?:3(?:\.\d{1,2})?)?$/.test(w) && words[i + 1] === '-m' && words[i + 2] === 'pip') {
      form = `${w} -m pip`;
      next = i + 3;
    }
    if (form === null) continue;
    // up to six general options between pip and its command (`pip3 --no-cache-dir install`)
    let k = next;
    while (k < words.length && k - next < 6 && words[k]!.startsWith('-')) k++;
    if (words[k] === 'install') return form;
  }
  return null;
}

/** A pip command (`pip install …`, `pip index versions …`) in the form `pipFormOf` read; unchanged without one. */
export function inPipForm(command: string, form: string | null): string {
  return form === null ? command : command.replace(/^pip(?= (?:install|index|download|uninstall|show)\b)/, form);
}
