// The static Dockerfile checks, in report order. The metadata (id, title, severity, docs) is
// what the rule table in the README is generated from.
import type { Finding } from '../../rules/finding.js';
import type { Dockerfile } from '../dockerfile.js';
import type { StaticCheck, StaticCheckMeta } from './check.js';
import { argNotInStage } from './arg-not-in-stage.js';
import { cudaArchUnsupported } from './cuda-arch-unsupported.js';
import { cuptiNotInRuntime } from './cupti-not-in-runtime.js';
import { nvidiaPs1Unset } from './nvidia-ps1-unset.js';
import { pipNoCacheDefeatsCacheMount } from './pip-no-cache-defeats-cache-mount.js';
import { pipUnboundedResolve } from './pip-unbounded-resolve.js';
import { pipefailMissing } from './pipefail-missing.js';
import { unpinnedBaseImage } from './unpinned-base-image.js';

export type { StaticCheck, StaticCheckMeta } from './check.js';

export const staticChecks: readonly StaticCheck[] = [
  argNotInStage,
  cudaArchUnsupported,
  cuptiNotInRuntime,
  nvidiaPs1Unset,
  pipUnboundedResolve,
  pipNoCacheDefeatsCacheMount,
  pipefailMissing,
  unpinnedBaseImage,
];

/** Metadata only, for documentation tables. */
export const staticCheckMeta: readonly StaticCheckMeta[] = staticChecks.map(({ id, title, severity, docs }) => ({ id, title, severity, ...(docs === undefined ? {} : { docs }) }));

/**
 * The static findings a build's log already tells better: a check's finding on a Dockerfile line
 * where a log finding of the same problem (`sameProblemAs`) stands is dropped.
 */
export function withoutRepeats(staticFindings: readonly Finding[], logFindings: readonly Finding[]): Finding[] {
  const seen = new Set(logFindings.filter((f) => f.location).map((f) => `${f.ruleId}@${f.location!.line}`));
  const sameAs = new Map(staticChecks.map((c) => [c.id, c.sameProblemAs ?? []] as const));
  return staticFindings.filter((f) => !f.location || !(sameAs.get(f.ruleId) ?? []).some((id) => seen.has(`${id}@${f.location!.line}`)));
}

/**
 * Runs every check. A check that throws (our bug) is skipped rather than failing the user's job;
 * `onError` hears about it.
 */
export function runStaticChecks(dockerfile: Dockerfile, onError?: (checkId: string, error: unknown) => void): Finding[] {
  const findings: Finding[] = [];
  for (const check of staticChecks) {
    try {
      findings.push(...check.check(dockerfile));
    } catch (error) {
      onError?.(check.id, error);
    }
  }
  return findings;
}
