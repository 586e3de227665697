// Token-shaped test values. None is a live credential: the GitHub and Hugging Face ones are
// random strings of the right shape, the AWS pair is AWS's own documentation example, the PyPI
// one is a macaroon prefix followed by filler.
export const SECRETS = {
  ghp: 'ghp_' + 'R8xQ2mN4vK7pL1sT9wY3zA6bC5dE0fG2hJ4k',
  ghs: 'ghs_' + '16C7e42F292c6912E7710c838347Ae178B4a',
  githubPat: 'github_pat_' + '11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ab',
  hf: 'hf_' + 'QwErTyUiOpAsDfGhJkLzXcVbNmQwErTyUi',
  akia: 'AKIA' + 'IOSFODNN7EXAMPLE',
  asia: 'ASIA' + 'IOSFODNN7EXAMPLE',
  awsSecret: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  slack: 'xoxb-' + '123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx',
  pypi: 'pypi-' + 'AgEIcHlwaS5vcmcCJDAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMAACKlszLCJ3eCJd',
} as const;

/** The part of each secret that must never appear in any output (everything past its public prefix). */
export const SECRET_BODIES: string[] = Object.values(SECRETS).map((s) => s.slice(s.indexOf('_') >= 0 && s.indexOf('_') < 12 ? s.indexOf('_') + 1 : 5));
