// `poetry export` run by a Poetry 2 that has no export plugin: Poetry's console answers an unknown command with
// `The command "export" does not exist.` (cleo's CommandNotFoundException, the same line for any unknown name).
// Poetry 2.0.0 (2025-01-05) dropped the bundled plugin: its release notes say "Remove the dependency on
// `poetry-plugin-export` so that `poetry export` is not included per default" (github.com/python-poetry/poetry/releases/
// tag/2.0.0, quoted in rippleFCL/bws-cache#57); Poetry 1.7.0 had warned of it ("Print a future warning that
// `poetry-plugin-export` will not be installed by default anymore", #8562, CHANGELOG.md). An unpinned `pip install poetry`
// in a Dockerfile picks up Poetry 2 (benavlabs/SQLModel-boilerplate#8, fixed with `pip install poetry poetry-plugin-export`).
// The ways to add the plugin are those of the plugin's README (pypi.org/project/poetry-plugin-export): `[tool.poetry.
// requires-plugins]` in pyproject.toml (Poetry 2.0 and newer), `poetry self add poetry-plugin-export`, `pipx inject poetry
// poetry-plugin-export` for a pipx install, `pip install poetry-plugin-export` for a pip install; pinning `poetry<2` keeps
// the bundled command.
// Only `export`: another name is a typo or another plugin's command (`poetry env lsit` prints `The command "env" does not
// exist.`, python-poetry/poetry#7700), which this rule does not read.
// The fix follows how the log installed Poetry (a `RUN` line of this build the log shows): pip (the same command with the
// plugin beside poetry), pipx (`pipx inject`), Poetry's installer (`poetry self add`); else the three.
import type { RuleInput } from '../../schema.js';

const EXPLAIN =
  'Poetry 2.0 no longer ships the `export` command: its release notes say the dependency on `poetry-plugin-export` was removed "so ' +
  'that `poetry export` is not included per default". Poetry now answers `export` like any unknown command.';

const PIN = 'Or keep the bundled command by pinning Poetry 1 where it is installed (`"poetry<2"`), until the project moves to Poetry 2.';

const REQUIRES = [
  'With Poetry 2, the project can also declare the plugin, and Poetry installs it when it runs in the project:',
  '',
  '```toml',
  '[tool.poetry.requires-plugins]',
  'poetry-plugin-export = ">=1.8"',
  '```',
].join('\n');

export const poetryExportPluginMissing: RuleInput = {
  id: 'pip/poetry-export-plugin-missing',
  title: 'poetry export: Poetry 2 without the export plugin',
  severity: 'error',
  match: [{ literals: ['The command "export" does not exist'], pattern: '(?:^|\\s)The command "export" does not exist\\.' }],
  scope: 'step',
  specificity: 3,
  message: EXPLAIN,
  fix: [
    'Add the plugin the way Poetry was installed (`poetry --version` shows 2.x):',
    '',
    '- with pip: `pip install poetry poetry-plugin-export`;',
    '- with pipx: `pipx inject poetry poetry-plugin-export`;',
    '- with Poetry\'s installer: `poetry self add poetry-plugin-export`.',
    '',
    REQUIRES,
    '',
    PIN,
  ].join('\n'),
  variants: [
    {
      when: 'enrich.poetryPip',
      message: `${EXPLAIN} This build installs Poetry with \`{enrich.poetryPip}\`, unpinned, so it got Poetry 2.`,
      fix: [
        'Install the plugin beside Poetry, in the same pip command:',
        '',
        '```dockerfile',
        'RUN {enrich.poetryPip} poetry-plugin-export',
        '```',
        '',
        PIN.replace('`"poetry<2"`', '`pip install "poetry<2"`'),
      ].join('\n'),
    },
    {
      when: 'enrich.poetryPipx',
      message: `${EXPLAIN} This build installs Poetry with pipx.`,
      fix: ['Add the plugin to pipx\'s Poetry, after the install:', '', '```dockerfile', 'RUN pipx inject poetry poetry-plugin-export', '```', '', PIN].join('\n'),
    },
    {
      when: 'enrich.poetryInstaller',
      message: `${EXPLAIN} This build installs Poetry with Poetry's installer.`,
      fix: ['Add the plugin with Poetry itself, after the install:', '', '```dockerfile', 'RUN poetry self add poetry-plugin-export', '```', '', REQUIRES, '', PIN].join('\n'),
    },
  ],
  enrich: ['poetry-install'],
  docs: 'https://pypi.org/project/poetry-plugin-export/',
};
