// The `self-installed` enricher: for a missing command that no distribution package provides (conda: its own
// installer, knowledge/self-installed-tools.ts), the earlier step of the stage that was meant to install it, and what
// in that step the log shows wrong: a `curl` without `-L`, which saves a redirect instead of the installer; the prefix
// the installer was given (`-p`), whose `bin` has to be on PATH. Without that step in the log, the rule says what to
// look for in the Dockerfile instead.
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';
import { selfInstalledTool } from './self-installed-tools.js';
import { stepLabel } from './tool-bin-dir-enricher.js';

/** True when a `curl` command of `text` (up to the next `&&`, `;`, `|`) has no `-L` / `--location`. */
export function curlWithoutLocation(text: string): boolean {
  for (const hit of text.matchAll(/\bcurl\s([^;&|]{0,600})/g)) {
    const words = hit[1]!.split(/\s+/);
    if (!words.some((w) => w === '--location' || w === '--location-trusted' || (/^-[A-Za-z]{1,20}$/.test(w) && w.includes('L')))) return true;
  }
  return false;
}

/** `/opt/conda/` → `/opt/conda`; `/` stays. */
function trimSlashes(path: string): string {
  let end = path.length;
  while (end > 1 && path[end - 1] === '/') end -= 1;
  return path.slice(0, end);
}

/**
 * `selfInstaller` (what installs the command), `selfInstallerUrl`, `selfInstallerIndex`, `selfInstallDocs`,
 * `selfInstallPrefix` (the `-p` of the installer step, else the table's default); when the log shows the installer
 * step, `selfInstallStep` (its label), `selfCurlNoLocation` when its curl lacks `-L` and `selfInstallCached` when its
 * result came from the build cache; `selfInstallerAddUrl` (the installer for this build's machine, x86_64 unless the
 * log shows another) and `selfInstallerArchNote` (the arm64 one, when the log shows no machine; where to look, for a
 * machine the installers' names do not cover).
 */
/** A build platform → the `uname -m` name the installers are spelled with (Miniconda3-latest-Linux-<machine>.sh). */
const MACHINE_OF_PLATFORM: Readonly<Record<string, string>> = {
  'linux/amd64': 'x86_64',
  'linux/arm64': 'aarch64',
  'linux/arm64/v8': 'aarch64',
  'linux/ppc64le': 'ppc64le',
  'linux/s390x': 's390x',
};

function addInstaller(byArch: string, index: string, platform: string | null): { selfInstallerAddUrl: string; selfInstallerArchNote: string } {
  const machine = platform === null ? undefined : MACHINE_OF_PLATFORM[platform];
  if (machine !== undefined) return { selfInstallerAddUrl: byArch.replace('{arch}', machine), selfInstallerArchNote: '' };
  const x86 = byArch.replace('{arch}', 'x86_64');
  return {
    selfInstallerAddUrl: x86,
    selfInstallerArchNote:
      platform === null
        ? `The log does not show the machine: that is the x86_64 installer; an arm64 image takes ${byArch.replace('{arch}', 'aarch64')}.`
        : `That is the x86_64 installer, and this build is for ${platform}: take that platform's installer from ${index}, if it has one.`,
  };
}

export function selfInstalledEnrich(captures: Readonly<Record<string, string>>, step: Step | null, model: BuildModel, facts: FactView): Record<string, string> {
  const command = captures['command'];
  const tool = command === undefined ? null : selfInstalledTool(command);
  if (tool === null || step === null) return {};
  const before = model.steps.slice(0, Math.max(0, model.steps.indexOf(step))).filter((s) => s.stage === step.stage);
  const installerStep = before.reverse().find((s) => tool.installerPattern.test(s.instruction)) ?? null;
  // The installer's own `-p`, read after its file name: `mkdir -p /tmp/dl && … bash /tmp/dl/m.sh -b -p /opt/conda`.
  const at = installerStep === null ? null : tool.installerPattern.exec(installerStep.instruction);
  const prefix = at == null ? null : (/\s-b?p\s+(\/[^\s;&|]{1,200})/.exec(installerStep!.instruction.slice(at.index))?.[1] ?? null);
  const out: Record<string, string> = {
    selfInstaller: tool.installer,
    selfInstallerUrl: tool.installerUrl,
    selfInstallerIndex: tool.installerIndex,
    selfInstallDocs: tool.docs,
    selfInstallPrefix: trimSlashes(prefix ?? tool.defaultPrefix),
    // the installer for this build's machine, for an `ADD` (no shell there to ask `uname -m`)
    ...addInstaller(tool.installerUrlByArch, tool.installerIndex, facts.value('platform')),
  };
  if (installerStep !== null) {
    out.selfInstallStep = stepLabel(installerStep);
    if (curlWithoutLocation(installerStep.instruction)) out.selfCurlNoLocation = 'yes';
    // Its result came from the build cache (`Using cache`): the bad download is replayed until that step runs again.
    if (installerStep.cached) out.selfInstallCached = 'yes';
  }
  return out;
}
