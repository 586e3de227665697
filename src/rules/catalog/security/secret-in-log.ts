import type { RuleInput } from '../../schema.js';

/**
 * A token, key or password printed by the build. This entry is the rule's metadata for the catalog
 * (id, title, severity, docs table) and is disabled by design: the finding comes from the redactor
 * (src/security/redact.ts), which sees every line before any rule does and masks the secret in it.
 * A line-matching rule could not fire, because by the time a rule sees a line the secret is gone;
 * nor should one, since a rule's evidence would carry the value it matched.
 *
 * Severity warning: an error explains why a build failed, and a leak does not; the build may have
 * passed. `--fail-on warning` makes it fail the job.
 */
export const secretInLog: RuleInput = {
  id: 'security/secret-in-log',
  title: 'Secret printed in the build log',
  severity: 'warning',
  match: [
    {
      literals: ['ghp_', 'gho_', 'ghs_', 'ghu_', 'ghr_', 'github_pat_', 'AKIA', 'ASIA', 'hf_', 'xoxb-', 'xoxp-', 'pypi-', '-----BEGIN'],
    },
  ],
  scope: 'build',
  message:
    'A credential (GitHub, AWS, Hugging Face, Slack or PyPI token, private key, URL password, or a value ' +
    'assigned to a TOKEN / SECRET / PASSWORD name) was printed in the log. It is masked in every report, but ' +
    'the raw log still holds it.',
  fix: [
    'Rotate the credential. Pass secrets as BuildKit secrets, never as `--build-arg` or `ENV`:',
    '',
    '```dockerfile',
    'RUN --mount=type=secret,id=hf_token,env=HF_TOKEN python download.py',
    '```',
    '',
    '`docker buildx build --secret id=hf_token,env=HF_TOKEN .`',
  ].join('\n'),
  docs: 'https://docs.docker.com/build/building/secrets/',
  enabled: false,
};
