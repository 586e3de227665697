// One line per secret format a build can print, with the part that must never reach any output.
// None is a live credential: random strings of each issuer's shape (Stripe's is its documented
// test-mode example shape, with the prefix changed to live).
import { SECRETS } from './secrets.js';

export interface SecretFormat {
  name: string;
  /** A command or output line carrying the secret (no BuildKit frame). */
  text: string;
  /** What must not appear anywhere. */
  secret: string;
}

const rand = (n: number, alphabet = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789'): string =>
  Array.from({ length: n }, (_, i) => alphabet[(i * 7 + 3) % alphabet.length]).join('');
const hex = (n: number): string => rand(n, '0123456789abcdef');

const npm = 'npm_' + rand(36);
const jwt = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6ImNpIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
const openaiProject = 'sk-proj-' + rand(60) + 'T3BlbkFJ' + rand(40);
const openaiLegacy = 'sk-' + rand(48);
const glpat = 'glpat-' + rand(20);
const google = 'AIza' + rand(35);
const stripe = 'sk_live_' + rand(24);
const stripeRestricted = 'rk_live_' + rand(24);

export const SECRET_FORMATS: SecretFormat[] = [
  // The formats that used to pass unmasked (issue 19).
  { name: 'npm token', text: `npm config set //registry.npmjs.org/:_authToken ${npm}`, secret: npm.slice(4) },
  { name: 'bare JWT', text: `echo ${jwt}`, secret: jwt.slice(40) },
  { name: 'docker login -u -p', text: 'docker login -u ci -p Pw0rd4Registry registry.example.com', secret: 'Pw0rd4Registry' },
  { name: '*_PASS assignment', text: 'export DB_PASS=Hunter2Pass9x', secret: 'Hunter2Pass9x' },
  { name: '*_PWD assignment', text: 'export MYSQL_ROOT_PWD=Hunter2Pwd9x', secret: 'Hunter2Pwd9x' },
  { name: '*_SECRET assignment', text: 'export JWT_SIGNING_SECRET=Hunter2Sec9x', secret: 'Hunter2Sec9x' },
  { name: '*_KEY assignment', text: 'export SERVICE_X_KEY=Hunter2Key9x', secret: 'Hunter2Key9x' },
  { name: 'curl -u user:pass', text: 'curl -fsSL -u deploy:Hunter2Curl9x https://nexus.example.com/repo/model.bin', secret: 'Hunter2Curl9x' },
  { name: 'X-Api-Key header', text: `curl -H "X-Api-Key: ${hex(32)}" https://api.example.com/v1/models`, secret: hex(32) },
  { name: 'PRIVATE-TOKEN header', text: "curl --header 'PRIVATE-TOKEN: Hunter2GitLab9xYz' https://gitlab.example.com/api/v4/projects", secret: 'Hunter2GitLab9xYz' },
  { name: 'OpenAI project key', text: `OPENAI=${openaiProject}`, secret: openaiProject.slice(8) },
  { name: "OpenAI legacy key", text: `echo ${openaiLegacy}`, secret: openaiLegacy.slice(3) },
  { name: 'GitLab PAT', text: `git clone https://oauth2@gitlab.com/org/repo.git # ${glpat}`, secret: glpat.slice(6) },
  { name: 'Google API key', text: `maps: ${google}`, secret: google.slice(4) },
  { name: 'Stripe secret key', text: `stripe ${stripe}`, secret: stripe.slice(8) },
  { name: 'Stripe restricted key', text: `stripe ${stripeRestricted}`, secret: stripeRestricted.slice(8) },
  // Formats covered before, kept in the same drive through every channel.
  { name: 'GitHub token', text: `echo ${SECRETS.ghp}`, secret: SECRETS.ghp.slice(4) },
  { name: 'fine-grained GitHub PAT', text: `echo ${SECRETS.githubPat}`, secret: SECRETS.githubPat.slice(11) },
  { name: 'Hugging Face token', text: `huggingface-cli login --token ${SECRETS.hf}`, secret: SECRETS.hf.slice(3) },
  { name: 'AWS access key id', text: `aws configure set aws_access_key_id ${SECRETS.akia}`, secret: SECRETS.akia.slice(4) },
  { name: 'AWS secret key', text: `aws_secret_access_key = ${SECRETS.awsSecret}`, secret: SECRETS.awsSecret },
  { name: 'Slack token', text: `echo ${SECRETS.slack}`, secret: SECRETS.slack.slice(5) },
  { name: 'PyPI token', text: `twine upload -p ${SECRETS.pypi} dist/*`, secret: SECRETS.pypi.slice(5) },
  { name: 'password in a URL', text: 'pip install --index-url https://ci:Hunter2Url9x@pypi.example.com/simple torch', secret: 'Hunter2Url9x' },
  { name: 'Authorization header', text: 'curl -H "Authorization: Bearer Hunter2Bearer9xYz" https://api.example.com', secret: 'Hunter2Bearer9xYz' },
  { name: '--password option', text: 'docker login --username ci --password Hunter2Opt9x registry.example.com', secret: 'Hunter2Opt9x' },
  // More shapes from gitleaks / GitHub secret scanning that a build can print.
  { name: 'Docker Hub PAT', text: `echo dckr_pat_${rand(27)}`, secret: rand(27) },
  { name: 'NVIDIA NGC key', text: `ngc config set --key nvapi-${rand(64)}`, secret: rand(64) },
  { name: 'Anthropic key', text: `ANTHROPIC=sk-ant-api03-${rand(93)}AA`, secret: rand(93) },
  { name: 'Slack webhook', text: `curl -X POST https://hooks.slack.com/services/T0000/B0000/${rand(24)}`, secret: rand(24) },
  { name: 'SendGrid key', text: `echo SG.${rand(22)}.${rand(43)}`, secret: rand(43) },
  { name: 'Vault token', text: `vault login hvs.${rand(95)}`, secret: rand(95) },
];

/** Values found by their context alone: on the line after their name, inside a key block. */
export const MULTI_LINE_SECRETS = {
  /** `password:` then the value on the next line of the same step. */
  nextLine: { lines: ['password:', 'Hunter2NextLine9x'], secret: 'Hunter2NextLine9x' },
  /** A key block with a line that is not base64 (an encrypted key's header, a mangled line). */
  keyBlock: {
    lines: ['-----BEGIN RSA PRIVATE KEY-----', 'Proc-Type: 4,ENCRYPTED', 'not base64 at all: Hunter2Key-Body!', 'MIIEowIBAAKCAQEA0Z3VS5JJcds3xfn', '-----END RSA PRIVATE KEY-----'],
    secret: 'Hunter2Key-Body!',
  },
};

/** The Dockerfile every log of `secretLog` fails in (its line 2 is the failed step). */
export const SECRET_LOG_DOCKERFILE = 'FROM ubuntu:22.04\nRUN ./step.sh\n';

/**
 * A failed BuildKit build whose failed step runs, prints and fails on `lines` (the first one is the
 * step's command): the secret is in the step's name, its output, its error line, the error block's
 * excerpt, so that every report quotes it somewhere. `marker` names the log in every report.
 */
export function secretLog(lines: readonly string[], marker: string): string {
  const [command = '', ...rest] = lines;
  const run = `RUN ${command} # ${marker}`;
  return [
    '#1 [internal] load build definition from Dockerfile',
    '#1 DONE 0.0s',
    '#2 [1/2] FROM docker.io/library/ubuntu:22.04',
    '#2 DONE 0.1s',
    `#3 [2/2] ${run}`,
    `#3 0.100 + ${command}`,
    ...rest.map((l, i) => `#3 0.${String(i + 2).padStart(3, '0')} ${l}`),
    `#3 0.900 error: ${marker} failed: ${command}`,
    `#3 ERROR: process "/bin/sh -c ${command}" did not complete successfully: exit code: 1`,
    '------',
    ` > [2/2] ${run}:`,
    `0.900 error: ${marker} failed: ${command}`,
    '------',
    'Dockerfile:2',
    '--------------------',
    '   1 |     FROM ubuntu:22.04',
    `   2 | >>> ${run}`,
    '--------------------',
    `ERROR: failed to solve: process "/bin/sh -c ${command}" did not complete successfully: exit code: 1`,
    '',
  ].join('\n');
}

/**
 * Every format in a log (`perLog` formats to a log, their commands joined with `;`): marker, log
 * text and the secrets it must not show.
 */
export function secretLogs(perLog = 1): { marker: string; log: string; secrets: string[] }[] {
  const out: { marker: string; log: string; secrets: string[] }[] = [];
  for (let i = 0; i < SECRET_FORMATS.length; i += perLog) {
    const group = SECRET_FORMATS.slice(i, i + perLog);
    const marker = `FMT${String(i).padStart(2, '0')}`;
    out.push({ marker, log: secretLog([group.map((f) => f.text).join(' ; ')], marker), secrets: group.map((f) => f.secret) });
  }
  const next = MULTI_LINE_SECRETS.nextLine;
  const key = MULTI_LINE_SECRETS.keyBlock;
  out.push({ marker: 'FMTNL', log: secretLog(['./login.sh', ...next.lines], 'FMTNL'), secrets: [next.secret] });
  out.push({ marker: 'FMTKB', log: secretLog(['cat deploy.key', ...key.lines], 'FMTKB'), secrets: [key.secret] });
  return out;
}
