// The finding the redactor's sightings become: one `security/secret-in-log` warning per kind of
// secret the build printed, saying where, with the values masked, and how to stop leaking it.
import type { Redactor } from '../security/redact.js';
import { SECRET_LABELS, type SecretKind } from '../security/secret-patterns.js';
import type { Finding } from './finding.js';

export const SECRET_RULE_ID = 'security/secret-in-log';

/** One `security/secret-in-log` finding per kind of secret the redactor masked, values masked. */
export function secretFindings(redactor: Pick<Redactor, 'sightings'>): Finding[] {
  const out: Finding[] = [];
  for (const [kind, s] of redactor.sightings()) {
    const label = SECRET_LABELS[kind];
    const lines = s.lines.join(', ') + (s.count > s.lines.length ? ` and ${s.count - s.lines.length} more` : '');
    out.push({
      ruleId: SECRET_RULE_ID,
      severity: 'warning',
      title: `Secret printed in the build log: ${label}`,
      message:
        `The build printed a secret (${label}) on log line${s.count > 1 ? 's' : ''} ${lines}. It is masked in this report, ` +
        'but the raw log (and any image layer built with it as an ARG or ENV) still holds it: treat it as leaked.',
      fix: secretFix(kind),
      step: null,
      location: null,
      evidence: s.evidence,
      retryable: false,
    });
  }
  return out;
}

function secretFix(kind: SecretKind): string {
  const rotate =
    kind === 'private-key'
      ? '1. Replace the key pair: generate a new key, install the new public key, revoke the old one.'
      : '1. Revoke and rotate the credential now: anyone who can read this log may have copied it.';
  return [
    rotate,
    '2. Pass secrets to the build as BuildKit secrets, never as `--build-arg` or `ENV` (both are kept in the image history and printed in the log):',
    '   ```dockerfile',
    '   RUN --mount=type=secret,id=hf_token,env=HF_TOKEN python download.py',
    '   ```',
    '   ```sh',
    '   docker buildx build --secret id=hf_token,env=HF_TOKEN .',
    '   ```',
    '   In GitHub Actions: `secrets: hf_token=${{ secrets.HF_TOKEN }}` on `docker/build-push-action`.',
    '3. Do not echo secrets or run commands with `set -x` while they are in the environment.',
  ].join('\n');
}
