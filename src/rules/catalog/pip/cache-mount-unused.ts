// `RUN --mount=type=cache,target=/root/.cache/pip … pip install --no-cache-dir …`: the mount is
// there to keep pip's downloads from one build to the next, and `--no-cache-dir` ("Disable the
// cache.", pip 23.2.1 `pip install --help`; PIP_NO_CACHE_DIR=1 in the environment does the same) makes
// pip neither read nor write it, so every build downloads every wheel again. Docker's advice for pip
// is the mount without the flag (docs.docker.com/build/cache/optimize/, "Use cache mounts"): the
// mount is not part of the image, so keeping the cache costs the image nothing. Waste, so a notice;
// the Dockerfile check dockerfile/pip-no-cache-defeats-cache-mount says the same before a build.
// The instruction BuildKit prints carries the `--mount` flags, so the log alone shows it.
import type { RuleInput } from '../../schema.js';

export const cacheMountUnused: RuleInput = {
  id: 'pip/cache-mount-unused',
  title: "pip's cache mount is never used (--no-cache-dir)",
  severity: 'notice',
  match: [
    // `  Downloading http://…/heavylib-1.0.0-py3-none-any.whl (67.1 MB)`, `  Downloading torch-2.3.1-cp311-cp311-manylinux1_x86_64.whl (779.1 MB)`
    { literals: ['Downloading '], pattern: '^\\s{0,20}Downloading (?:\\S{0,1000}/)?(?<download>[^\\s/]{1,300}) \\((?<size>[\\d.]{1,10} [kMG]?B|\\d{1,12} bytes)\\)$' },
  ],
  context: [
    {
      name: 'cacheMount',
      source: 'instruction',
      literals: ['--mount=type=cache'],
      pattern: '--mount=type=cache,[^\\s]{0,300}?\\b(?:target|dst|destination)=(?<target>[^\\s,]{0,200}\\.cache(?:/pip)?)/?(?=[,\\s]|$)',
    },
    { name: 'noCacheDir', source: 'instruction', literals: ['--no-cache-dir', 'PIP_NO_CACHE_DIR='], pattern: '--no-cache-dir\\b|PIP_NO_CACHE_DIR=(?:1|true|yes|on)\\b' },
  ],
  when: 'cacheMount&noCacheDir',
  scope: 'step',
  specificity: 2,
  message:
    'Step {step} mounts a cache at `{context.cacheMount.target}` for pip and runs pip with `--no-cache-dir`, so pip neither reads nor writes it: ' +
    'it downloaded {download:all} again ({count} downloads), as it will on every build. The step took {duration|an unknown time (the log gives none)}.',
  fix: [
    'Drop `--no-cache-dir` (and `PIP_NO_CACHE_DIR`) from this RUN and keep the mount: the mount is not part of the image, so the cache does not make it bigger.',
    '',
    '```dockerfile',
    'RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt',
    '```',
    '',
    'The next build prints `Using cached …` for what the mount kept. Keep `--no-cache-dir` only in a RUN without a cache mount, where pip\'s cache would stay in the layer.',
  ].join('\n'),
  docs: 'https://docs.docker.com/build/cache/optimize/#use-cache-mounts',
};
