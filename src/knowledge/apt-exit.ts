// The `apt-exit` enricher: a step whose `apt-get install` exited with code 100 when the log keeps
// none of apt's `E:` lines (a cut log, the final error alone, output sent to /dev/null). apt-get
// returns 100 on any error (apt-get(8), DIAGNOSTICS), so the code alone does not say which; the
// packages the command names do, for those that need a component besides Debian's main
// (debian-components.ts).
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';
import { exitCodeShown } from '../model/exit-code.js';
import { runInstructionOf } from '../grammar/run-command.js';
import { bookwormComponentsLine, componentPackageOf } from './debian-components.js';

/** apt-get's exit code for every error (apt-get(8), DIAGNOSTICS). */
const APT_ERROR_EXIT = 100;

/**
 * `apt-get install -y --no-install-recommends a b=1.2 && …` → the words after `install` up to the next
 * shell operator (`-y --no-install-recommends a b=1.2`); null when the command runs no apt install.
 * Words, not one pattern: a pattern for the options between `apt-get` and `install` backtracks.
 */
export function aptInstallArguments(command: string): string | null {
  const words = command.split(/\s+/);
  for (let i = 0; i < words.length; i++) {
    const name = words[i]!.slice(words[i]!.lastIndexOf('/') + 1);
    if (name !== 'apt-get' && name !== 'apt') continue;
    let j = i + 1;
    while (j < words.length && words[j]!.startsWith('-')) j++;
    if (words[j] !== 'install') continue;
    const rest: string[] = [];
    for (const word of words.slice(j + 1)) {
      const stop = word.search(/[;&|]/);
      if (stop >= 0) {
        rest.push(word.slice(0, stop));
        break;
      }
      rest.push(word);
    }
    return rest.join(' ');
  }
  return null;
}

/** apt's own error lines (`E: Unable to locate package x`, `E: Package 'x' has no installation candidate`). */
const aptErrorLine = /^E: \S/;

/** The packages an `apt-get install` names (options and `\` continuations left out, version pins cut). */
export function aptInstallPackages(command: string): string[] | null {
  const args = aptInstallArguments(command);
  if (args === null) return null;
  return args
    .split(/\s+/)
    .filter((w) => w !== '' && w !== '\\' && !w.startsWith('-') && /^[a-z0-9][a-z0-9+.:=~-]*$/.test(w))
    .map((w) => w.split(/[=:]/)[0]!);
}

export function aptExitEnrich(_captures: Readonly<Record<string, string>>, step: Step | null, model: BuildModel, facts: FactView): Record<string, string> {
  if (exitCodeShown(step, model) !== APT_ERROR_EXIT) return {};
  const command = step?.instruction || runInstructionOf(model.solveError?.message ?? '') || '';
  const packages = aptInstallPackages(command);
  if (packages === null || packages.length === 0) return {};
  // apt said why: the rules that read its `E:` lines explain it.
  const shown = [...(step?.tail ?? []), ...(model.outsideLines ?? [])];
  if (shown.some((l) => aptErrorLine.test(l.trimStart()))) return {};
  const os = facts.value('os');
  const needs = componentPackageOf(packages);
  return {
    aptExit: 'yes',
    packages: packages.join(' '),
    componentPackage: needs?.name ?? '',
    components: needs?.components.join(' ') ?? '',
    componentNeeds: needs?.needs ?? '',
    bookwormVersion: needs?.bookwormVersion ?? '',
    componentsLine: needs === null ? '' : bookwormComponentsLine(needs.components),
    // The release the log shows: Debian 12, another one (the components line would not fit it), or none.
    bookworm: os === 'Debian 12' ? 'yes' : '',
    otherOs: os !== null && os !== 'Debian 12' ? os : '',
    // The RUN ran through BuildKit's QEMU (a step of another platform): its error names the emulator.
    emulated: (model.solveError?.message ?? '').includes('/dev/.buildkit_qemu_emulator ') || shown.some((l) => l.includes('/dev/.buildkit_qemu_emulator ')) ? 'yes' : '',
  };
}
