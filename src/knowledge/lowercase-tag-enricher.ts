// The `lowercase-tag` enricher: an image reference whose repository part has capitals, rewritten the
// way the registry accepts it. Docker's reference grammar allows only lowercase letters, digits and
// separators in the repository path (docker tag docs: "Name components may contain lowercase letters,
// digits and separators", quoted in docker/build-push-action#37); the tag after `:` may keep its case
// (`[\w][\w.-]{0,127}`), and so may a digest. So only the part before the tag is lowered.
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';

/** `ghcr.io/Owner/App:Dev-1` → `ghcr.io/owner/app:Dev-1`; null when nothing changes. */
export function lowercaseRepository(ref: string): string | null {
  const at = ref.indexOf('@');
  const withoutDigest = at === -1 ? ref : ref.slice(0, at);
  const digest = at === -1 ? '' : ref.slice(at);
  const slash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  const hasTag = colon > slash;
  const name = hasTag ? withoutDigest.slice(0, colon) : withoutDigest;
  const tag = hasTag ? withoutDigest.slice(colon) : '';
  const lowered = `${name.toLowerCase()}${tag}${digest}`;
  return lowered === ref ? null : lowered;
}

/** `lowerTag`: the captured `tag` with its repository lowercased; absent when there is no capital to fix. */
export function lowercaseTagEnrich(
  captures: Readonly<Record<string, string>>,
  _step: Step | null,
  _model: BuildModel,
  _facts: FactView,
): Record<string, string> {
  const tag = captures.tag;
  if (tag === undefined) return {};
  const lowered = lowercaseRepository(tag);
  return lowered === null ? {} : { lowerTag: lowered };
}
