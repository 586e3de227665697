// Part of the `pip-advice` enricher: a plain pin of a PyTorch package (`torch==1.12.0`) asked of one of
// PyTorch's per-CUDA indexes (`Looking in indexes: https://download.pytorch.org/whl/cu115`) that lists only
// other releases of its own CUDA (`from versions: 1.11.0+cu115`): PyTorch never built that release for that
// CUDA. The indexes the release was built for come from torch-wheels.ts (PyTorch's previous-versions page);
// the newest release this index does have comes from the list pip printed. Keys are absent unless all of it
// holds: the release is in the table, its CUDA tags leave this index out, and pip listed builds of this index.
// The index may be the release-candidate copy `…/whl/test/cu124` (pytorch/pytorch RELEASE.md, "Release Candidate
// Storage": wheels at https://download.pytorch.org/whl/test/): its `+cuNNN` builds are the same CUDA's, and the
// commands point at the release indexes (`…/whl/cu126`), where the previous-versions page installs from.
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';
import { IMPLICIT_STEP_ID } from '../grammar/implicit-step.js';
import { installCommand, installerOf, type InstallOptions } from './installer-forms.js';
import { indexUrl, torchReleases, type TorchRelease } from './torch-wheels.js';
import { toolkitsSupporting } from './cuda-arches.js';

type TorchPackage = 'torch' | 'torchvision' | 'torchaudio';

/** `1.11.0` → [1, 11, 0], to order releases. */
function parts(version: string): number[] {
  return version.split('.').map(Number);
}

function newer(a: string, b: string): boolean {
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) > (y[i] ?? 0);
  }
  return false;
}

/** `cu115` → 115: tags compare as numbers (cu102 < cu113 < cu116). */
function tagNumber(tag: string): number {
  return Number(tag.slice(2));
}

/** The release's tag nearest to the one asked for; between two as near, the newer CUDA. */
function nearestTag(release: TorchRelease, asked: string): string {
  const want = tagNumber(asked);
  return [...release.cudaTags].sort((a, b) => Math.abs(tagNumber(a) - want) - Math.abs(tagNumber(b) - want) || tagNumber(b) - tagNumber(a))[0]!;
}

/** `cu102, cu113 and cu116`. */
function spoken(tags: readonly string[]): string {
  return tags.length === 1 ? tags[0]! : `${tags.slice(0, -1).join(', ')} and ${tags[tags.length - 1]!}`;
}

/**
 * The packages the failing command installs besides the pinned one, in the order torch, torchvision, torchaudio: from
 * the step's instruction, else from the command a plain log quotes (`pip install torch==2.7.0 torchvision torchaudio
 * --index-url …`).
 */
function packagesOf(pkg: TorchPackage, step: Step | null, quoted: string | undefined): TorchPackage[] {
  const text = step !== null && step.id !== IMPLICIT_STEP_ID ? step.instruction : (quoted ?? '');
  return (['torch', 'torchvision', 'torchaudio'] as const).filter((p) => p === pkg || new RegExp(`\\b${p}(?![\\w-])`).test(text));
}

/**
 * The packages of `release` from the index `tag` as PyTorch's own command for it installs them (releaseInstall in
 * torch-wheels.ts): from 2.0 plain pins with `--index-url`; for 1.x `+cuNNN` pins (torchaudio plain) with
 * `--extra-index-url`, since those indexes then held PyTorch's own packages only.
 */
function installOf(packages: readonly TorchPackage[], release: TorchRelease, tag: string): InstallOptions {
  const url = indexUrl(tag)!;
  if (Number(release.torch.split('.')[0]) >= 2) return { requirements: packages.map((p) => `${p}==${release[p]}`), indexUrl: url };
  return { requirements: packages.map((p) => (p === 'torchaudio' ? `${p}==${release[p]}` : `${p}==${release[p]}+${tag}`)), extraIndexUrls: [url] };
}

export function torchIndexReleaseEnrich(
  captures: Readonly<Record<string, string>>,
  step: Step | null,
  _model: BuildModel,
  facts: FactView,
): Record<string, string> {
  const pin = /^(torch|torchvision|torchaudio)==(\d{1,3}\.\d{1,3}\.\d{1,3})$/.exec(captures.requirement ?? '');
  const tag = captures['context.torchCudaIndex.tag'];
  const channel = captures['context.torchCudaIndex.channel'] ?? '';
  if (pin === null || tag === undefined) return {};
  const pkg = pin[1] as TorchPackage;
  const version = pin[2]!;
  const release = torchReleases.find((r) => r[pkg] === version);
  if (release === undefined || release.cudaTags.includes(tag)) return {};
  // the builds of this index pip listed: `1.11.0+cu115`
  const listed = (captures.versions ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v.endsWith(`+${tag}`))
    .map((v) => v.slice(0, -(tag.length + 1)));
  if (listed.length === 0 || listed.includes(version)) return {};
  const newest = listed.reduce((a, b) => (newer(b, a) ? b : a));
  const other = nearestTag(release, tag);
  const installer = installerOf(facts);
  const packages = packagesOf(pkg, step, captures['context.torchCommand.cmd']);
  const moveCmd = installCommand(installer, installOf(packages, release, other));
  const out: Record<string, string> = {
    idxPackage: pkg,
    idxVersion: version,
    idxTag: tag,
    idxIndex: `${channel}${tag}`,
    idxTags: spoken(release.cudaTags),
    idxOtherTag: other,
    idxNewest: newest,
    idxMoveCmd: moveCmd,
  };
  if (channel === 'test/') {
    out.idxChannelNote =
      'Its test/ channel holds PyTorch\'s release candidates (pytorch/pytorch RELEASE.md); the commands below take the released ' +
      'wheels from the release indexes.';
  }
  // a GeForce RTX 50 series GPU (sm_120) needs a torch built with the first CUDA whose nvcc compiles sm_120 (cuda-arches.ts:
  // 12.8): said when the nearest index is older and the release has one at least that new (2.7.0: cu128)
  const first = toolkitsSupporting('sm_120')[0];
  const firstTag = first === undefined ? null : `cu${first.replace('.', '')}`;
  if (firstTag !== null && tagNumber(other) < tagNumber(firstTag)) {
    const blackwell = release.cudaTags.find((t) => tagNumber(t) >= tagNumber(firstTag));
    if (blackwell !== undefined) {
      out.idxBlackwellTag = blackwell;
      out.idxBlackwellCuda = first!;
      out.idxBlackwellCmd = installCommand(installer, installOf(packages, release, blackwell));
    }
  }
  // the release this index does have, with the packages released with it (the table's row of that release;
  // `torch==1.11.0+cu115 torchvision==0.12.0+cu115 --extra-index-url …/cu115` is how projects install that pair)
  const stay = torchReleases.find((r) => r[pkg] === newest);
  if (stay !== undefined) out.idxStayCmd = installCommand(installer, installOf(packages, stay, tag));
  return out;
}
