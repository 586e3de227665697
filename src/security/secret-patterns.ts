// What a secret looks like in a build log, as data. Token shapes are one table (a public prefix,
// kept in the mask so the reader knows which credential to rotate, then a bounded body); the table
// compiles to one regular expression and to the literals of the per-line pre-check. Assignments
// (`HF_TOKEN=…`), URL credentials and command options (`-p PW`, `-u user:pw`) are found by
// scanning in redact.ts, not by regex, because a regex for "a name that contains TOKEN, then =" has
// to start with a loop and backtracks quadratically on a long run of name characters.
//
// Sources, compared by hand (shapes rewritten here, no pattern copied): gitleaks'
// config/gitleaks.toml (rule ids given per row), GitHub's secret-scanning supported patterns
// (docs.github.com/code-security/secret-scanning/introduction/supported-secret-scanning-patterns)
// and secretlint's recommended preset (@secretlint/secretlint-rule-preset-recommend). Left out:
// shapes with no fixed prefix (Twilio `SK…`, Heroku UUIDs, Azure AD secrets): in a build log they
// are caught by their variable name (`TWILIO_API_KEY=…`) or not at all.
//
// Linear time: every alternative starts with a fixed prefix, must not follow a name character or
// `-` (so in a long run of name characters only the first position can start a match), and repeats
// bounded classes only.

interface TokenShape {
  kind: string;
  /** Regex source of the public prefix, kept visible (`ghp_****`); '' keeps nothing. */
  prefix: string;
  /** Regex source of the secret part, bounded. */
  body: string;
  /** The literal starts of the prefix, for the per-line pre-check (matched case-insensitively). */
  literals: readonly string[];
  /** Where the shape comes from. */
  source: string;
}

import type { PrefilterLiteral } from '../match/prefilter.js';

export const TOKEN_SHAPES = [
  { kind: 'github-token', prefix: 'gh[pousr]_', body: '[A-Za-z0-9]{30,255}', literals: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'], source: 'GitHub token formats; gitleaks github-pat, github-oauth, github-app-token, github-refresh-token' },
  { kind: 'github-token', prefix: 'github_pat_', body: '[A-Za-z0-9_]{22,255}', literals: ['github_pat_'], source: 'gitleaks github-fine-grained-pat' },
  { kind: 'aws-access-key', prefix: '(?:AKIA|ASIA)', body: '[A-Z0-9]{16}(?![A-Z0-9])', literals: ['AKIA', 'ASIA'], source: 'AWS IAM identifiers; gitleaks aws-access-token' },
  { kind: 'huggingface-token', prefix: 'hf_', body: '[A-Za-z0-9]{30,255}', literals: ['hf_'], source: 'gitleaks huggingface-access-token' },
  { kind: 'huggingface-token', prefix: 'api_org_', body: '[A-Za-z0-9]{30,255}', literals: ['api_org_'], source: 'gitleaks huggingface-organization-api-token' },
  { kind: 'slack-token', prefix: 'xox[abeoprs]-', body: '[A-Za-z0-9-]{10,255}', literals: ['xox'], source: 'gitleaks slack-bot-token, slack-legacy-*-token, slack-config-refresh-token' },
  { kind: 'slack-token', prefix: 'xapp-', body: '[A-Za-z0-9-]{10,255}', literals: ['xapp-'], source: 'gitleaks slack-app-token' },
  { kind: 'slack-webhook', prefix: 'hooks\\.slack\\.com/(?:services|workflows|triggers)/', body: '[A-Za-z0-9+/]{20,120}', literals: ['hooks.slack.com'], source: 'gitleaks slack-webhook-url' },
  { kind: 'pypi-token', prefix: 'pypi-', body: '[A-Za-z0-9_-]{40,2000}', literals: ['pypi-'], source: 'GitHub secret scanning (PyPI API token); gitleaks pypi-upload-token' },
  { kind: 'npm-token', prefix: 'npm_', body: '[A-Za-z0-9]{36,255}', literals: ['npm_'], source: 'gitleaks npm-access-token; secretlint @secretlint/secretlint-rule-npm' },
  { kind: 'docker-hub-token', prefix: 'dckr_(?:pat|oat)_', body: '[A-Za-z0-9_-]{20,255}', literals: ['dckr_'], source: 'Docker Hub access tokens (docs.docker.com/security/for-developers/access-tokens); GitHub secret scanning (Docker)' },
  { kind: 'gitlab-token', prefix: 'gl(?:pat|dt|rt|ptt|cbt|ft|imt|agent|oas|soat|ffct|wt)-', body: '[A-Za-z0-9_.-]{20,300}', literals: ['glpat-', 'gldt-', 'glrt-', 'glptt-', 'glcbt-', 'glft-', 'glimt-', 'glagent-', 'gloas-', 'glsoat-', 'glffct-', 'glwt-'], source: 'gitleaks gitlab-pat, gitlab-pat-routable, gitlab-deploy-token, gitlab-runner-authentication-token, gitlab-ptt, gitlab-cicd-job-token, gitlab-feed-token, gitlab-incoming-mail-token, gitlab-kubernetes-agent-token, gitlab-oauth-app-secret, gitlab-scim-token' },
  { kind: 'openai-key', prefix: 'sk-(?:proj|svcacct|admin)-', body: '[A-Za-z0-9_-]{20,400}', literals: ['sk-'], source: 'gitleaks openai-api-key (project, service-account and admin keys)' },
  { kind: 'anthropic-key', prefix: 'sk-ant-(?:api|admin)[0-9]{2}-', body: '[A-Za-z0-9_-]{20,400}', literals: ['sk-'], source: 'gitleaks anthropic-api-key, anthropic-admin-api-key' },
  { kind: 'openai-key', prefix: 'sk-', body: '[A-Za-z0-9]{32,200}(?![A-Za-z0-9_-])', literals: ['sk-'], source: 'gitleaks openai-api-key (legacy `sk-` + 48); hyphenated names such as `sk-learn-…` are not keys' },
  { kind: 'stripe-key', prefix: '[rs]k_(?:live|test|prod)_', body: '[A-Za-z0-9]{10,247}', literals: ['sk_live_', 'sk_test_', 'sk_prod_', 'rk_live_', 'rk_test_', 'rk_prod_'], source: 'gitleaks stripe-access-token' },
  { kind: 'google-api-key', prefix: 'AIza', body: '[A-Za-z0-9_-]{35}', literals: ['AIza'], source: 'gitleaks gcp-api-key; secretlint @secretlint/secretlint-rule-gcp' },
  { kind: 'jwt', prefix: '', body: 'eyJ[A-Za-z0-9_-]{8,4096}\\.eyJ[A-Za-z0-9_-]{8,4096}\\.[A-Za-z0-9_-]{0,4096}', literals: ['eyJ'], source: 'gitleaks jwt (header and payload are base64url JSON, `{"` → `eyJ`)' },
  { kind: 'nvidia-ngc-key', prefix: 'nvapi-', body: '[A-Za-z0-9_-]{40,255}', literals: ['nvapi-'], source: 'NVIDIA NGC / build.nvidia.com personal keys (`nvapi-`); GitHub secret scanning (NVIDIA)' },
  { kind: 'sendgrid-key', prefix: 'SG\\.', body: '[A-Za-z0-9_-]{16,32}\\.[A-Za-z0-9_-]{16,64}', literals: ['SG.'], source: 'gitleaks sendgrid-api-token; secretlint @secretlint/secretlint-rule-sendgrid' },
  { kind: 'databricks-token', prefix: 'dapi', body: '[a-f0-9]{32}(?:-[0-9])?(?![A-Za-z0-9])', literals: ['dapi'], source: 'gitleaks databricks-api-token' },
  { kind: 'digitalocean-token', prefix: 'do[opr]_v1_', body: '[a-f0-9]{64}', literals: ['doo_v1_', 'dop_v1_', 'dor_v1_'], source: 'gitleaks digitalocean-pat, digitalocean-access-token, digitalocean-refresh-token' },
  { kind: 'vault-token', prefix: 'hv[sb]\\.', body: '[A-Za-z0-9_-]{90,300}', literals: ['hvs.', 'hvb.'], source: 'gitleaks vault-service-token, vault-batch-token' },
  { kind: 'shopify-token', prefix: 'shp(?:at|ca|pa|ss)_', body: '[a-fA-F0-9]{32}', literals: ['shpat_', 'shpca_', 'shppa_', 'shpss_'], source: 'gitleaks shopify-access-token, shopify-custom-access-token, shopify-private-app-access-token, shopify-shared-secret' },
  { kind: 'sentry-token', prefix: 'sntry[su]_', body: '[A-Za-z0-9+/=_]{40,400}', literals: ['sntrys_', 'sntryu_'], source: 'gitleaks sentry-org-token, sentry-user-token' },
  { kind: 'grafana-token', prefix: 'gl(?:c|sa)_', body: '[A-Za-z0-9+/=_]{32,400}', literals: ['glc_', 'glsa_'], source: 'gitleaks grafana-cloud-api-token, grafana-service-account-token' },
  { kind: 'age-key', prefix: 'AGE-SECRET-KEY-1', body: '[0-9A-Z]{58}', literals: ['AGE-SECRET-KEY-1'], source: 'gitleaks age-secret-key' },
  { kind: 'artifactory-key', prefix: 'AKCp', body: '[A-Za-z0-9]{60,80}', literals: ['AKCp'], source: 'gitleaks artifactory-api-key' },
  { kind: 'pulumi-token', prefix: 'pul-', body: '[a-f0-9]{40}(?![A-Za-z0-9])', literals: ['pul-'], source: 'gitleaks pulumi-api-token' },
  { kind: 'linear-key', prefix: 'lin_api_', body: '[A-Za-z0-9]{40}', literals: ['lin_api_'], source: 'gitleaks linear-api-key' },
  { kind: 'postman-key', prefix: 'PMAK-', body: '[A-Za-z0-9-]{50,70}', literals: ['PMAK-'], source: 'gitleaks postman-api-token' },
  { kind: 'rubygems-key', prefix: 'rubygems_', body: '[a-f0-9]{48}', literals: ['rubygems_'], source: 'gitleaks rubygems-api-token' },
  { kind: 'ml-api-key', prefix: '(?:pplx-|gsk_|r8_)', body: '[A-Za-z0-9]{32,64}(?![A-Za-z0-9])', literals: ['pplx-', 'gsk_', 'r8_'], source: 'gitleaks perplexity-api-key; Groq `gsk_` and Replicate `r8_` keys (GitHub secret scanning partners)' },
  { kind: 'heroku-key', prefix: 'HRKU-', body: '[A-Za-z0-9_-]{58,70}', literals: ['HRKU-'], source: 'gitleaks heroku-api-key-v2' },
  { kind: 'doppler-token', prefix: 'dp\\.(?:pt|st|sa|ct|scim|audit)\\.', body: '[A-Za-z0-9]{40,48}', literals: ['dp.'], source: 'gitleaks doppler-api-token' },
  { kind: 'planetscale-token', prefix: 'pscale_(?:tkn|oauth|pw)_', body: '[A-Za-z0-9_=.-]{32,64}', literals: ['pscale_'], source: 'gitleaks planetscale-api-token, planetscale-oauth-token, planetscale-password' },
  { kind: 'atlassian-token', prefix: 'ATATT3', body: '[A-Za-z0-9_=-]{150,220}', literals: ['ATATT3'], source: 'gitleaks atlassian-api-token' },
  { kind: 'nuget-key', prefix: 'oy2', body: '[a-z0-9]{43}(?![A-Za-z0-9])', literals: ['oy2'], source: 'GitHub secret scanning (NuGet API key)' },
] as const satisfies readonly TokenShape[];

/** Kinds found by scanning rather than by the token table. */
type ScannedKind = 'private-key' | 'url-credentials' | 'authorization-header' | 'secret-assignment' | 'aws-secret-key' | 'command-password';

export type SecretKind = (typeof TOKEN_SHAPES)[number]['kind'] | ScannedKind;

/** How each kind is named in a finding. */
export const SECRET_LABELS: Record<SecretKind, string> = {
  'github-token': 'GitHub token',
  'aws-access-key': 'AWS access key id',
  'aws-secret-key': 'AWS secret access key',
  'huggingface-token': 'Hugging Face token',
  'slack-token': 'Slack token',
  'slack-webhook': 'Slack webhook URL',
  'pypi-token': 'PyPI API token',
  'npm-token': 'npm access token',
  'docker-hub-token': 'Docker Hub access token',
  'gitlab-token': 'GitLab token',
  'openai-key': 'OpenAI API key',
  'anthropic-key': 'Anthropic API key',
  'stripe-key': 'Stripe secret key',
  'google-api-key': 'Google API key',
  jwt: 'JSON Web Token',
  'nvidia-ngc-key': 'NVIDIA NGC API key',
  'sendgrid-key': 'SendGrid API key',
  'databricks-token': 'Databricks token',
  'digitalocean-token': 'DigitalOcean token',
  'vault-token': 'HashiCorp Vault token',
  'shopify-token': 'Shopify token',
  'sentry-token': 'Sentry token',
  'grafana-token': 'Grafana token',
  'age-key': 'age secret key',
  'artifactory-key': 'Artifactory API key',
  'pulumi-token': 'Pulumi token',
  'linear-key': 'Linear API key',
  'postman-key': 'Postman API key',
  'rubygems-key': 'RubyGems API key',
  'ml-api-key': 'AI service API key (Perplexity, Groq, Replicate)',
  'heroku-key': 'Heroku API key',
  'doppler-token': 'Doppler token',
  'planetscale-token': 'PlanetScale token',
  'atlassian-token': 'Atlassian API token',
  'nuget-key': 'NuGet API key',
  'private-key': 'private key',
  'url-credentials': 'password in a URL',
  'authorization-header': 'HTTP Authorization header',
  'secret-assignment': 'secret-named variable, argument or header',
  'command-password': 'password on a command line (login -p, curl -u)',
};

/** One named group per row (`t0`, `t1`, …): the prefix that stays. */
export const TOKEN_PATTERN = new RegExp(
  `(?<![A-Za-z0-9_-])(?:${TOKEN_SHAPES.map((s, i) => `(?<t${i}>${s.prefix})${s.body}`).join('|')})`,
  'g',
);

/** Group name → kind. */
export const TOKEN_GROUP_KINDS: Record<string, SecretKind> = Object.fromEntries(TOKEN_SHAPES.map((s, i) => [`t${i}`, s.kind]));

/**
 * Words that make a line worth scanning for an assignment, a header, a URL credential, a key block
 * or a command's password option.
 */
const SCAN_HINTS = ['token', 'pass', 'secret', 'key', 'credential', 'auth', 'pwd', '://', '-----BEGIN', 'bearer', 'login', 'curl', 'mysql', 'mariadb'];

/**
 * Commands whose short option carries a password, the one table redact.ts maskCommandPasswords reads and the pre-check's command literals come from. A
 * `-p` or `-u` of any other command is not a password (`mkdir -p`, `cp -p`, `install -p`,
 * `virtualenv -p python3`, `ssh -p 22`, `docker run -p 80:80`, `docker run -u 1000:1000`).
 * - `value`: `separate` takes `-p PW`, `-p=PW` and `-pPW`; `attached` takes only `-pPW` (mysql:
 *   `-p PW` prompts and PW is the database name); `after-colon` masks what follows `user:`.
 * - `subcommand`: the word that must follow the command in the same shell command (`login`).
 * - `wraps`: the command runs another one after its own options (sshpass): the scan stops at the
 *   first word that is not an option, so `sshpass -p PW ssh -p 22 host` masks PW only.
 */
export interface PasswordOption {
  commands: readonly string[];
  subcommand?: string;
  options: readonly string[];
  value: 'separate' | 'attached' | 'after-colon';
  wraps?: boolean;
  source: string;
}
export const PASSWORD_OPTIONS: readonly PasswordOption[] = [
  {
    commands: ['docker', 'podman', 'buildah', 'skopeo', 'oras'],
    subcommand: 'login',
    options: ['-p'],
    value: 'separate',
    source: 'docker-login(1) "-p, --password Password or Personal Access Token (PAT)"; podman-login(1), buildah-login(1), skopeo-login(1) "--password, -p"; oras login --help "-p, --password"',
  },
  {
    commands: ['helm'],
    subcommand: 'login', // helm registry login
    options: ['-p'],
    value: 'separate',
    source: 'helm.sh/docs/helm/helm_registry_login "-p, --password string registry password or identity token"',
  },
  {
    commands: ['mysql', 'mysqladmin', 'mysqldump', 'mariadb', 'mariadb-admin', 'mariadb-dump'],
    options: ['-p'],
    value: 'attached',
    source: 'dev.mysql.com/doc/refman/8.0/en/command-line-options.html "for the short form, if the password value is given, it must follow the option letter with no intervening space"; mariadb.com/docs …/cli/mariadb/password "--password (-p)"',
  },
  {
    commands: ['sshpass'],
    options: ['-p'],
    value: 'separate',
    wraps: true,
    source: 'sshpass(1) "-ppassword The password is given on the command line"; "The command to run is specified after sshpass\' own options"',
  },
  {
    commands: ['curl'],
    options: ['-u', '--user', '-U', '--proxy-user'],
    value: 'after-colon',
    source: 'curl.se/docs/manpage.html "-u, --user <user:password>", "-U, --proxy-user <user:password>"',
  },
];
/**
 * The pre-check's literals for a command's password option: each entry's subcommand (`login`), or its commands, less those
 * that hold another (`mysqladmin` holds `mysql`), so a command added to the table is scanned for without a second list.
 */
const COMMAND_LITERALS: readonly string[] = (() => {
  const words = [...new Set(PASSWORD_OPTIONS.flatMap((o) => (o.subcommand !== undefined ? [o.subcommand] : o.commands)))];
  return words.filter((w) => !words.some((other) => other !== w && w.includes(other)));
})();

/** The targets of the per-line pre-check: what a line holds, so which scans can find something in it. */
export const PRECHECK = {
  /** A token prefix of the table: the token scan. */
  token: 0,
  /** A scan word: the scans of named secrets, each of them if its own target is found too. */
  named: 1,
  /** `scheme://`: a URL's credentials. */
  url: 2,
  /** `-----BEGIN`: a private key block. */
  keyBlock: 3,
  /** An `Authorization:` header. */
  header: 4,
  /** A word of PASSWORD_OPTIONS (`login`, `curl`, `mysql`, …): a command's password option. */
  command: 5,
  /** A word that ends a secret's name (SECRET_WORDS, QUALIFIED_SECRET_WORDS): an assignment, a name ending the line. */
  name: 6,
} as const;

/**
 * The literals of the per-line pre-check. A token prefix as the token table writes it (its regex
 * is case-sensitive) and where a token can start (TOKEN_PATTERN never matches after a word
 * character); the other words anywhere, in any case (`HF_TOKEN`, `_authToken`). The narrower
 * targets are what each scan needs before it can find anything (names are ASCII: NAME_CHAR), so a
 * line with a URL and no secret name skips the assignment scan, with the same result.
 */
export const SECRET_PRECHECK_LITERALS: readonly PrefilterLiteral[] = [
  ...TOKEN_SHAPES.flatMap((s) => s.literals).map((text) => ({ text, ignoreCase: false, wordStart: true, target: PRECHECK.token })),
  ...SCAN_HINTS.map((text) => ({ text, ignoreCase: true, target: PRECHECK.named })),
  { text: '://', ignoreCase: false, target: PRECHECK.url },
  { text: '-----BEGIN', ignoreCase: true, target: PRECHECK.keyBlock },
  { text: 'authorization:', ignoreCase: true, target: PRECHECK.header },
  ...COMMAND_LITERALS.map((text) => ({ text, ignoreCase: true, target: PRECHECK.command })),
  ...['token', 'secret', 'pass', 'credential', 'key', 'pat', 'auth', 'pwd'].map((text) => ({ text, ignoreCase: true, target: PRECHECK.name })),
];

/** Last word of a name that makes its value a secret: `HF_TOKEN`, `DB_PASSWORD`, `CLIENT_SECRET`. */
const SECRET_WORDS = new Set([
  'token',
  'secret',
  'password',
  'passwd',
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
/** Last words that make a value secret only after another word: `PWD` alone is the working directory, `PASS` alone a test result. */
const QUALIFIED_SECRET_WORDS = new Set(['pass', 'pwd', 'key']);
/**
 * `…_KEY` names whose value is public or an identifier: a fingerprint, a cache or sort key, a
 * public key. Any other `…_KEY` is a secret (`MY_SERVICE_KEY=…`), unless its value is a path or URL.
 */
const PUBLIC_KEY_QUALIFIERS = new Set(['cache', 'gpg', 'pgp', 'public', 'pub', 'host', 'sort', 'primary', 'foreign', 'partition', 'hash', 'lookup', 'map', 'index', 'group', 'idempotency', 'routing', 'dedup', 'dedupe', 'shard', 'row', 'column', 'object', 'apt', 'repo', 'keyring']);
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
  if (!QUALIFIED_SECRET_WORDS.has(last) || w.length < 2) return false;
  return last !== 'key' || !PUBLIC_KEY_QUALIFIERS.has(w[w.length - 2]!);
}

/**
 * A `…_KEY` name not in the list of known secret keys (`API_KEY`, `SECRET_KEY`, …): its value is
 * masked only when it looks like a credential, not a path, a URL or a short word.
 */
export function needsCredentialShape(name: string): boolean {
  const w = words(name);
  return w[w.length - 1] === 'key' && !KEY_QUALIFIERS.has(w[w.length - 2] ?? '');
}

/** A value that could be a key: long enough, not a path or a URL, with a digit or a symbol in it. */
export function keyShaped(value: string): boolean {
  if (value.length < 8 || value.startsWith('/') || value.startsWith('./') || value.startsWith('~') || value.includes('://')) return false;
  return /[0-9+/=_-]/.test(value);
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
