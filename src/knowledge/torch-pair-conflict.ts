// A pip ResolutionImpossible between torch and one of its domain libraries (torchvision, torchaudio): each release of
// those pins the exact torch it was built with (`torchvision 0.17.1 depends on torch==2.2.1`, Kaggle/docker-python#1364),
// so the fix is the pair, not a relaxed pin.
//
// - Releases: the torchvision / torchaudio released with each torch is the table of knowledge/torch-wheels.ts
//   (pytorch.org/get-started/previous-versions: `pip install torch==2.2.0 torchvision==0.17.0 torchaudio==2.2.0`). It
//   agrees with pytorch/vision's README, "the corresponding `torchvision` versions" (by minor: `2.2` ↔ `0.17`, `2.1` ↔
//   `0.16`, `2.0` ↔ `0.15`, `1.13` ↔ `0.14`) and with torchaudio's "Compatibility Matrix"
//   (docs.pytorch.org/audio/stable/installation.html: `2.2` ↔ `2.2.0`, `2.0.1` ↔ `2.0.2`, `2.0.0` ↔ `2.0.1`, `1.13.1` ↔
//   `0.13.1`; "TorchAudio and PyTorch from different releases cannot be used together"). A torch the table does not hold
//   gets no pair: the fix says where to read it.
// - Nightlies (`2.7.0.dev20250311`): a domain library's nightly pins the torch nightly it was built against, which is
//   not always the same date: `torchvision 0.22.0.dev20250311+cpu depends on torch==2.7.0.dev20250310`
//   (pytorch/executorch#9445, fixed by pinning matching nightlies in #9593), `torchvision 0.22.0.dev20250529+xpu depends
//   on torch==2.8.0.dev20250528` (pytorch/pytorch#154687), `torchvision 0.5.0.dev20191110 has requirement
//   torch==1.4.0.dev20191109` (pytorch/pytorch#29530). The torch nightly to pin is the one the library's requirement
//   names. Old nightlies leave the index after a while (knowledge/torch-prerelease-pin.ts, pytorch/test-infra#5673).
//   Nightlies are only on PyTorch's nightly indexes and are pre-releases: pytorch.org's install selector gives
//   `pip3 install --pre torch torchvision --index-url https://download.pytorch.org/whl/nightly/cpu` (and `…/nightly/cuNNN`)
//   (pytorch/pytorch.github.io published_versions.json, "preview").
// - `pip install --dry-run` (pip ≥ 22.2, pip docs "installation-report") resolves without installing: with torch pinned
//   and the library bare, it shows the release of the library pip would pair with it ("Would install …").
import type { Conflict } from './pip-conflict.js';
import { pinnedVersion } from './pip-conflict.js';
import { torchReleases } from './torch-wheels.js';

const DOMAIN = new Set(['torchvision', 'torchaudio']);
const NIGHTLY_ROOT = 'https://download.pytorch.org/whl/nightly';
const RELEASE_ROOT = 'https://download.pytorch.org/whl';

/** `2.7.0.dev20250311+cpu` → parts; null when not a dated nightly. */
function nightly(version: string): { base: string; date: string; tag: string | null } | null {
  const m = /^(\d{1,2}\.\d{1,2}\.\d{1,2})\.dev(20\d{6})(?:\+([a-z0-9.]{1,20}))?$/.exec(version.trim());
  return m ? { base: m[1]!, date: m[2]!, tag: m[3] ?? null } : null;
}

/** `2.2.0+cu121` → { version: '2.2.0', tag: 'cu121' }. */
function splitLocal(version: string): { version: string; tag: string | null } {
  const plus = version.indexOf('+');
  return plus < 0 ? { version, tag: null } : { version: version.slice(0, plus), tag: version.slice(plus + 1) };
}

/** A PyTorch index variant tag (`cpu`, `cu121`, `rocm6.2`, `xpu`); anything else is not one. */
function variantTag(tag: string | null): string | null {
  return tag !== null && /^(?:cpu|cu\d{2,3}|rocm\d{1,2}(?:\.\d{1,2}){0,2}|xpu)$/.test(tag) ? tag : null;
}

export interface TorchPairAdvice {
  /** Prose for the fix: what pairs with what, and what to pin. */
  torchPairAdvice: string;
  /** The check, runnable as printed (`<variant>` left in only when the log shows no variant). */
  torchPairCheck: string;
  /** Nightlies: the second check, for the library's nightly that pairs with the torch asked for. */
  torchPairCheckKeep?: string;
  /** The build's pip predates `--dry-run` (22.2): a sentence that says to upgrade it first. */
  torchPairUpgrade?: string;
  /** Set when the check's index variant is not in the log: how to find it (a sentence with its leading space). */
  torchPairVariantNote?: string;
}

/**
 * The advice for a conflict between a `torch==X` request and a torchvision / torchaudio release's `torch==Y`, or null
 * when the conflict is some other pair. `pipOld`: the build's pip version when it predates `--dry-run` (upgrade first).
 */
export function torchPairAdvice(conflict: Conflict, pipOld: string | null): TorchPairAdvice | null {
  const { wanted, against } = conflict;
  if (wanted.requirer !== null || wanted.constraint || wanted.project !== 'torch') return null;
  const lib = against.requirer?.toLowerCase() ?? '';
  if (!DOMAIN.has(lib) || against.project !== 'torch' || against.requirerVersion === null) return null;
  const asked = pinnedVersion(wanted.requirement);
  const needed = pinnedVersion(against.requirement);
  if (asked === null || needed === null) return null;
  const libVersion = against.requirerVersion;
  const upgrade = pipOld !== null
    ? { torchPairUpgrade: ` This build's pip is ${pipOld}, older than 22.2, which added \`--dry-run\`: run \`python -m pip install --upgrade pip\` first.` }
    : {};

  const askedNightly = nightly(asked);
  const libNightly = nightly(libVersion);
  const neededNightly = nightly(needed);
  if (askedNightly !== null || libNightly !== null || neededNightly !== null) {
    const variant = variantTag(libNightly?.tag ?? null) ?? variantTag(askedNightly?.tag ?? null);
    const index = `${NIGHTLY_ROOT}/${variant ?? '<variant>'}`;
    const libPin = `${lib}==${libVersion}`;
    const advice =
      `These are nightly builds: ${lib} ${libVersion} was built against the torch nightly ${needed} and pins exactly that ` +
      `build, which is not always the same date as its own (a domain library's nightly often names the previous day's torch). ` +
      `Pin the pair its requirement names: \`torch==${needed}\` with \`${libPin}\`; or keep \`torch==${asked}\` and pin the ` +
      `${lib} nightly built against it, which the check below finds. Relaxing the torch pin to a range does not help: ` +
      `each nightly of ${lib} accepts one torch build only. Nightlies are pre-releases on PyTorch's nightly index only, so ` +
      `every command needs \`--pre --index-url ${index}\`, and old nightlies are removed from it after a while: a pin ` +
      `to a date that is gone no longer installs at all.`;
    return {
      torchPairAdvice: advice,
      ...upgrade,
      torchPairCheck: `pip install --dry-run --pre torch==${needed} ${libPin} --index-url ${index}`,
      torchPairCheckKeep: `pip install --dry-run --pre torch==${asked} ${lib} --index-url ${index}`,
      ...(variant === null
        ? {
            torchPairVariantNote:
              ' The log shows no build variant (a `+cpu` / `+cu128` label): put the one the install uses in place of ' +
              '`<variant>` (`cpu`, or the `cuNNN` of the index URL in the install command; pytorch.org\'s "Start Locally" ' +
              'selector, "Preview (Nightly)", lists the current ones).',
          }
        : {}),
    };
  }

  const a = splitLocal(asked);
  const row = torchReleases.find((r) => r.torch === a.version) ?? null;
  const pair = row === null ? null : lib === 'torchvision' ? row.torchvision : row.torchaudio;
  const tag = variantTag(a.tag);
  const indexArg = tag !== null ? ` --index-url ${RELEASE_ROOT}/${tag}` : '';
  const check = `pip install --dry-run torch==${asked} ${lib}${indexArg}`;
  const other = `\`torch==${needed} ${lib}==${libVersion}\` (the pair the log names)`;
  if (pair !== null) {
    return {
      torchPairAdvice:
        `Each ${lib} release pins the torch it was built with: ${lib} ${libVersion} is the one for torch ${needed}, and the ` +
        `${lib} released with torch ${a.version} is ${pair} (PyTorch's previous-versions page). Pin a matching pair: ` +
        `\`torch==${asked} ${lib}==${pair}\`, or move torch to ${needed}: ${other}. The dry run below shows the ${lib} pip ` +
        `pairs with your torch pin ("Would install …").`,
      ...upgrade,
      torchPairCheck: check,
    };
  }
  return {
    torchPairAdvice:
      `Each ${lib} release pins the torch it was built with: ${lib} ${libVersion} is the one for torch ${needed}. The table ` +
      `of releases checked here does not hold torch ${a.version}, so it names no pair: https://pytorch.org/get-started/previous-versions/ ` +
      `lists the ${lib} released with each torch (${lib === 'torchvision' ? "pytorch/vision's README has the table by minor version" : "and torchaudio's compatibility matrix: https://docs.pytorch.org/audio/stable/installation.html"}), and the dry run below shows the ${lib} pip pairs with your torch pin ("Would install …"). ` +
      `Or move torch to ${needed}: ${other}.`,
    torchPairCheck: check,
  };
}
