// One pip install that collected the CUDA build of torch it was asked for, from PyTorch's index, and then went on to a
// torch with no local version, PyPI's build: another requirement of the same install (a package whose release pins one
// exact torch: xformers, torchvision, torchaudio, vllm) rejected the first, and the resolver took the release that
// package wants from the default index. The build passes; the image has PyPI's torch, built for the CUDA PyTorch chose
// as that release's default, not the CUDA build asked for. Seen in jim60105/docker-stable-diffusion-webui#7 (a cu128
// nightly torch for an RTX 5090 replaced by torch 2.6.0 from PyPI because of `xformers==0.0.29.post2`; the maintainer's
// fix removed xformers from the cu128 image). pip prints `Collecting torch` again only when its resolver tries another
// candidate, so the last torch collected is the one it went on with (knowledge/torch-swap-enricher.ts).
// Where xformers comes from for a CUDA build: PyTorch's index carries its wheels per CUDA tag (facebookresearch/xformers
// README, "Installing xFormers": `pip3 install -U xformers --index-url https://download.pytorch.org/whl/cu126`).
import type { RuleInput } from '../../schema.js';

/** A torch wheel pip collected: `Using cached …/torch-2.7.0.dev20250215%2Bcu128-cp310-…` or `Downloading torch-2.6.0-cp310-…`. */
const TORCH_WHEEL = '(?:Using cached|Downloading) (?:\\S{0,300}/)?torch-(?<version>\\d[\\w.]{0,40}?)(?:(?:%2B|\\+)(?<local>[\\w.]{1,40}))?-cp\\d{2,3}-';
/** One from PyTorch's CUDA index: `https://download.pytorch.org/whl/nightly/cu128/torch-2.7.0.dev20250215%2Bcu128-…`. */
const CUDA_TORCH =
  '(?:Using cached|Downloading) (?<index>https://download\\.pytorch\\.org/whl/(?:nightly/|test/)?cu\\d{2,3})/torch-(?<version>\\d[\\w.]{0,40}?)(?:%2B|\\+)(?<tag>cu\\d{2,3})-cp\\d{2,3}-';

/** The fix after its first sentence (`lead`: which requirement to look for): the two ways out, then the check of what went in. */
function swapFix(lead: string): string {
  return [
    lead,
    '',
    '- drop that pin, or move it to a release made for this torch: xformers publishes its builds for PyTorch\'s stable CUDA torches on',
    '  PyTorch\'s index (`pip install -U xformers --index-url https://download.pytorch.org/whl/{context.cudaTorch.tag}`, its README); a nightly',
    '  torch has none, or',
    '- pin torch to the release that package needs, from a CUDA index that release was published on.',
    '',
    'Then check what went in, with the Python that ran the install (in an image build, as a `RUN` line after it); a',
    '`+{context.cudaTorch.tag}` version is the CUDA build:',
    '',
    '```sh',
    'python -c "import torch; print(torch.__version__, torch.version.cuda)"',
    '```',
  ].join('\n');
}

export const cudaTorchSwapped: RuleInput = {
  id: 'pip/cuda-torch-swapped',
  title: 'pip dropped the CUDA build of torch it first collected',
  severity: 'warning',
  match: [
    { literals: ['download.pytorch.org/whl/'], pattern: CUDA_TORCH },
    // PyPI's: no local version in the file name
    { literals: ['torch-'], pattern: '(?:Using cached|Downloading) (?:\\S{0,300}/)?torch-\\d[\\w.]{0,40}-cp\\d{2,3}-' },
  ],
  context: [
    { name: 'cudaTorch', literals: ['download.pytorch.org/whl/'], pattern: CUDA_TORCH, required: true },
    { name: 'lastTorch', literals: ['torch-'], pattern: TORCH_WHEEL, keep: 'last' },
    // a pin that commonly requires one exact torch: `Collecting xformers==0.0.29.post2`
    {
      name: 'pinned',
      literals: ['Collecting '],
      pattern: '^\\s{0,8}Collecting (?<pin>(?:xformers|torchvision|torchaudio|vllm|sglang)==[\\w.+-]{1,60})\\s*$',
      keep: 'last',
    },
  ],
  // the CUDA build went in after all
  unless: [{ literals: ['Successfully installed '], pattern: 'Successfully installed [^\\n]{0,4000}?\\btorch-\\d[\\w.]{0,40}\\+cu\\d{2,3}\\b' }],
  enrich: 'torch-swap',
  when: 'enrich.swapped',
  message:
    'pip first collected the CUDA build of torch asked for, `{enrich.cudaTorch}` from `{enrich.cudaIndex}`, then went on to torch ' +
    '`{enrich.swapped}` with no local version: PyPI\'s build, made for the CUDA PyTorch chose as that release\'s default, not ' +
    '`{context.cudaTorch.tag}`. pip collects torch again only when another requirement of this install rules the first candidate out ' +
    '(a package whose release requires one exact torch). The install goes on without an error; GPUs and features only the ' +
    '`{context.cudaTorch.tag}` build has fail when the image runs. {enrich.swappedTags}',
  fix: swapFix(
    'Find the requirement that wants torch {enrich.swapped}: a package pinned in the same install (xformers, torchvision, torchaudio, vllm: each release of them requires one torch). Then either:',
  ),
  variants: [
    {
      when: 'pinned',
      fix: swapFix(
        'Find the requirement that wants torch {enrich.swapped}. The likeliest is `{context.pinned.pin}`, collected in the same install: each of its\n' +
          'releases requires one torch. Then either:',
      ),
    },
  ],
  docs: 'https://pytorch.org/get-started/locally/',
};
