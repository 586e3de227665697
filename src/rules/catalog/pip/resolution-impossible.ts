// pip's ResolutionImpossible: summarise who requires what from "The conflict is caused by:".
// In a step that still passed (`pip install x || echo "optional"`), the build's outcome turns it
// into a warning: the optional package is silently missing.
import type { RuleInput } from '../../schema.js';

export const resolutionImpossible: RuleInput = {
  id: 'pip/resolution-impossible',
  title: 'pip could not resolve conflicting requirements',
  severity: 'error',
  match: [
    { literals: ['ResolutionImpossible'] },
    // `ERROR: Cannot install lm-eval==0.4.9.1 and datasets==4.4.1 because these package versions have conflicting dependencies.`
    { literals: ['conflicting dependencies'] },
    // `    lm-eval 0.4.9.1 depends on datasets<4.0 and >=2.16.0`
    {
      literals: [' depends on '],
      pattern: '^\\s{1,200}(?<requirer>[A-Za-z0-9][\\w.-]{0,200}(?:\\[[\\w,.-]{1,200}\\])?) (?<requirerVersion>[^\\s]{1,200}) depends on (?<requirement>.{1,500})$',
    },
    // `    The user requested datasets==4.4.1`, `    The user requested (constraint) datasets==4.4.1`
    { literals: ['The user requested'], pattern: 'The user requested (?:\\(constraint\\) )?(?<requested>.{1,500})$' },
    // uv: `× No solution found when resolving dependencies:` … `we can conclude that your requirements are unsatisfiable.`
    { literals: ['No solution found when resolving dependencies', 'your requirements are unsatisfiable'] },
  ],
  context: [
    { name: 'uv', literals: ['No solution found when resolving dependencies'] },
    // the "depends on" line was seen: the conflict can be told in one sentence
    {
      name: 'dependsOn',
      literals: [' depends on '],
      pattern: '^\\s{1,200}[A-Za-z0-9][\\w.-]{0,200}(?:\\[[\\w,.-]{1,200}\\])? [^\\s]{1,200} depends on ',
    },
    {
      name: 'constraint',
      literals: ['The user requested (constraint)'],
      pattern: 'The user requested \\(constraint\\) (?<pin>.{1,500})$',
    },
  ],
  scope: 'step',
  specificity: 3,
  message:
    'pip found no set of versions that satisfies every requirement. Conflict: {requirer} {requirerVersion} depends on ' +
    '{requirement}; requested: {requested:all|no other requirement named in this part of the log}.',
  fix: [
    'Make the requirements compatible: relax the pin the message names, or install a release of {requirer|the package that requires it} whose requirement fits. ' +
      'To see every version\'s requirement: `pip install --dry-run --report - {requirer|PACKAGE}` or `pip index versions {requirer|PACKAGE}`.',
    '',
    'If the other side comes from the base image (NVIDIA\'s PyTorch images pin their packages), either keep the image\'s version and ' +
      'wait for a compatible release of {requirer|the other package}, or make it optional so the default build passes:',
    '',
    '```dockerfile',
    'ARG INSTALL_OPTIONAL="false"',
    'RUN if [ "$INSTALL_OPTIONAL" = "true" ]; then timeout 300 pip install {requirer|PACKAGE}; fi',
    '```',
  ].join('\n'),
  variants: [
    {
      when: 'uv',
      message:
        'uv found no set of versions that satisfies every requirement; its explanation ("Because … we can conclude …") is in the ' +
        'evidence below.',
    },
    {
      when: 'constraint',
      message:
        'pip found no set of versions that satisfies every requirement: {requirer} {requirerVersion} depends on {requirement}, but ' +
        '{context.constraint.pin} is pinned by a constraints file (all the releases of {requirer} pip tried conflict with it).',
    },
    {
      when: '!dependsOn',
      message:
        'pip found no set of versions that satisfies every requirement (requested: {requested:all|not in the part of the log read here}). ' +
        'pip names the requirements that conflict under "The conflict is caused by:" in the step output.',
    },
  ],
  docs: 'https://pip.pypa.io/en/latest/topics/dependency-resolution/#dealing-with-dependency-conflicts',
};
