// pip's ResolutionImpossible: name the two requirements that really disagree. pip's "The conflict
// is caused by:" block lists every requirement on the conflicting project, agreeing ones too
// (`The user requested torch==2.1.0` / `torchvision 0.16.0 depends on torch==2.1.0` /
// `xformers 0.0.26.post1 depends on torch==2.3.0`, NIRVANALAN/GaussianAnything#9): the first
// `depends on` line is not the conflict. The `pip-advice` enricher compares the versions
// (knowledge/pip-conflict.ts) and gives `{enrich.conflict}` and commands for the package that
// must move. `pip index versions` (pip's own help: experimental) and `pip install --dry-run
// --report -` (pip ≥ 22.2) are in pip 23.2.1's help on this machine.
// uv with one of torch's CUDA wheels (`nvidia-*`) missing at the exact version torch pins (astral-sh/uv#10604:
// `uv pip install torch==2.4.1 --extra-index-url https://pypi.nvidia.com`, `there is no version of
// nvidia-cudnn-cu12…==9.1.0.70`): PyPI has the pinned version, but uv's default index strategy, `first-index`, takes a
// package's versions only from the first index that has the package at all, so an extra index carrying other versions
// of it hides PyPI's. The remedies are uv's: `--index-strategy unsafe-best-match` (or UV_INDEX_STRATEGY) for `uv pip`,
// and for a project an index marked `explicit = true` that only the packages pinned to it in `[tool.uv.sources]` use
// (docs.astral.sh/uv/concepts/indexes/, "Searching across multiple indexes" and "Pinning a package to an index";
// uv's maintainers point to the same in astral-sh/uv#7879). The fix is uv pip's, the form of the logs seen; torch
// without a local version tag (`+cu124`) is a PyPI release, so leaving the extra index out is the other way.
// In a step that still passed (`pip install x || echo "optional"`), the build's outcome turns it
// into a warning: the optional package is silently missing.
import type { RuleInput } from '../../schema.js';

const dependsOnLine =
  '^\\s{1,200}(?!Because )(?<requirer>[A-Za-z0-9][\\w.-]{0,200}(?:\\[[\\w,.-]{1,200}\\])?) (?<version>[^\\s]{1,200}) depends on (?<req>.{1,500})$';

const uvIndexPinMessage =
  'uv found no `{context.uvIndexPin.missing}=={context.uvIndexPin.missingVersion}`, the exact version ' +
  '`torch=={context.uvTorchPin.version}` requires. It is one of torch\'s CUDA wheels, ' +
  'published on PyPI with the torch release that pins it, so uv most likely did not look there: by default (`first-index`) ' +
  'uv takes a package\'s versions only from the first index that has the package at all, and an extra index that carries ' +
  '`{context.uvIndexPin.missing}` without this version (pypi.nvidia.com, a download.pytorch.org index) hides PyPI\'s.';

type Variant = NonNullable<RuleInput['variants']>[number];

const uvTitle = 'uv could not resolve the requirements';
const previousVersions = 'https://pytorch.org/get-started/previous-versions/';

/**
 * uv's report for a PyTorch `+cuNNN` / `+cpu` build no index it read has (the find-links and index tables behind the
 * `pip-advice` enricher, as for pip), and for a release with no wheel for this interpreter or platform.
 */
function uvVariants(): Variant[] {
  const localMessage =
    'uv found no `{context.uvLocal.spec}` on the indexes it read: PyTorch publishes its `+cuNNN` / `+cpu` builds on ' +
    'download.pytorch.org, not on PyPI.';
  return [
    {
      when: 'uvLocal&enrich.localFindLinksCmd',
      title: uvTitle,
      message: localMessage,
      fix: `{enrich.localLegacyNote} uv reads such a page with \`--find-links\` (not \`--index\`): \`{enrich.localFindLinksCmd}\` (${previousVersions}).`,
    },
    {
      when: 'uvLocal&enrich.localLegacyNote',
      title: uvTitle,
      message: localMessage,
      fix: `{enrich.localLegacyNote} ${previousVersions} lists each release's install command with the CUDA versions it was built for.`,
    },
    {
      when: 'uvLocal&enrich.localIndexCmd',
      title: uvTitle,
      message: localMessage,
      fix:
        'Give uv PyTorch\'s index for that build: `{enrich.localIndexCmd}`. {enrich.localIndexNote} To keep PyPI for the other ' +
        'packages of the same install, add `--extra-index-url {enrich.localIndexUrl}` to it instead, with `--index-strategy ' +
        'unsafe-best-match` (by default uv takes each package from the first index that has it, and this index carries ' +
        'copies of common packages).',
    },
    {
      when: 'uvNoWheels&uvWheelsHint',
      title: uvTitle,
      message:
        'uv found no wheel of `{context.uvNoWheels.spec}` for this {context.uvNoWheels.kind}: uv\'s hint says ' +
        '`{context.uvWheelsHint.pkg}` {context.uvWheelsHint.version} has wheels for {context.uvWheelsHint.tags} only.',
      fix:
        'Use a release with a wheel for this interpreter and platform (drop or move the pin), a Python the release was built for ' +
        '(the tags in the hint, `cp312` = Python 3.12), or build for the platform that has wheels.',
    },
    {
      when: 'uvNoWheels',
      title: uvTitle,
      message:
        'uv found no wheel of `{context.uvNoWheels.spec}` for this {context.uvNoWheels.kind} (not a conflict between requirements: ' +
        'the release publishes no file this interpreter or platform can install).',
      fix:
        'Compare the wheel files the index lists for that release with this interpreter (`python -c "import sys; print(sys.version)"`) ' +
        'and platform (`uname -m`), then use a release, a Python or a platform that has one.',
    },
  ];
}

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
      // poetry's and uv's `Because project depends on pytype (2021.10.18) which …` is an explanation, not pip's list.
      pattern: '^\\s{1,200}(?!Because )(?<requirer>[A-Za-z0-9][\\w.-]{0,200}(?:\\[[\\w,.-]{1,200}\\])?) (?<requirerVersion>[^\\s]{1,200}) depends on (?<requirement>.{1,500})$',
    },
    // `    The user requested datasets==4.4.1`, `    The user requested (constraint) datasets==4.4.1`
    { literals: ['The user requested'], pattern: 'The user requested (?:\\(constraint\\) )?(?<requested>.{1,500})$' },
    // uv: `× No solution found when resolving dependencies:` … `we can conclude that your requirements are unsatisfiable.`
    { literals: ['No solution found when resolving dependencies', 'your requirements are unsatisfiable'] },
  ],
  context: [
    { name: 'uv', literals: ['No solution found when resolving dependencies'] },
    {
      // `Because there is no version of torch==1.6.0+cu101 and your project depends on torch==1.6.0+cu101, …` (astral-sh/uv#12980),
      // `… no version of torch==2.7.0+cu128 and you require …` (vllm-project/vllm#19392): a PyTorch local build no index uv read has
      name: 'uvLocal',
      literals: ['there is no version of torch'],
      pattern: 'there is no version of (?<spec>torch(?:vision|audio)?==[\\w.]{1,40}\\+(?:cu\\d{2,3}|cpu))(?![\\w.+])',
    },
    // uv in a project (`uv add`, `uv sync`, `uv lock`) rather than `uv pip`: the commands are `uv add`'s
    { name: 'uvProject', literals: ['your project depends on', "your project's requirements are unsatisfiable"] },
    {
      // no wheel of a release fits the interpreter or platform: `torch>=2.5.0 has no wheels with a matching platform tag (e.g.,
      // \`macosx_14_0_arm64\`)`, `torch<=2.4.1 has no wheels with a matching Python ABI tag (e.g., \`cp313\`)` (uv 0.5 and later, in
      // public notes), and uv 0.1's `Because torch==2.1.1 is unusable because no wheels are available with a matching platform` (astral-sh/uv#1497)
      name: 'uvNoWheels',
      literals: ['has no wheels with a matching', 'no wheels are available with a matching'],
      pattern:
        '(?<spec>[A-Za-z0-9][\\w.-]{0,100}(?:[=<>!~]=?[\\w.*+]{1,40})?) (?:has no wheels with a matching|is unusable because no wheels are available with a matching) (?<kind>platform|Python ABI|Python version|Python)\\b',
    },
    // `hint: Wheels are available for \`torch\` (v2.4.1) with the following ABI tags: …` / `… on the following platform: \`win_amd64\``
    {
      name: 'uvWheelsHint',
      literals: ['hint: Wheels are available for'],
      pattern: 'Wheels are available for `(?<pkg>[^`]{1,100})` \\((?<version>[^)]{1,60})\\) (?:with the following [\\w ]{1,30}|on the following platforms?): (?<tags>.{1,300})$',
    },
    {
      // `Because there is no version of nvidia-cudnn-cu12{platform_machine == 'x86_64' …}==9.1.0.70 and torch==2.4.1 depends on …`
      name: 'uvIndexPin',
      literals: ['there is no version of nvidia-'],
      pattern: 'there is no version of (?<missing>nvidia-[a-z0-9-]{1,60})(?:\\{[^{}\\n]{0,300}\\})?==(?<missingVersion>[\\w.+]{1,40}) and\\b',
    },
    {
      // The pin is torch's, a PyPI release (no `+cu124` tag): `… and torch==2.4.1 depends on nvidia-cudnn-cu12…`, or on the
      // next line when uv wrapped its report: `      torch==2.4.0 depends on nvidia-cudnn-cu12…`
      name: 'uvTorchPin',
      literals: [' depends on nvidia-'],
      pattern: '(?:^|\\s)torch==(?<version>\\d{1,3}\\.\\d{1,4}(?:\\.\\d{1,4})?) depends on nvidia-',
    },
    // the "depends on" line was seen: the conflict can be told in one sentence
    { name: 'dependsOn', literals: [' depends on '], pattern: dependsOnLine },
    // the last one too: for a paste (no step output kept), the enricher compares the first and the last
    { name: 'lastDep', keep: 'last', literals: [' depends on '], pattern: dependsOnLine },
    {
      name: 'constraint',
      literals: ['The user requested (constraint)'],
      pattern: 'The user requested \\(constraint\\) (?<pin>.{1,500})$',
    },
  ],
  scope: 'step',
  specificity: 3,
  // The variants below cover uv and a log without the cause lines: here the enricher always has the pair.
  message: 'pip found no set of versions that satisfies every requirement: {enrich.conflict}.',
  fix: [
    '{enrich.conflictAdvice} To see what each release of {enrich.conflictRequirer} requires: `{enrich.conflictVersions}` ' +
      '(experimental in pip) lists the releases, and `{enrich.conflictDryRun}` resolves the newest one without installing.',
    '',
    'If the other side is a package the base image ships (NVIDIA\'s PyTorch images pin theirs), keep the image\'s version and leave ' +
      '{enrich.conflictRequirer} out of the default build until a release fits:',
    '',
    '```dockerfile',
    'ARG INSTALL_OPTIONAL="false"',
    'RUN if [ "$INSTALL_OPTIONAL" = "true" ]; then {enrich.conflictOptional}; fi',
    '```',
  ].join('\n'),
  variants: [
    {
      when: 'uvIndexPin&uvTorchPin',
      message: uvIndexPinMessage,
      fix: [
        'Run the same `uv pip install` again with `--index-strategy unsafe-best-match` (or with',
        '`UV_INDEX_STRATEGY=unsafe-best-match` in its environment): uv then picks each package\'s version from all the',
        'indexes, as pip does. That trusts every index as much as PyPI: a package of the same name on the other index could',
        'be picked instead. If the extra index is there only for torch\'s CUDA wheels, leaving it out works too: PyPI has',
        '`torch=={context.uvTorchPin.version}` and the wheels it pins.',
      ].join('\n'),
    },
    ...uvVariants(),
    {
      when: 'uv',
      message:
        'uv found no set of versions that satisfies every requirement; its explanation ("Because … we can conclude …") in the ' +
        'evidence below names the requirements that conflict.',
      fix:
        'Make the requirements uv names agree: relax the pin it names (`you require …`), or pin a release of the other package whose ' +
        'requirement fits. If the pin comes from the base image\'s packages, keep it and leave the other package out of the default ' +
        'build (a build argument around its install) until a release fits.',
    },
    {
      // a pasted terminal session or `docker run`: no Dockerfile lines
      when: 'dependsOn&!constraint&!uv&!fact.place=image-build',
      fix:
        '{enrich.conflictAdvice} To see what each release of {enrich.conflictRequirer} requires: `{enrich.conflictVersions}` ' +
        '(experimental in pip) lists the releases, and `{enrich.conflictDryRun}` resolves the newest one without installing.',
    },
    {
      when: 'constraint&dependsOn',
      message:
        'pip found no set of versions that satisfies every requirement: {enrich.conflict}. Loosening the request does not help: ' +
        'the constraints file is the side that must move, or the package must go.',
      fix: [
        'Either let the constrained package move (drop its line from the constraints file, if the base image does not need that ' +
          'version), or keep the image\'s version and leave {enrich.conflictRequirer} out of the default build until a ' +
          'release accepts it:',
        '',
        '```dockerfile',
        'ARG INSTALL_OPTIONAL="false"',
        'RUN if [ "$INSTALL_OPTIONAL" = "true" ]; then {enrich.conflictOptional}; fi',
        '```',
        '',
        'To see what each release of {enrich.conflictRequirer} requires: `{enrich.conflictVersions}` lists them, and ' +
          '`{enrich.conflictDryRun}` resolves one without installing.',
      ].join('\n'),
    },
    {
      when: '!dependsOn',
      message:
        'pip found no set of versions that satisfies every requirement (requested: {requested:all|not in the part of the log read here}). ' +
        'pip names the requirements that conflict under "The conflict is caused by:" in the step output.',
      fix:
        'Read the lines under "The conflict is caused by:" in the full step output: each names a package, its version and the ' +
        'requirement it has. Two of them disagree on one package: relax one of the two pins, or pick a release of the other ' +
        'package whose requirement fits (pip\'s `--dry-run --report -` on that package shows what a release requires).',
    },
  ],
  enrich: 'pip-advice',
  docs: 'https://pip.pypa.io/en/latest/topics/dependency-resolution/#dealing-with-dependency-conflicts',
};
