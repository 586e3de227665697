// The `torch-minimum` enricher: a package's setup.py asked for a newer torch than the one installed
// (`AssertionError: Requires PyTorch >= 1.6`). When the log shows the CUDA the torch was built for (its
// `+cuNNN` tag, or the toolkit's version), the oldest release in torch-wheels.ts that is new enough and
// published for that CUDA, as the install command of the installer in use: the smallest step up that keeps
// the image's CUDA. Nothing when the CUDA is unknown or no release in the table fits (the rule's fix then
// says how to read the versions).
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';
import { releaseInstall, releasesForCuda, wheelTagFor } from './torch-wheels.js';
import { installCommand, installerOf } from './installer-forms.js';

/** `1.10` > `1.6`: compares dotted versions number by number. */
export function versionAtLeast(version: string, minimum: string): boolean {
  const a = version.split(/[.+]/).map((p) => Number.parseInt(p, 10));
  const b = minimum.split('.').map((p) => Number.parseInt(p, 10));
  for (let i = 0; i < b.length; i++) {
    const x = Number.isNaN(a[i] ?? Number.NaN) ? 0 : a[i]!;
    const y = Number.isNaN(b[i] ?? Number.NaN) ? 0 : b[i]!;
    if (x !== y) return x > y;
  }
  return true;
}

/** `torchUpgrade` (an install command), `upgradeTorch`, `upgradeTag`; nothing without a CUDA tag and a release to offer. */
export function torchMinimumEnrich(
  captures: Readonly<Record<string, string>>,
  _step: Step | null,
  _model: BuildModel,
  facts: FactView,
): Record<string, string> {
  const need = captures.need;
  if (need === undefined) return {};
  const torchCuda = facts.value('torchCuda');
  const cuda = facts.value('cuda');
  const tag = torchCuda !== null && /^cu\d{2,3}$/.test(torchCuda) ? torchCuda : cuda !== null ? wheelTagFor(cuda) : null;
  if (tag === null) return {};
  // Oldest first: the smallest step up from the torch the build has.
  const release = [...releasesForCuda(tag)].reverse().find((r) => versionAtLeast(r.torch, need));
  if (release === undefined) return {};
  const install = releaseInstall(release, tag);
  return {
    torchUpgrade: installCommand(installerOf(facts), install),
    upgradeTorch: release.torch,
    upgradeTag: tag,
  };
}
