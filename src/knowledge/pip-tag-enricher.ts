// The `pip-tag` enricher: for a wheel pip refused by name, whether the pip that refused it is older than the first
// pip that knows the wheel's platform tag (pip-platform-tags.ts). The pip version is pip's own: its upgrade notice
// (`WARNING: You are using pip version 19.3.1; however, …`) or `pip 19.3.1 from /usr/…` (`pip --version`), in the
// failing step. Every key is absent when the version or the tag is not in the log, or the pip is new enough.
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';
import { glibcOfTag, pipTooOldFor } from './pip-platform-tags.js';

export function pipTagEnrich(captures: Readonly<Record<string, string>>, _step: Step | null, _model: BuildModel, _facts: FactView): Record<string, string> {
  const pip = captures['context.pipVersion.version'];
  const platTag = captures.platTag;
  if (pip === undefined || platTag === undefined) return {};
  const support = pipTooOldFor(pip, platTag);
  if (support === null) return {};
  const glibc = glibcOfTag(platTag);
  return {
    oldPip: pip,
    firstPip: support.firstPip,
    tagFamily: support.family,
    ...(glibc === null ? {} : { glibcNeed: `, which must be ${glibc} or newer for this wheel` }),
  };
}
