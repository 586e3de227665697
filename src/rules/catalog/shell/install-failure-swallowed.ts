// An install that failed inside a RUN whose shell was told to carry on: `|| true`, `|| :`,
// `|| echo …`, `|| exit 0` after the command, or `; exit 0` at the end. The installer printed its
// error (apt's `E: …`, pip's `ERROR: …`, uv's `error: …`), the guard turned its exit status into 0,
// and the step ended DONE: the build passes and the image lacks what the command installs. A
// warning (DESIGN: the build passed, the image is broken).
//
// Only in a step that ended DONE (`only: 'passed-step'`) and only when the instruction runs an
// installer itself and shows the guard (`required` instruction contexts): apt's `E:` in a step
// whose script goes on by itself (fixtures/real-world/clean/xcq-voce-unable-to-locate-but-ok), git's
// `error:` under `|| true`, and a guarded step that failed for another reason are not its story.
//
// Not a failure: pip 20.3+ prints `ERROR: pip's dependency resolver does not currently take into
// account all the packages that are installed. …` and still exits 0 after installing (pip's
// src/pip/_internal/commands/install.py, `_warn_about_conflicts`, logged at the error level; seen
// in fixtures/real/*/install-failure-not-swallowed.log): that line is left to the pip rules.
//
// The fix keeps the build `set -e`-friendly: the guard goes, and a package that is optional by
// design is skipped by a test that says so (`apt-cache show` exits 100 for a package apt does not
// know and 0 for one it does: apt-cache(8) "DIAGNOSTICS"; checked with apt 2.6.1), or by a build
// argument that turns it on, so that when it is asked for and fails, the build fails.
import type { RuleInput } from '../../schema.js';

/** `|| true`, `||true`, `|| :`, `|| /bin/true`, `|| echo "…"`, `|| exit 0`, `; exit 0` (the guard as written). */
const guardPattern =
  '(?<guard>\\|\\|\\s{0,20}(?:(?:/bin/|/usr/bin/)?true\\b|:(?=\\s|$|;|\\))|echo\\b[^&|;\\n]{0,200}|exit\\s{1,20}0\\b)|;\\s{0,20}exit\\s{1,20}0\\b)';

const removeGuard = 'Remove `{context.swallow.guard}` from the step so that a failed install fails the build where it happens.';

const aptOptional = [
  'If the package is optional by design, say so in the step: install it when apt knows it, and print that it was skipped ' +
    'when not (`apt-cache show` exits 100 for a package apt does not know):',
  '',
  '```dockerfile',
  'RUN apt-get update \\',
  ' && if apt-cache show {package} >/dev/null 2>&1; then \\',
  '      apt-get install -y --no-install-recommends {package}; \\',
  '    else echo "{package}: not in the apt sources of this image, skipped"; fi \\',
  ' && rm -rf /var/lib/apt/lists/*',
  '```',
  '',
  'A package that is there but fails to install still fails the build.',
].join('\n');

const pipOptional = [
  'If the package is optional by design, make it a choice of the build rather than of the shell: a build argument turns it ' +
    'on, and when it is on and the install fails, the build fails.',
  '',
  '```dockerfile',
  'ARG OPTIONAL_PIP_PACKAGES=""',
  'RUN if [ -n "$OPTIONAL_PIP_PACKAGES" ]; then pip install $OPTIONAL_PIP_PACKAGES; fi',
  '```',
  '',
  "`docker build --build-arg OPTIONAL_PIP_PACKAGES='{package}' …` installs it.",
].join('\n');

export const installFailureSwallowed: RuleInput = {
  id: 'shell/install-failure-swallowed',
  title: 'Install failure swallowed: the step passed without the package',
  severity: 'warning',
  only: 'passed-step',
  match: [
    // apt: `E: Unable to locate package cuda-cupti-12-4`, `E: Package 'python3.8' has no installation candidate`
    { literals: ['Unable to locate package'], pattern: '^E: Unable to locate package (?<package>[^\\s]{1,200})' },
    { literals: ['has no installation candidate'], pattern: "^E: Package '?(?<package>[^'\\s]{1,200})'? has no installation candidate" },
    // pip: `ERROR: No matching distribution found for flash-attn==2.5.8`
    { literals: ['No matching distribution found for'], pattern: '^ERROR: No matching distribution found for (?<package>[^\\s]{1,200})' },
    // any other error line of apt (`E: …`), pip (`ERROR: …`, less its resolver note) or uv (`error: …`)
    { literals: ['E: '], pattern: '^E: \\S' },
    { literals: ['ERROR: '], pattern: "^ERROR: (?!pip's dependency resolver )\\S" },
    { literals: ['error: '], pattern: '^error: \\S' },
  ],
  context: [
    // the guard that turned the failure into success, in the step's instruction
    {
      name: 'swallow',
      source: 'instruction',
      required: true,
      literals: ['||', 'exit 0'],
      pattern: guardPattern,
    },
    // the instruction installs something itself: an `error:` of git or of a script is not an install failure
    {
      name: 'installs',
      source: 'instruction',
      required: true,
      literals: ['install'],
      pattern: '\\b(?:apt-get|apt|pip3?|uv|conda|mamba|micromamba)\\s(?:[^&;|\\n]{0,200}\\s)?install\\b',
    },
    // the package apt or pip named: the optional-install recipes below write it
    { name: 'aptPackage', literals: ['Unable to locate package', 'has no installation candidate'], pattern: '^E: (?:Unable to locate package|Package) \\S' },
    { name: 'pipPackage', literals: ['No matching distribution found for'], pattern: '^ERROR: No matching distribution found for \\S' },
  ],
  scope: 'step',
  specificity: 3,
  message:
    'An install in this step failed (the lines below), yet the step ended DONE: `{context.swallow.guard}` turned the failure into ' +
    'success, so the build passed and the image was built without {package:all|what that command installs}.',
  fix: [
    removeGuard,
    '',
    'If what it installs is optional by design, test for it in the step and print that it was skipped, so that an install that ' +
      'is attempted and fails still fails the build.',
  ].join('\n'),
  variants: [
    {
      when: 'aptPackage',
      fix: [removeGuard, '', aptOptional].join('\n'),
    },
    {
      when: 'pipPackage',
      fix: [removeGuard, '', pipOptional].join('\n'),
    },
  ],
  docs: 'https://docs.docker.com/reference/dockerfile/#run',
};
