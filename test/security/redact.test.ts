import { describe, expect, test } from 'vitest';
import { Readable } from 'node:stream';
import { Redactor, MASK } from '../../src/security/redact.js';
import { secretFindings } from '../../src/rules/secret-in-log.js';
import { analyzeStream } from '../../src/analyze.js';
import { SECRETS } from './secrets.js';
import { MULTI_LINE_SECRETS, SECRET_FORMATS } from './secret-formats.js';
import { reportOf } from '../../src/report/json.js';

function redactAll(lines: string[]): { out: string[]; redactor: Redactor } {
  const redactor = new Redactor();
  return { out: lines.map((l, i) => redactor.redact(l, i + 1)), redactor };
}

describe('Redactor.redact: what is masked', () => {
  test.each([
    [
      'GitHub token in a clone URL',
      `#5 [builder 2/6] RUN git clone https://x-access-token:${SECRETS.ghs}@github.com/org/repo.git`,
      '#5 [builder 2/6] RUN git clone https://x-access-token:ghs_****@github.com/org/repo.git',
    ],
    ['classic GitHub PAT', `#7 0.512 + echo ${SECRETS.ghp}`, '#7 0.512 + echo ghp_****'],
    ['fine-grained GitHub PAT', `#7 0.512 GH_PAT=${SECRETS.githubPat}`, '#7 0.512 GH_PAT=github_pat_****'],
    ['Hugging Face token in an export', `#7 0.512 + export HF_TOKEN=${SECRETS.hf}`, '#7 0.512 + export HF_TOKEN=hf_****'],
    ['AWS access key id', `#9 0.2 ${SECRETS.akia}`, '#9 0.2 AKIA****'],
    ['AWS session key id', `#9 0.2 key id: ${SECRETS.asia}`, '#9 0.2 key id: ASIA****'],
    [
      'AWS secret key in a credentials file',
      `#9 0.1 aws_secret_access_key = ${SECRETS.awsSecret}`,
      '#9 0.1 aws_secret_access_key = ****',
    ],
    ['Slack bot token in JSON', `#12 0.1 "token": "${SECRETS.slack}"`, '#12 0.1 "token": "xoxb-****"'],
    [
      'PyPI token in an index URL',
      `#8 0.4 Looking in indexes: https://__token__:${SECRETS.pypi}@pypi.example.com/simple`,
      '#8 0.4 Looking in indexes: https://__token__:pypi-****@pypi.example.com/simple',
    ],
    [
      'password in a URL',
      '#6 1.2 + pip install --extra-index-url https://ci:s3cr3t-P4ss@nexus.example.com/repository/pypi/simple torch',
      '#6 1.2 + pip install --extra-index-url https://ci:****@nexus.example.com/repository/pypi/simple torch',
    ],
    ['--build-arg in an echoed command', ' > [builder 4/6] RUN --build-arg DB_PASSWORD=hunter2 make:', ' > [builder 4/6] RUN --build-arg DB_PASSWORD=**** make:'],
    ['ENV, legacy space form', '#10 [2/3] ENV WANDB_API_KEY 0123456789abcdef0123456789abcdef01234567', '#10 [2/3] ENV WANDB_API_KEY ****'],
    ['ENV with a quoted value', '#10 [2/3] ENV NGC_API_KEY="nvapi-abcdefghijklmnop"', '#10 [2/3] ENV NGC_API_KEY="****"'],
    ['--password option', '#4 0.3 + docker login --username ci --password Sup3rS3cret registry.example.com', '#4 0.3 + docker login --username ci --password **** registry.example.com'],
    // The commands of PASSWORD_OPTIONS whose `-p` is a password; another command's `-p` stays.
    ['mysql -pPW (attached)', '#7 0.2 + mysql -uroot -pHunter2Sql9x -e "CREATE DATABASE app"', '#7 0.2 + mysql -uroot -p**** -e "CREATE DATABASE app"'],
    ['sshpass -p PW, ssh -p port', "#7 0.2 + sshpass -p 'Hunter2Ssh9x' ssh -p 2222 ci@host.example.com", "#7 0.2 + sshpass -p '****' ssh -p 2222 ci@host.example.com"],
    ['docker login -p after mkdir -p', '#7 0.2 + mkdir -p /root/.docker && docker login -u ci -p Hunter2Reg9x registry.example.com', '#7 0.2 + mkdir -p /root/.docker && docker login -u ci -p **** registry.example.com'],
    ['helm registry login -p', '#7 0.2 + helm registry login ghcr.io -u ci -p Hunter2Helm9x', '#7 0.2 + helm registry login ghcr.io -u ci -p ****'],
    ['npmrc auth token', '#4 0.3 //registry.npmjs.org/:_authToken=npm_abcdefghijklmnopqrstuvwxyz0123456789', '#4 0.3 //registry.npmjs.org/:_authToken=npm_****'],
    ['Authorization header', 'curl -H "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc" https://api', 'curl -H "Authorization: Bearer ****" https://api'],
    ['YAML password', '#3 0.1 password: correct-horse-battery', '#3 0.1 password: ****'],
    [
      'a private key on one line (service account JSON)',
      '#3 0.1 "private_key": "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\\n-----END PRIVATE KEY-----\\n",',
      '#3 0.1 "private_key": "-----BEGIN PRIVATE KEY-----****-----END PRIVATE KEY-----\\n",',
    ],
  ])('%s', (_name, line, expected) => {
    const { out, redactor } = redactAll([line]);
    expect(out[0]).toBe(expected);
    expect(secretFindings(redactor).length).toBeGreaterThan(0);
  });

  test('a secret name in an error message is prose, not an assignment', () => {
    const lines = [
      '#7 ERROR: failed to stat SECRET_TOKEN: stat SECRET_TOKEN: no such file or directory',
      'ERROR: failed to solve: secret HF_TOKEN: not found',
      '#5 0.412 error: invalid token: expired',
    ];
    const { out, redactor } = redactAll(lines);
    expect(out).toEqual(lines);
    expect(secretFindings(redactor)).toEqual([]);
  });

  test("a token endpoint's URL is no secret, and neither is the line after prose that ends in `token:`", () => {
    // keikoproj/upgrade-manager#354 as pasted (fixtures/security/secret-in-log/nomatch-token-endpoint-wrapped.log): BuildKit's
    // `failed to fetch oauth token:` wrapped before the URL, whose query has only `scope=` and `service=`.
    const lines = [
      'Error: buildx failed with: ERROR: failed to solve: failed to push master: ',
      'failed to authorize: failed to fetch oauth token: ',
      '',
      'unexpected status from GET request to https://auth.docker.io/token?scope=repository%3Alibrary%2Fmaster%3Apull%2Cpush&service=registry.docker.io: ',
      '401 Unauthorized',
    ];
    const { out, redactor } = redactAll(lines);
    expect(out).toEqual(lines);
    expect(secretFindings(redactor)).toEqual([]);
  });

  test('a token in a query parameter of the same URL is masked', () => {
    const url = 'https://auth.docker.io/token?scope=repository%3Alibrary%2Fmaster%3Apull&service=registry.docker.io';
    const { out, redactor } = redactAll([`GET ${url}&access_token=ya29.a0AfH6SMBx7d`, `GET ${url}&token=${SECRETS.hf}`]);
    expect(out).toEqual([`GET ${url}&access_token=${MASK}`, `GET ${url}&token=hf_${MASK}`]);
    expect(secretFindings(redactor).length).toBeGreaterThan(0);
  });

  test('a YAML key that ends its line still masks the value on the next line, a list item too', () => {
    expect(redactAll(['password:', 'Hunter2Yaml9x']).out).toEqual(['password:', MASK]);
    expect(redactAll(['  - token:', '    Hunter2Yaml9x']).out).toEqual(['  - token:', `    ${MASK}`]);
    expect(redactAll(['- password:', '  Hunter2Yaml9x']).out).toEqual(['- password:', `  ${MASK}`]);
    expect(redactAll(['  "token":', '    "Hunter2Yaml9x"']).out).toEqual(['  "token":', `    ${MASK}`]);
  });

  test('a line redacted twice (raw, then its decoded text) counts once, past the lines listed too', () => {
    const redactor = new Redactor();
    for (let line = 1; line <= 15; line++) {
      redactor.redact('#4 0.3 + docker login --username ci --password Sup3rS3cret registry.example.com', line);
      redactor.redact('docker login --username ci --password Sup3rS3cret registry.example.com', line);
    }
    expect(secretFindings(redactor)[0]?.message).toContain('and 5 more');
  });

  test('compact JSON is read like spaced JSON', () => {
    const { out, redactor } = redactAll(['#4 0.2 {"access_token":"ya29.a0AfH6SMBx7d","expires_in":3599}']);
    expect(out[0]).toBe(`#4 0.2 {"access_token":"${MASK}","expires_in":3599}`);
    expect(secretFindings(redactor).length).toBe(1);
  });

  test('a bare Authorization value is masked only when it looks like a credential', () => {
    const registry =
      '#5 ERROR: failed to resolve source metadata for docker.io/acme/private:1.0: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed';
    const prose = redactAll([registry]);
    expect(prose.out[0]).toBe(registry);
    expect(secretFindings(prose.redactor)).toEqual([]);
    const header = redactAll(['#3 0.1 authorization: 9f8e7d6c5b4a39281706f5e4']);
    expect(header.out[0]).toBe(`#3 0.1 authorization: ${MASK}`);
    expect(secretFindings(header.redactor).length).toBe(1);
  });

  test('a multi-line private key: every line between BEGIN and END is masked, frames kept', () => {
    const { out, redactor } = redactAll([
      '#11 0.301 -----BEGIN OPENSSH PRIVATE KEY-----',
      '#11 0.301 b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW',
      '#11 0.301 QyNTUxOQAAACDt3A5k2b9k1Z0Xo9s0A8Q0sP2dQmJ0uYvV0p3XlY5lJwAAAJi2n7Vdtp+1',
      '#11 0.302 -----END OPENSSH PRIVATE KEY-----',
      '#11 DONE 0.4s',
    ]);
    expect(out).toEqual([
      '#11 0.301 -----BEGIN OPENSSH PRIVATE KEY-----',
      `#11 0.301 ${MASK}`,
      `#11 0.301 ${MASK}`,
      '#11 0.302 -----END OPENSSH PRIVATE KEY-----',
      '#11 DONE 0.4s',
    ]);
    const [finding] = secretFindings(redactor);
    expect(finding?.title).toBe('Secret printed in the build log: private key');
    expect(finding?.message).toContain('log line 1.');
  });

  test('a key block cut off by the end of the step stops masking at the first non-key line', () => {
    const { out } = redactAll([
      '-----BEGIN RSA PRIVATE KEY-----',
      'MIIEowIBAAKCAQEA0Z3VS5JJcds3xfn/ygWyF8PbnGy0AHB7MhgHcTz6sE2I2yPB',
      '#11 DONE 0.4s',
      '#12 [4/4] RUN make',
    ]);
    expect(out).toEqual(['-----BEGIN RSA PRIVATE KEY-----', MASK, '#11 DONE 0.4s', '#12 [4/4] RUN make']);
  });
});

describe('Redactor.redact: every format of secret-formats.ts (issue 19)', () => {
  test.each(SECRET_FORMATS.map((f) => [f.name, f] as const))('%s', (_name, format) => {
    const { out, redactor } = redactAll([`#5 0.300 + ${format.text}`]);
    expect(out[0]).not.toContain(format.secret);
    expect(out[0]).toContain(MASK);
    expect(out[0]!.startsWith('#5 0.300 + ')).toBe(true);
    expect(secretFindings(redactor).length).toBeGreaterThan(0);
  });

  test('a value on the line after its name, the other steps\' lines in between left alone', () => {
    const { out, redactor } = redactAll(['#5 0.1 password:', '#6 0.1 Step 6 output', `#5 0.2 ${MULTI_LINE_SECRETS.nextLine.lines[1]}`, '#5 0.3 next']);
    expect(out).toEqual(['#5 0.1 password:', '#6 0.1 Step 6 output', `#5 0.2 ${MASK}`, '#5 0.3 next']);
    expect(secretFindings(redactor)).toHaveLength(1);
  });

  test('YAML block scalar: `token: |` then the value', () => {
    expect(redactAll(['  token: |', '    Hunter2Yaml9x', 'other']).out).toEqual(['  token: |', `    ${MASK}`, 'other']);
  });

  test('a key block with a line that is not base64: every line up to END is masked', () => {
    const lines = MULTI_LINE_SECRETS.keyBlock.lines.map((l) => `#11 0.301 ${l}`);
    const { out } = redactAll([...lines, '#11 DONE 0.4s']);
    expect(out).toEqual(['#11 0.301 -----BEGIN RSA PRIVATE KEY-----', `#11 0.301 ${MASK}`, `#11 0.301 ${MASK}`, `#11 0.301 ${MASK}`, '#11 0.301 -----END RSA PRIVATE KEY-----', '#11 DONE 0.4s']);
  });

  test('a key block interleaved with another step: only its own step\'s lines are masked', () => {
    const { out } = redactAll(['#11 0.1 -----BEGIN OPENSSH PRIVATE KEY-----', '#12 0.1 Collecting torch', '#11 0.1 b3Blbn: not base64', '#11 0.2 -----END OPENSSH PRIVATE KEY-----']);
    expect(out).toEqual(['#11 0.1 -----BEGIN OPENSSH PRIVATE KEY-----', '#12 0.1 Collecting torch', `#11 0.1 ${MASK}`, '#11 0.2 -----END OPENSSH PRIVATE KEY-----']);
  });
});

describe('Redactor.redact: what is left alone', () => {
  test.each([
    '#13 [2/5] ENV GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305',
    '#13 0.1 CACHE_KEY=abc PASSWORD_MIN_LENGTH=8 TOKEN_FILE=/run/secrets/t',
    '#14 [3/5] RUN --mount=type=secret,id=hf_token,env=HF_TOKEN python download.py',
    '#14 0.2 + HF_TOKEN=$HF_TOKEN python download.py',
    '#14 0.2 GITHUB_TOKEN=*** (masked by the runner)',
    '#15 0.9 Downloading hf_transfer-0.1.8-cp311-cp311-manylinux_2_17_x86_64.whl (3.6 MB)',
    '#15 1.0 from huggingface_hub import hf_hub_download',
    '#16 2.1 KeyError: \'CUDA_HOME\'',
    '#17 0.3 -----BEGIN CERTIFICATE-----',
    '#18 0.1 Get:1 http://archive.ubuntu.com/ubuntu jammy InRelease [270 kB]',
    '#19 0.1 https://github.com/org/repo.git@v1.2.3',
    '#20 0.1 if [ "$A" == "$B" ]; then echo ok; fi',
    '#21 [4/6] RUN apt-key adv --keyserver keyserver.ubuntu.com --recv-keys A4B469963BF863CC',
    '#22 0.1 docker run -p 8080:80 -u 1000:1000 --rm app',
    // `mkdir -p` and `virtualenv … -p python3` on a line that holds `login` (pam_loginuid.so):
    // buildah's STEP line, eclipse-openj9/openj9-docs#1445.
    `Error: error building at STEP "RUN apt-get update && apt-get install -y --no-install-recommends python3 python3-dev python3-pip git openjdk-11-jdk zip   && DEBIAN_FRONTEND="noninteractive" apt-get -q upgrade -y -o Dpkg::options::="--force-confnew" --no-install-recommends   && DEBIAN_FRONTEND="noninteractive" apt-get -q install -y -o Dpkg::options::="--force-confnew" --no-install-recommends openssh-server   && rm -rf /var/lib/apt/lists/*   && sed -i 's|session  required   pam_loginuid.so|session  optional   pam_loginuid.so|g' /etc/pam.d/sshd   && mkdir -p /var/run/sshd   && pip3 install -U pip   && pip3 install virtualenv   && virtualenv myenv -p python3": error while running runtime: exit status 1`,
    '#22 0.1 PWD=/workspace OLDPWD=/',
    '#22 0.1 SSL_KEY=/etc/ssl/private/server.key CACHE_KEY=linux-pip-3f2a9c',
    '#22 0.1 PASS: test-suite.sh',
    '#22 0.1 Requirement already satisfied: scikit-learn in /usr/lib/python3/dist-packages',
    '#22 0.1 Looking up sk-learn-extension-models in the index',
  ])('%s', (line) => {
    const { out, redactor } = redactAll([line]);
    expect(out[0]).toBe(line);
    expect(secretFindings(redactor)).toEqual([]);
  });

  test('a line without any secret-like literal is returned as the same string', () => {
    const line = '#12 3.456 [ 42%] Building CUDA object csrc/CMakeFiles/_C.dir/attention.cu.o';
    expect(new Redactor().redact(line, 1)).toBe(line);
  });

  test('masking is idempotent: a masked line is not masked again or counted again', () => {
    const first = new Redactor();
    const masked = first.redact(`export HF_TOKEN=${SECRETS.hf} GITHUB_TOKEN=${SECRETS.ghp}`, 1);
    const second = new Redactor();
    expect(second.redact(masked, 1)).toBe(masked);
    expect(secretFindings(second)).toEqual([]);
  });
});

describe('Redactor.findings', () => {
  test('one finding per kind, lines listed, evidence masked and capped', () => {
    const lines = Array.from({ length: 30 }, (_, i) => `#7 0.${i} + echo ${SECRETS.hf}`);
    const { redactor } = redactAll(lines);
    const findings = secretFindings(redactor);
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f).toMatchObject({ ruleId: 'security/secret-in-log', severity: 'warning', step: null, location: null });
    expect(f!.message).toContain('log lines 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 20 more');
    expect(f!.evidence).toHaveLength(3);
    expect(f!.evidence.join('\n')).not.toContain(SECRETS.hf);
    expect(f!.fix).toContain('--mount=type=secret');
    expect(f!.fix).toContain('--secret id=');
    expect(f!.fix).toMatch(/rotate/i);
  });

  test('a line redacted twice (raw, then decoded) is counted once', () => {
    const redactor = new Redactor();
    redactor.redact(`echo ${SECRETS.ghp}`, 4);
    redactor.redact(`echo ${SECRETS.ghp}`, 4);
    expect(secretFindings(redactor)[0]!.message).toContain('log line 4.');
  });
});

describe('through the whole pipeline', () => {
  test('no secret reaches the report, and the finding is in it', async () => {
    const log = [
      '#1 [internal] load build definition from Dockerfile',
      '#1 DONE 0.0s',
      '#5 [builder 2/3] RUN pip download --index-url https://u:hunter2pass@pypi.example.com/simple torch',
      `#5 0.412 + export HF_TOKEN=${SECRETS.hf}`,
      `#5 0.413 token ${SECRETS.ghp}`,
      '#5 DONE 1.0s',
    ].join('\n');
    const report = reportOf(await analyzeStream(Readable.from([log])));
    const json = JSON.stringify(report);
    for (const secret of [SECRETS.hf, SECRETS.ghp, 'hunter2pass']) expect(json).not.toContain(secret);
    expect(report.findings.map((f) => f.ruleId)).toContain('security/secret-in-log');
  });

  test.each([
    ['a run of JWT-like segments', 'eyJ' + 'eyJa.'.repeat(200_000)],
    ['one endless JWT segment', 'eyJ' + 'a'.repeat(1_000_000)],
    ['token prefixes after dashes', 'sk-'.repeat(300_000)],
    ['prefixes glued together', 'ghp_glpat-npm_AIzaxoxb-'.repeat(40_000)],
    ['names ending every line part', 'password: '.repeat(100_000)],
    ['curl and login options', 'curl login -u a:b -p c '.repeat(40_000)],
    ['curl -u values without a colon', 'curl' + ' -u aaaa'.repeat(120_000)],
    ['unclosed quoted options', 'docker login' + ' -p "x'.repeat(150_000)],
  ])('a 1 MB line of %s is redacted to the end, and redacting it again changes nothing', (_name, line) => {
    // A scan that is not linear would take hours on these lines and trip the hang guard; no clock is read.
    const once = new Redactor().redact(line, 1);
    expect(once.length).toBeGreaterThan(line.length / 2);
    expect(new Redactor().redact(once, 1)).toBe(once);
  });

  test('a 1 MB line of "=" and secret-ish names is redacted to the end: one value, masked', () => {
    const line = 'TOKEN='.repeat(170_000);
    const once = new Redactor().redact(line, 1);
    expect(once).toMatch(/^TOKEN=\S+$/);
    expect(once.length).toBeLessThan(line.length);
    expect(new Redactor().redact(once, 1)).toBe(once);
  });
});
