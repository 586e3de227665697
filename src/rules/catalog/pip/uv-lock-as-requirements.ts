// A uv lockfile handed to the requirements-file option: `uv pip install -r uv.lock` reads it as requirements.txt
// and stops at its first line: `error: Couldn't parse requirement in \`uv.lock\` at position 0`, `Caused by: no such
// comparison operator "=", …`, `version = 1` (missing-semester/missing-semester#395, Norcim133/OutlookMCPServer#1;
// a script lock `action.py.lock` fails the same way, astral-sh/uv#16192). uv.lock is uv's own TOML format, read
// only by the project commands (uv docs, "Locking and syncing"). Not matched: a lock uv reads as a lock and cannot
// parse (`Failed to parse \`uv.lock\``, pip/uv-lock-unreadable).
//
// The advice (uv docs):
// - Install from the lock with the project interface: `uv sync --frozen` uses the lockfile without checking or
//   updating it (https://docs.astral.sh/uv/concepts/projects/sync/); it needs pyproject.toml beside uv.lock.
//   In Docker, uv's guide syncs the dependencies first with `--no-install-project` and the project after copying
//   its sources (https://docs.astral.sh/uv/guides/integration/docker/, "Intermediate layers"). `uv sync` installs
//   into the project environment (`.venv`); `UV_PROJECT_ENVIRONMENT` set to the Python prefix (`/usr/local` in
//   Debian-based python images, `python -c "import sysconfig; print(sysconfig.get_config_var('prefix'))"`)
//   makes it the system environment, as `--system` was (https://docs.astral.sh/uv/concepts/projects/config/,
//   "Project environment path").
// - Or keep `uv pip install` and feed it a requirements file exported from the lock (`uv export`, see
//   src/knowledge/uv-lock-requirements-enricher.ts for its flags).
import type { RuleInput } from '../../schema.js';

const why =
  'uv read `{lock}` as a requirements file: `-r` takes requirements.txt lines, and uv.lock is uv\'s own TOML ' +
  'lockfile (its first line, `version = 1`, is no requirement). Only the project commands (`uv sync`, `uv export`) ' +
  'read a uv lock.';

const syncInShell = [
  'Install from the lock with uv\'s project interface, in the directory of pyproject.toml and uv.lock:',
  '',
  '```sh',
  'uv sync --frozen',
  '```',
  '',
  '`--frozen` installs exactly what the lock says without updating it (uv docs, "Locking and syncing"); `uv sync` ' +
    'installs into the project\'s `.venv`. To keep a pip-style install instead, export the lock first: ' +
    '`uv export --frozen -o requirements.txt`, then `uv pip install -r requirements.txt`.',
].join('\n');

export const uvLockAsRequirements: RuleInput = {
  id: 'pip/uv-lock-as-requirements',
  title: 'uv.lock passed to `-r`: a uv lockfile is not a requirements file',
  severity: 'error',
  match: [
    {
      literals: ["Couldn't parse requirement in `"],
      pattern: "Couldn't parse requirement in `(?<lock>[^`]{0,200}(?:uv|\\.py)\\.lock)` at position 0",
    },
  ],
  scope: 'step',
  specificity: 3,
  enrich: 'uv-lock-requirements',
  message: why,
  fix: syncInShell,
  variants: [
    {
      when: 'fact.place=image-build&enrich.uvExportInstall',
      fix: [
        'Install the lock with `uv sync`, the way uv\'s Docker guide does: dependencies first, the project once its ' +
          'sources are copied (pyproject.toml must be in the image with uv.lock):',
        '',
        '```dockerfile',
        'COPY pyproject.toml uv.lock ./',
        'RUN uv sync --frozen --no-dev --no-install-project',
        'COPY . .',
        'RUN uv sync --frozen --no-dev',
        '```',
        '',
        '`uv sync` installs into the project\'s `.venv` (put `.venv/bin` on `PATH`), not the system Python; ' +
          '`ENV UV_PROJECT_ENVIRONMENT=/usr/local` makes it install where `--system` did in a python image (uv docs, ' +
          '"Project environment path"). Or keep this step as it is, with a requirements file exported from the ' +
          'lock (pyproject.toml must be in the image too):',
        '',
        '```dockerfile',
        'RUN {enrich.uvExportInstall}',
        '```',
      ].join('\n'),
    },
  ],
  docs: 'https://docs.astral.sh/uv/concepts/projects/sync/',
};
