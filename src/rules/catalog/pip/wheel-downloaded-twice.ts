// The same large wheel downloaded (or built) more than once in one build: two stages that each
// `pip install torch`, or a second install step that fetches again what `-r requirements.txt`
// fetched (`--force-reinstall`, `--no-cache-dir`). pip names the file it downloads (`Downloading
// torch-2.3.1-cp311-…whl (779.1 MB)`; from an index other than PyPI's file host, the whole URL) and
// the wheel it built (`Created wheel for flash-attn: filename=… size=…`, in bytes). Only large files
// count: 50 MB and more downloaded, 10 MB and more built (CUDA wheels: torch, flash-attn, xformers,
// vllm, the nvidia-* libraries). A wheel fetched once per platform of a multi-platform build is the
// same file name only for pure-Python wheels, which are seldom that large.
import type { RuleInput } from '../../schema.js';

export const wheelDownloadedTwice: RuleInput = {
  id: 'pip/wheel-downloaded-twice',
  title: 'The same large wheel downloaded or built twice',
  severity: 'notice',
  match: [
    {
      literals: ['Downloading '],
      pattern: '^\\s{0,20}Downloading (?:\\S{0,1000}/)?(?<wheel>[^\\s/]{1,300}\\.whl) \\((?<size>(?:[5-9]\\d|\\d{3,4})(?:\\.\\d{1,2})? MB|[\\d.]{1,6} GB)\\)$',
    },
    { literals: ['Created wheel for '], pattern: 'Created wheel for [^\\s:]{1,200}: filename=(?<wheel>[^\\s/]{1,300}\\.whl) size=\\d{8,12}\\b' },
  ],
  repeated: 'wheel',
  scope: 'build',
  specificity: 2,
  message:
    'pip fetched or built the same large wheel more than once in this build (the times in brackets): {wheel:repeats}. Each time costs the download ' +
    '(or the compile) again, and each copy that stays in a layer makes the image bigger.',
  fix: [
    'Get each wheel once:',
    '',
    '- Two stages that install it: install it in one stage and start the other `FROM` it, or copy the installed packages across.',
    '- A second install step that replaces it (`--force-reinstall`, another index): make the first install pick the right build, so the second has nothing to do.',
    '- Keep pip\'s downloads between steps and builds with a cache mount on every RUN that installs, and no `--no-cache-dir` there; ' +
      'RUNs that mount the same cache target share it:',
    '',
    '```dockerfile',
    'RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt',
    '```',
  ].join('\n'),
  docs: 'https://docs.docker.com/build/cache/optimize/#use-cache-mounts',
};
