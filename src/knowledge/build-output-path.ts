// The `build-output-path` enricher: a COPY source that is the output folder of a known build tool, which a build
// makes in a stage and never commits, so a missing one means the tool did not write it there.
//
// Next.js writes `.next/standalone` during `next build` only when next.config.js sets `output: 'standalone'`
// (Next.js docs, next.config.js `output`: "This will create a folder at `.next/standalone` which can then be
// deployed on its own", https://nextjs.org/docs/app/api-reference/config/next-config-js/output; vercel/next.js
// docs/01-app/03-api-reference/05-config/01-next-config-js/output.mdx). department-of-veterans-affairs/va.gov-team#67371
// and refinedev/dockerfiles#3: a `COPY --from=builder …/.next/standalone` failed until that setting was added.
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';

/** `app/.next/standalone`, `/app/apps/web/.next/standalone/`: the folder itself, not a file below it or `.next/static`. */
const NEXT_STANDALONE = /(?:^|\/)\.next\/standalone\/?$/;

/** `nextStandalone` (`yes`) when the captured `path` is Next.js's standalone output folder; nothing otherwise. */
export function buildOutputPathEnrich(
  captures: Readonly<Record<string, string>>,
  _step: Step | null,
  _model: BuildModel,
  _facts: FactView,
): Record<string, string> {
  const path = captures.path;
  return path !== undefined && NEXT_STANDALONE.test(path) ? { nextStandalone: 'yes' } : {};
}
