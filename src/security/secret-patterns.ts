// What a secret looks like in a build log. Token shapes are matched by one regular expression
// (linear-time: each alternative starts with a fixed public prefix and repeats a bounded class);
// assignments (`HF_TOKEN=…`) and URL credentials are found by scanning, not by regex, because a
// regex for "a name that contains TOKEN, then =" has to start with a loop and backtracks
// quadratically on a long run of name characters.

export type SecretKind =
  | 'github-token'
  | 'aws-access-key'
  | 'aws-secret-key'
  | 'huggingface-token'
  | 'slack-token'
  | 'pypi-token'
  | 'private-key'
  | 'url-credentials'
  | 'authorization-header'
  | 'secret-assignment';

/** How each kind is named in a finding. */
export const SECRET_LABELS: Record<SecretKind, string> = {
  'github-token': 'GitHub token',
  'aws-access-key': 'AWS access key id',
  'aws-secret-key': 'AWS secret access key',
  'huggingface-token': 'Hugging Face token',
  'slack-token': 'Slack token',
  'pypi-token': 'PyPI API token',
  'private-key': 'private key',
  'url-credentials': 'password in a URL',
  'authorization-header': 'HTTP Authorization header',
  'secret-assignment': 'secret-named variable or argument',
};

/**
 * Token shapes with a public prefix, kept in the masked text (`ghp_****`) so the reader can tell
 * which credential to rotate. Named groups: the prefix that stays. Lengths from the issuers:
 * GitHub classic tokens are prefix + 36, fine-grained `github_pat_` + 82; AWS key ids are
 * AKIA/ASIA + 16; Hugging Face `hf_` + 34; PyPI tokens are `pypi-` + a long macaroon.
 */
export const TOKEN_PATTERN =
  /(?<![A-Za-z0-9_])(?:(?<github>gh[pousr]_)[A-Za-z0-9]{30,255}|(?<githubPat>github_pat_)[A-Za-z0-9_]{22,255}|(?<aws>(?:AKIA|ASIA))[A-Z0-9]{16}(?![A-Z0-9])|(?<hf>hf_)[A-Za-z0-9]{30,255}|(?<slack>xox[abprs]-)[A-Za-z0-9-]{10,255}|(?<pypi>pypi-)[A-Za-z0-9_-]{40,2000})/g;

export const TOKEN_GROUP_KINDS: Record<string, SecretKind> = {
  github: 'github-token',
  githubPat: 'github-token',
  aws: 'aws-access-key',
  hf: 'huggingface-token',
  slack: 'slack-token',
  pypi: 'pypi-token',
};

/**
 * The cheap test every line goes through: does it contain anything a secret could start with?
 * Literal alternatives only (no quantifier), case-insensitive.
 */
export const SECRET_PREFILTER =
  /token|passw|secret|key|credential|auth|pwd|:\/\/|gh[pousr]_|github_pat_|A[KS]IA|hf_|xox[abprs]-|pypi-|-----BEGIN|bearer/i;

/** Last word of a name that makes its value a secret: `HF_TOKEN`, `DB_PASSWORD`, `CLIENT_SECRET`. */
const SECRET_WORDS = new Set([
  'token',
  'secret',
  'password',
  'passwd',
  'pwd',
  'passphrase',
  'credential',
  'credentials',
  'apikey',
  'secretkey',
  'accesskey',
  'privatekey',
  'pat',
  'auth',
]);
/** `KEY` alone is too common (`CACHE_KEY`, `GPG_KEY` fingerprints): only after one of these. */
const KEY_QUALIFIERS = new Set(['api', 'access', 'secret', 'private', 'auth', 'client', 'account', 'master', 'encryption', 'license', 'service', 'deploy', 'signing', 'subscription', 'storage', 'app']);

/** Splits `HUGGING_FACE_HUB_TOKEN`, `npm-authToken`, `aws.secret.key` into lower-case words. */
function words(name: string): string[] {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < name.length; i++) {
    const ch = name[i]!;
    if (ch === '_' || ch === '-' || ch === '.') {
      if (current) out.push(current.toLowerCase());
      current = '';
      continue;
    }
    const previous = name[i - 1];
    if (current && ch >= 'A' && ch <= 'Z' && previous !== undefined && previous >= 'a' && previous <= 'z') {
      out.push(current.toLowerCase());
      current = '';
    }
    current += ch;
  }
  if (current) out.push(current.toLowerCase());
  return out;
}

/** Whether a variable, argument or option name says its value is a secret. */
export function isSecretName(name: string): boolean {
  const w = words(name);
  const last = w[w.length - 1];
  if (last === undefined) return false;
  if (SECRET_WORDS.has(last)) return true;
  return last === 'key' && w.length > 1 && KEY_QUALIFIERS.has(w[w.length - 2]!);
}

/** `aws_secret_access_key` in any case: reported as its own kind. */
export function isAwsSecretName(name: string): boolean {
  return words(name).join('_').endsWith('aws_secret_access_key');
}

/** Values that are not a secret even under a secret name: references, GitHub's own mask, flags. */
export function isPlaceholderValue(value: string): boolean {
  if (value.length === 0) return true;
  if (value.startsWith('$') || value.startsWith('%') || value.includes('****') || /^\*+$/.test(value)) return true;
  const lower = value.toLowerCase();
  return lower === 'true' || lower === 'false' || lower === 'null' || lower === 'none' || lower === '""' || lower === "''" || lower === '<redacted>';
}
