// The `run` input's command gets no INPUT_* variable and no variable holding the token.
import { describe, expect, test } from 'vitest';
import { commandEnvironment } from '../../src/run/command-env.js';

describe('commandEnvironment', () => {
  test('drops the inputs and anything holding the token, keeps the rest', () => {
    const env = commandEnvironment(
      {
        PATH: '/usr/bin',
        'INPUT_GITHUB-TOKEN': 'ghs_secret_token_value',
        INPUT_RUN: 'docker build .',
        input_lower: 'x',
        GITHUB_TOKEN: 'ghs_secret_token_value',
        AUTH_HEADER: 'token ghs_secret_token_value',
        GITHUB_REPOSITORY: 'octo/repo',
        HF_TOKEN: 'hf_other',
      },
      ['ghs_secret_token_value'],
    );
    expect(env).toEqual({ PATH: '/usr/bin', GITHUB_REPOSITORY: 'octo/repo', HF_TOKEN: 'hf_other' });
  });

  test('an empty token removes nothing but the inputs', () => {
    expect(commandEnvironment({ A: '', INPUT_X: 'y' }, [''])).toEqual({ A: '' });
  });
});
