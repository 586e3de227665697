// PEP 668: the distribution's Python refuses installs into the system site-packages. Debian 12
// ships the marker (/usr/lib/python3.11/EXTERNALLY-MANAGED, package libpython3.11-stdlib: dpkg -S on
// this Debian 12 machine); Ubuntu 24.04's Python 3.12 has it too (warpdotdev/oz-for-oss#246).
// - pip: `--break-system-packages` / `PIP_BREAK_SYSTEM_PACKAGES=1` since pip 23.0.1 (changelog; pip
//   23.2.1's help). `python3 -m venv` on Debian / Ubuntu needs the `python3-venv` package (apt-cache show
//   python3-venv on Debian 12: Depends python3.11-venv).
// - uv says "The interpreter at /usr is externally managed" (astral-sh/uv#8656, #15673). It needs
//   `--system --break-system-packages` (uv 0.1.16, PR #2249) or `UV_BREAK_SYSTEM_PACKAGES=1`; it does
//   not read PIP_BREAK_SYSTEM_PACKAGES (astral-sh/uv#2234). `VIRTUAL_ENV=/path` makes uv install into that
//   environment (docs.astral.sh/uv/pip/environments, "Using arbitrary Python environments").
// Overriding the marker is reasonable in a single-purpose image, not on a host: the host-shell
// variant only offers a virtual environment. Commands name the requirements of the failing RUN
// (`pip-advice` enricher).
import type { RuleInput } from '../../schema.js';
import { aptInstallLine } from '../../../knowledge/apt-install-line.js';

export const externallyManaged: RuleInput = {
  id: 'pip/externally-managed',
  title: 'pip refused: externally-managed environment (PEP 668)',
  severity: 'error',
  match: [
    { literals: ['externally-managed-environment'] },
    { literals: ['This environment is externally managed'] },
    // uv: `error: The interpreter at /usr is externally managed, and indicates the following:`
    { literals: ['is externally managed, and indicates the following'] },
  ],
  scope: 'step',
  specificity: 3,
  message:
    'pip refused to install into the system Python of {fact.os|this image}: the distribution marks it as externally managed ' +
    '(PEP 668), as Debian 12 and Ubuntu 23.04+ do, so that pip cannot overwrite packages apt installed.',
  fix: [
    'Install into a virtual environment (on Debian / Ubuntu `python3 -m venv` needs the `python3-venv` package):',
    '',
    '```dockerfile',
    `RUN ${aptInstallLine('python3-venv')}`,
    'RUN python3 -m venv /opt/venv',
    'ENV PATH=/opt/venv/bin:${PATH}',
    'RUN {enrich.installCmd}',
    '```',
    '',
    'Or, in a single-purpose image, override the marker (pip ≥ 23.0.1): `{enrich.breakCmd}`, or `ENV PIP_BREAK_SYSTEM_PACKAGES=1` ' +
      'for every pip command of the image.',
  ].join('\n'),
  variants: [
    // The failing command does not show what it installs (a cut log, a variable): the venv, then the step's own command.
    {
      when: '!enrich.installCmd&fact.installer=uv&fact.place=image-build',
      message:
        'uv refused to install into the system Python of {fact.os|this image} (`--system`): the distribution marks it as externally ' +
        'managed (PEP 668), as Debian 12 and Ubuntu 23.04+ do.',
      fix: [
        'Let uv create a virtual environment before the step that installs, and drop that step\'s `--system` (uv installs into the ' +
          'environment `VIRTUAL_ENV` names):',
        '',
        '```dockerfile',
        'RUN uv venv /opt/venv',
        'ENV VIRTUAL_ENV=/opt/venv PATH=/opt/venv/bin:${PATH}',
        '```',
        '',
        'Or, in a single-purpose image, override the marker: `--break-system-packages` on that `uv pip install`, or ' +
          '`ENV UV_BREAK_SYSTEM_PACKAGES=1` (uv does not read `PIP_BREAK_SYSTEM_PACKAGES`).',
      ].join('\n'),
    },
    {
      when: '!enrich.installCmd&fact.place=image-build',
      fix: [
        'Install into a virtual environment (on Debian / Ubuntu `python3 -m venv` needs the `python3-venv` package), before the step that ' +
          'runs pip; the step itself stays as it is, since with the venv first on `PATH` its `pip` is the venv\'s:',
        '',
        '```dockerfile',
        `RUN ${aptInstallLine('python3-venv')}`,
        'RUN python3 -m venv /opt/venv',
        'ENV PATH=/opt/venv/bin:${PATH}',
        '```',
        '',
        'Or, in a single-purpose image, override the marker (pip ≥ 23.0.1): `ENV PIP_BREAK_SYSTEM_PACKAGES=1` for every pip command of ' +
          'the image, or `--break-system-packages` on the one `pip install`.',
      ].join('\n'),
    },
    {
      when: 'fact.installer=uv&fact.place=image-build&enrich.installCmd',
      message:
        'uv refused to install into the system Python of {fact.os|this image} (`--system`): the distribution marks it as externally ' +
        'managed (PEP 668), as Debian 12 and Ubuntu 23.04+ do.',
      fix: [
        'Let uv create a virtual environment and install into it (uv installs into the environment `VIRTUAL_ENV` names):',
        '',
        '```dockerfile',
        'RUN uv venv /opt/venv',
        'ENV VIRTUAL_ENV=/opt/venv PATH=/opt/venv/bin:${PATH}',
        'RUN {enrich.installCmd}',
        '```',
        '',
        'Or, in a single-purpose image, override the marker: `{enrich.breakCmd}`, or `ENV UV_BREAK_SYSTEM_PACKAGES=1` (uv does not ' +
          'read `PIP_BREAK_SYSTEM_PACKAGES`).',
      ].join('\n'),
    },
    {
      when: '!fact.place=image-build&!enrich.installCmd',
      message:
        'The installer refused to install into the system Python of {fact.os|this machine}: the distribution marks it as externally ' +
        'managed (PEP 668), so that pip cannot overwrite packages the package manager installed.',
      fix: [
        'Install into a virtual environment instead of the system Python (Debian / Ubuntu: `apt-get install python3-venv` first), then ' +
          'rerun the same install in it:',
        '',
        '```sh',
        'python3 -m venv .venv',
        '. .venv/bin/activate',
        '```',
        '',
        'Overriding the marker (`--break-system-packages`) on a machine you keep can break the distribution\'s own Python tools; ' +
          'keep that for single-purpose images.',
      ].join('\n'),
    },
    {
      when: '!fact.place=image-build',
      message:
        'The installer refused to install into the system Python of {fact.os|this machine}: the distribution marks it as externally ' +
        'managed (PEP 668), so that pip cannot overwrite packages the package manager installed.',
      fix: [
        'Install into a virtual environment instead of the system Python (Debian / Ubuntu: `apt-get install python3-venv` first):',
        '',
        '```sh',
        'python3 -m venv .venv',
        '. .venv/bin/activate',
        '{enrich.installCmd}',
        '```',
        '',
        'Overriding the marker (`--break-system-packages`) on a machine you keep can break the distribution\'s own Python tools; ' +
          'keep that for single-purpose images.',
      ].join('\n'),
    },
  ],
  enrich: 'pip-advice',
  docs: 'https://peps.python.org/pep-0668/',
};
