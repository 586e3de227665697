// The `apt-pinned-install` enricher: the `apt-get install` of the failing step as written, its options and
// version pins kept (`-y --allow-downgrades libnccl2=2.3.7-1+cuda10.0`), so a fix that adds `apt-get update`
// to the same `RUN` repeats the user's own install instead of a looser one. Offered only when every word is
// a plain option or package spec: a quote, a variable or a substitution would not survive being moved.
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';
import { aptInstallArguments } from './apt-exit.js';

/** An option (`-qq`, `--allow-downgrades`, `-o=Dpkg::Options::=--force-confnew`) or a package spec (`name`, `name=version`). */
const plainWord = /^(?:--?[A-Za-z0-9][A-Za-z0-9:=._-]*|[a-z0-9][a-z0-9+.:=~-]*)$/;

export function aptPinnedInstallEnrich(_captures: Readonly<Record<string, string>>, step: Step | null, _model: BuildModel, _facts: FactView): Record<string, string> {
  const args = aptInstallArguments(step?.instruction ?? '');
  if (args === null) return {};
  const words = args.split(/\s+/).filter((w) => w !== '' && w !== '\\');
  if (words.length === 0 || !words.every((w) => plainWord.test(w))) return {};
  // The pins are the point: without one, the other variants of the rule say all there is.
  if (!words.some((w) => !w.startsWith('-') && w.includes('='))) return {};
  return { aptInstallArgs: words.join(' ') };
}
