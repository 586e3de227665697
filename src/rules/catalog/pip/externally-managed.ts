// PEP 668: the distribution's Python refuses pip installs into the system site-packages (Debian 12,
// Ubuntu 23.04+, and the images built on them).
import type { RuleInput } from '../../schema.js';

export const externallyManaged: RuleInput = {
  id: 'pip/externally-managed',
  title: 'pip refused: externally-managed environment (PEP 668)',
  severity: 'error',
  match: [
    { literals: ['externally-managed-environment'] },
    { literals: ['This environment is externally managed'] },
  ],
  scope: 'step',
  specificity: 3,
  message:
    'pip refused to install into the system Python: the distribution marks it as externally managed (PEP 668), as Debian 12 and ' +
    'Ubuntu 23.04+ (and images built on them) do.',
  fix: [
    'In a container, any of these is fine:',
    '',
    '```dockerfile',
    'ENV PIP_BREAK_SYSTEM_PACKAGES=1',
    '```',
    '',
    '(the same as `pip install --break-system-packages …`, pip ≥ 23.0.1), or install into a virtual environment ' +
      '(`RUN python3 -m venv /opt/venv` + `ENV PATH=/opt/venv/bin:${PATH}`), or use the distribution\'s package (`apt-get install python3-xyz`).',
  ].join('\n'),
  docs: 'https://peps.python.org/pep-0668/',
};
