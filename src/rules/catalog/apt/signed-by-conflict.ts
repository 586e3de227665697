// apt stops reading its sources: `E: Conflicting values set for option Signed-By regarding source <url> <suite>: <key> != <other>`
// then `E: The list of sources could not be read.` One repository is named twice (two `.list` files, or a `.list`
// and /etc/apt/sources.list) with different `signed-by=` keys, or one with and one without. Not matched: apt's
// `Target … is configured multiple times` (a warning; the same source twice with the same options).
//
// On NVIDIA's CUDA repository it follows the 2022 key rotation: the `cuda-keyring` package installs its own list
// (`cuda-<distro>-<arch>.list`, `signed-by=/usr/share/keyrings/cuda-archive-keyring.gpg`) beside the `cuda.list` that
// older CUDA images (and images built on them, e.g. tensorflow/tensorflow:2.7.0-gpu) ship without it. NVIDIA's answer
// for this exact error: remove the duplicate entry, the `add-apt-repository` line in /etc/apt/sources.list and the old
// `cuda*.list` files (kmittman in NVIDIA/cuda-repo-management#4, "Duplicate .list entries"); NVIDIA's rotation recipe
// removes `cuda.list` before `dpkg -i cuda-keyring…` (NVIDIA/nvidia-docker#1631, knowledge/nvidia-key-enricher.ts). The
// keyring's own list also starts with `cuda`, so the fix names `cuda.list` rather than a `cuda*.list` glob. The
// machine-learning repository (`nvidia-ml.list`) is retired and signed with the old key (NVIDIA/deepops#1166), so
// it goes too, or the next `apt-get update` stops at NO_PUBKEY. For other repositories (NVIDIA's container toolkit
// in NVIDIA/libnvidia-container#194, Docker's in docker/for-linux#1349) the fix is the same in kind: keep one entry.
import type { RuleInput } from '../../schema.js';

/** Lists the files that name the repository: the duplicate to delete is among them. */
const findEntries = "grep -rn '{context.nvidiaCuda.repo}' /etc/apt/sources.list /etc/apt/sources.list.d/";

const NVIDIA_MESSAGE =
  "apt names NVIDIA's CUDA repository `{context.nvidiaCuda.repo}` twice with different keys: the `cuda-keyring` package " +
  'added its own list (signed by `/usr/share/keyrings/cuda-archive-keyring.gpg`), and the image still has the old entry ' +
  '(`/etc/apt/sources.list.d/cuda.list` in CUDA images built before the 2022 key rotation) without it. apt refuses ' +
  'both and reads no sources at all.';

export const signedByConflict: RuleInput = {
  id: 'apt/signed-by-conflict',
  title: 'apt source listed twice with different Signed-By keys',
  severity: 'error',
  match: [
    {
      // `E: Conflicting values set for option Signed-By regarding source https://…/ubuntu2004/x86_64/ /: /usr/share/keyrings/cuda-archive-keyring.gpg !=`
      literals: ['Conflicting values set for option Signed-By'],
      pattern: 'Conflicting values set for option Signed-By regarding source (?<source>\\S{1,300})',
    },
  ],
  context: [
    {
      // The CUDA repository directory in the source: `ubuntu2004/x86_64`.
      name: 'nvidiaCuda',
      literals: ['developer.download.nvidia.com/compute/cuda/repos/'],
      pattern: 'Signed-By regarding source https?://developer\\.download\\.nvidia\\.com/compute/cuda/repos/(?<repo>[a-z]+\\d{1,4}/[a-z0-9_]+)',
    },
  ],
  scope: 'step',
  only: 'failed-step',
  specificity: 3,
  message:
    'apt names the source `{source}` in two places with different `signed-by` keys (or one with and one without), so it ' +
    'refuses to read any of its sources.',
  variants: [
    {
      when: 'nvidiaCuda&fact.place=image-build',
      title: "NVIDIA's CUDA repository listed twice: the old cuda.list beside cuda-keyring's list",
      message: NVIDIA_MESSAGE,
      fix: [
        "Remove the old entries after installing `cuda-keyring` (or before it, as NVIDIA's steps do) and before the failing",
        "`apt-get update`; the keyring's own list stays. `nvidia-ml.list`, the retired machine-learning repository, goes too:",
        '',
        '```dockerfile',
        'RUN rm -f /etc/apt/sources.list.d/cuda.list /etc/apt/sources.list.d/nvidia-ml.list \\',
        " && sed -i '/developer\\.download\\.nvidia\\.com\\/compute\\/cuda\\/repos/d' /etc/apt/sources.list \\",
        ' && apt-get update',
        '```',
        'If it persists, another file names the repository; list them in a `RUN` before the update and keep only the keyring\'s:',
        `\`${findEntries}\`.`,
      ].join('\n'),
    },
    {
      when: 'nvidiaCuda',
      title: "NVIDIA's CUDA repository listed twice: the old cuda.list beside cuda-keyring's list",
      message: NVIDIA_MESSAGE,
      fix: [
        "Remove the old entries (the keyring's own list stays) and the retired machine-learning repository, as root",
        '(`sudo` on a host; in a Dockerfile, a `RUN` before the failing update):',
        '',
        '```sh',
        'rm -f /etc/apt/sources.list.d/cuda.list /etc/apt/sources.list.d/nvidia-ml.list',
        "sed -i '/developer\\.download\\.nvidia\\.com\\/compute\\/cuda\\/repos/d' /etc/apt/sources.list",
        'apt-get update',
        '```',
        `If it persists, another file names the repository; list them and keep only the keyring's: \`${findEntries}\`.`,
      ].join('\n'),
    },
  ],
  fix: [
    'Find the files that name the source and keep one entry, with the `signed-by=` key its vendor documents:',
    '',
    '```sh',
    "grep -rn '{source}' /etc/apt/sources.list /etc/apt/sources.list.d/",
    '```',
    'then delete the other line or file (in a Dockerfile, in a `RUN` before the failing `apt-get update`).',
  ].join('\n'),
  docs: 'https://github.com/NVIDIA/cuda-repo-management/issues/4',
};
