// pip computed the hash of a file it downloaded and the hash is not one it expected, so it refuses to install the file.
// pip prints (pip/_internal/exceptions.py `HashMismatch`): `THESE PACKAGES DO NOT MATCH THE HASHES FROM THE REQUIREMENTS
// FILE. …`, then the requirement (`tensorflow==2.5.1 from https://…whl (from background-removal==1.0.0):`, or
// `unknown package:` when the requirement has no name yet), `Expected sha256 …` (one `or …` line per further allowed
// hash) and `Got …` (DDMAL/Rodan#990, runpod-workers/worker-stable_diffusion_v1#17).
// Not matched: poetry's `not found in known hashes` (pip/poetry-hash-mismatch); pip's other hash-checking errors
// (`Hashes are required in --require-hashes mode`, `… must have their versions pinned with ==`), which name missing
// pins, not a file that differs.
//
// What it means, and the advice:
// - The heading names "the requirements file", yet pip checks every download, with or without `--hash` pins: out of
//   hash-checking mode it trusts the hash the index publishes in the file's URL (`#sha256=…`,
//   pip/_internal/operations/prepare.py `_get_linked_req_hashes` → `InstallRequirement.hashes(trust_internet=True)`,
//   read in pip 23.2.1 on this machine). So without pins, a mismatch means the file that arrived is not the file the
//   index published: a download cut short or corrupted on the way (Rodan#990: the 454 MB wheel stopped at 46 MB; the
//   maintainers saw it pass later without a change), or a proxy or mirror that serves another file.
// - Hash-checking mode: `--hash` on any requirement turns it on for all, `--require-hashes` forces it (pip docs,
//   "Secure installs", https://pip.pypa.io/en/stable/topics/secure-installs/). Pins written against another file (a
//   mirror's, another platform's wheel, a re-uploaded version) fail every time with the same `Got`: regenerate them,
//   `pip-compile --generate-hashes` (pip-tools) or `pip hash FILE` (computes the `--hash` value of a local archive,
//   `pip hash --help`) on the file `pip download --no-deps` fetches.
// - The requirement line names the file: `nvidia-cudnn-cu11==8.5.0.96 from https://…whl (from torch>=1.6.0->…->-r
//   requirements.txt (line 3)):`; its `(from …)` part nests the requirements file's `(line N)`, so the pattern reads it
//   to the line's last `):` (yoheinakajima/babyagi#346, Blockstream/blind_pin_server#14).
// - Several `Expected` hashes (`Expected     or …`) are the requirement's `--hash` pins: out of hash-checking mode pip
//   expects only the one hash of the file's URL, in it only the pins (`req.hashes(trust_internet=False)`, prepare.py
//   above). A platform wheel (`…-manylinux_2_17_aarch64.manylinux2014_aarch64.whl`) whose hash is not among them
//   fails on every build on that platform: the pins were generated on another platform, from its files only
//   (blind_pin_server#14: three pins, pip picked the aarch64 wheel). The hash of the same file fetched elsewhere
//   tells the two causes apart: equal to `Got`, the file arrived whole and the pins lack it; not equal, it was cut.
//   Regenerating writes the hash of every file of each pinned version when the index serves hashes (PyPI does):
//   pip-tools 1.10.0 and later (CHANGELOG, "--generate-hashes now generates hashes for all wheels, not only wheels
//   for the currently running platform", jazzband/pip-tools#520); uv takes the index's hashes for the version
//   (crates/uv-resolver/src/resolution/output.rs `get_hashes`; astral-sh/uv#3516 shows 90 hashes for one package),
//   and `uv pip compile --universal` (uv 0.2.16 and later: changelogs/0.2.x.md, "Add a universal resolution
//   mode to `uv pip compile` with `--universal`", astral-sh/uv#4505; docs/concepts/resolution.md)
//   also keeps the dependencies only other platforms need. From an index that serves no hashes, both hash only the
//   files they fetch (astral-sh/uv#10308, jazzband/pip-tools#1536).
// - A wheel cut short: a failed step's files are thrown away, so the next build downloads anew. `--no-cache-dir`
//   keeps pip's cache (a BuildKit cache mount, a cache left in a base image) out of it, and it is the change reporters
//   confirmed for this failure in image builds (babyagi#346: "adding `--no-cache` to the requirements.txt
//   installation line in Dockerfile"; data-prep-kit/data-prep-kit#539); `PIP_NO_CACHE_DIR` set to any valid boolean
//   does the same for every pip call, a script's too (cmdoptions.py `_handle_no_cache_dir`).
// - A failure that comes back on the same builder is the builder's network cutting the large download short, not a
//   passing blip (DDMAL/Rodan#1260: the 454 MB tensorflow wheel failed on Docker Hub's builder for months; the merged
//   fix, Rodan#1307, installs it from a direct file link). Up to pip 25.0 pip hands a short file to the hash check;
//   pip 25.1 (Python 3.9 and later: "Drop support for Python 3.8") checks the length and resumes with
//   `--resume-retries`, on by default from pip 25.2 ("Automatic download resumption and retrying is enabled by
//   default", pip NEWS, pypa/pip#12991, #13464; the pip maintainer's release posts, ichard26.github.io "What's new in
//   pip 25.1" (resumable downloads) and "… 25.2" (enabled by default, up to five resumes)). `--timeout` (socket timeout, seconds) and `--retries` (attempts per
//   connection) help a proxy that stalls (`pip install --help`). Else fetch the wheel once, check it with `pip hash`
//   and install it from the file.
import type { RuleInput } from '../../schema.js';

/** How to tell a broken download from pins that name another file, and what to do about each. */
const PIN_CHECK = [
  'If it fails again with the same `Got` hash, the file pip receives is not the one expected, every time:',
  '',
  '- Pins in the requirements file (`grep -n -- \'--hash\'` on it shows them) written against another file (a mirror\'s,',
  '  another platform\'s wheel): regenerate them against the index the image installs from, `pip-compile',
  '  --generate-hashes` (pip-tools) on the `.in` file, or `pip download --no-deps` the requirement and `pip hash` the',
  '  file it saves, then commit the new `--hash=sha256:…` values.',
  '- No pins: the expected hash is the one the index publishes for the file, so something between the builder and the',
  '  index (a proxy, a mirror set by `PIP_INDEX_URL` or pip.conf) serves another file: install from the index directly',
  '  or fix the mirror.',
].join('\n');

/** The requirement as pip names it, or what to read when it does not. */
const WHAT = '{context.requirement.package|the file}{context.requirement.pin|}';

/**
 * An image build: the edit goes into the Dockerfile, and a failure that comes back on the same builder is that
 * builder's network or another file, not a blip; the `Got` hash tells which.
 */
const RECURRING = [
  'If it fails again on this builder, the failure is not passing. Compare its `Got` hash with this one:',
  '',
  '- A different `Got` each time: the builder\'s network (a proxy, a mirror, the registry\'s connection) cuts the',
  '  large download short. In that `RUN`, upgrade pip first: pip 25.2 or later (Python 3.9 or later) checks the',
  '  length of a download and resumes it when it is cut short (pip 25.1: add `--resume-retries 5`); behind a proxy',
  `  that stalls, add \`--timeout 120 --retries 10\` to the \`pip install\`. Or download ${WHAT} once where the`,
  '  network is good, check it with `pip hash` (it must print the `Expected` hash), `COPY` it into the image and',
  '  `pip install` that file before the requirements.',
  '- The same `Got` every time: pip receives another file every time. Pins in the requirements file (`grep -n --',
  '  \'--hash\'` shows them) written against another file (a mirror\'s, another platform\'s wheel): regenerate them,',
  '  `pip-compile --generate-hashes` (pip-tools) on the `.in` file. No pins: the expected hash is the one the index',
  '  publishes for the file, so something between the builder and the index (a proxy, a mirror set by',
  '  `PIP_INDEX_URL` or pip.conf) serves another file: install from the index directly or fix the mirror.',
].join('\n');

/** The step's own `RUN` with `--no-cache-dir` added, then a fresh build. */
const OWN_RUN_FIX = [
  `Leave pip's cache out of the step's \`RUN\` in the Dockerfile, then build again: the step runs anew and downloads`,
  `${WHAT} afresh, with no cached copy in the way.`,
  '',
  '```dockerfile',
  'RUN {enrich.pipNoCacheRun}',
  '```',
  '',
  RECURRING,
].join('\n');

/** The step's command is not a `pip install` the log shows (a script, say): the edit in words. */
const IMAGE_BUILD_FIX = [
  `In the Dockerfile, add \`--no-cache-dir\` to the \`pip install\` of this step's \`RUN\` (or put \`ENV`,
  `PIP_NO_CACHE_DIR=1\` before the step when the \`RUN\` calls a script), then build again: the step runs anew and`,
  `downloads ${WHAT} afresh, with no cached copy in the way.`,
  '',
  RECURRING,
].join('\n');

/** The step's pip already runs without its cache: no cached copy to blame, so the lead is a fresh build. */
const NO_CACHE_ALREADY_FIX = [
  'The step\'s `pip install` already runs with `--no-cache-dir`, so no cached copy is involved: build again once, the',
  `step downloads ${WHAT} anew.`,
  '',
  RECURRING,
].join('\n');

/** Pins generated on another platform: regenerate them with the hash of every file, whatever platform builds. */
const PLATFORM_PIN_FIX = [
  'A retry does not help: every build on this platform gets this wheel, and its hash is not pinned. Make sure of it',
  'on any machine: the same file, downloaded and hashed, gives the `Got` hash when it arrived whole here:',
  '',
  '```sh',
  "curl -fsSLO '{context.requirement.url}' && pip hash '{context.wheel.file}'",
  '```',
  '',
  'Then regenerate the pins with the tool that wrote them (the file\'s header names its command) so they list the',
  'hash of every file of each pinned version, for every platform, and commit the file. PyPI serves those hashes; an',
  'index or `--find-links` folder that serves none gets only the files the tool downloads.',
  '',
  '```sh',
  '# pip-tools 1.10.0 or later hashes all wheels of each pinned version (reads requirements.in, writes requirements.txt)',
  'pip-compile --generate-hashes',
  '# uv 0.2.16 or later: --universal also keeps the dependencies only other platforms need',
  'uv pip compile --universal --generate-hashes requirements.in -o requirements.txt',
  '```',
  '',
  'Or build for the platform the pins were generated on (`docker build --platform linux/amd64 .` when they were made',
  'on an x86-64 machine; emulated on this host, and slower).',
].join('\n');

export const hashMismatch: RuleInput = {
  id: 'pip/hash-mismatch',
  title: 'pip: downloaded file does not match its expected hash',
  severity: 'error',
  match: [
    // `ERROR: THESE PACKAGES DO NOT MATCH THE HASHES FROM THE REQUIREMENTS FILE. If you have updated the package versions, please update the hashes. …`
    { literals: ['THESE PACKAGES DO NOT MATCH THE HASHES'] },
  ],
  context: [
    // `tensorflow==2.5.1 from https://files.pythonhosted.org/…whl (from background-removal==1.0.0):`, and
    // `MarkupSafe==2.0.1 from https://…whl (from -r /pinserver/requirements.txt (line 14)):`
    {
      name: 'requirement',
      literals: [' from '],
      pattern:
        '^\\s*(?<package>[A-Za-z0-9][\\w.-]{0,100})(?:\\[[^\\]]{0,200}\\])?(?<pin>==[^\\s;:]{1,100})? from (?<url>\\S{1,500}?)(?: \\(from [^\\n]{1,1000}\\))?:\\s*$',
    },
    // The wheel's platform tag, its last `-` field: `…/MarkupSafe-2.0.1-cp39-cp39-manylinux_2_17_aarch64.manylinux2014_aarch64.whl (from …`
    {
      name: 'wheel',
      literals: ['.whl'],
      pattern:
        ' from \\S{0,500}/(?<file>[\\w.+-]{1,200}-(?<platform>(?:manylinux|musllinux|macosx|win|linux)[\\w.]{0,200}?)\\.whl)\\b',
    },
    // `Expected     or 594c67807fb16238b30c44bdf74f36c02cdf22d1c8cda91ef8a0ed8dabf5620a`: several allowed hashes are pins.
    { name: 'pinsListed', literals: ['Expected '], pattern: '^\\s*Expected\\s{1,20}or\\s{1,20}[0-9a-f]{32,128}\\s*$' },
    // `Got        a61ed6be3ef0c42ee7c1cdad1eaf95b1b99bc5c713f1283e3aa907a8723dda80`
    { name: 'got', literals: ['Got '], pattern: '^\\s*Got\\s{1,20}(?<hash>[0-9a-f]{32,128})\\s*$' },
    // A BuildKit cache mount keeps pip's cache, and a broken file in it, from build to build.
    { name: 'cacheMount', source: 'instruction', literals: ['type=cache'], pattern: '--mount=\\S{0,200}type=cache' },
    // `docker compose up --build` builds the images first; the reporter's words often carry it
    // (`Just run docker compose up -d --build`, rag-web-ui/rag-web-ui#76).
    { name: 'composeBuild', literals: ['compose up'], pattern: '\\bdocker[ -]compose up\\b[^\\n]{0,200}?\\s--build\\b' },
  ],
  scope: 'step',
  specificity: 3,
  enrich: 'pip-cache',
  message:
    'pip downloaded {context.requirement.package|a file (pip names it `unknown package`; the `Downloading` line above ' +
    'names it)}{context.requirement.pin|} and its hash (`Got {context.got.hash|…}`) is not the one pip expected, so it refused to install it. ' +
    'pip checks every download against the hash the index publishes for the file, and against the `--hash` pins of the ' +
    'requirements file when it has any: most often the file was cut short or corrupted on the way; less often the pins ' +
    'were written against another file.',
  fix: [
    'Install again, with pip\'s cache left out so a broken copy in it is not reused:',
    '',
    '```sh',
    'pip install --no-cache-dir -r requirements.txt',
    '```',
    '',
    PIN_CHECK,
  ].join('\n'),
  variants: [
    {
      when: 'pinsListed&wheel',
      title: 'pip: the requirements file pins no hash for this platform\'s wheel',
      message:
        'pip picked the `{context.wheel.platform}` wheel of {context.requirement.package|the requirement}{context.requirement.pin|} ' +
        'and its hash (`Got {context.got.hash|…}`) is not among the hashes the requirements file pins for it: the pins were ' +
        'generated on another platform, from its files only, so pip refuses this platform\'s wheel on every build.',
      fix: PLATFORM_PIN_FIX,
    },
    {
      when: 'cacheMount&fact.place=image-build',
      fix: [
        'The step mounts a build cache, which keeps pip\'s cache, a broken download too, from build to build. In that',
        '`RUN`, add `--no-cache-dir` to its `pip install` (or put `pip cache purge &&` in front of it), then build again.',
        '',
        PIN_CHECK,
      ].join('\n'),
    },
    { when: 'enrich.pipCacheOff&fact.place=image-build', fix: NO_CACHE_ALREADY_FIX },
    { when: 'enrich.pipNoCacheRun&fact.place=image-build', fix: OWN_RUN_FIX },
    { when: 'fact.place=image-build', fix: IMAGE_BUILD_FIX },
    { when: 'composeBuild', fix: IMAGE_BUILD_FIX },
  ],
  docs: 'https://pip.pypa.io/en/stable/topics/secure-installs/',
};
