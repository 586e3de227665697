// The `conda-network` enricher: what a failed conda / mamba download asked for, and the settings of
// the downloader that printed it (conda's own, or libmamba's, which never retries a timeout).
import { describe, expect, test } from 'vitest';
import { factsFor } from '../../src/facts/fact-view.js';
import type { BuildFacts, FactValue } from '../../src/facts/types.js';
import { condaNetworkEnrich, condaTarget, statusText } from '../../src/knowledge/conda-network-enricher.js';
import { makeModel } from '../support/builders.js';

function fact(value: string, source: string): FactValue {
  return { value, source, evidence: value, line: 1, stage: null, step: null };
}
const view = (facts: BuildFacts) => factsFor(facts, null, makeModel());

describe('condaTarget: a channel index or a package file', () => {
  test('a package file under a subdir names the file and the channel above the subdir', () => {
    expect(condaTarget('https://repo.continuum.io/pkgs/main/linux-64/scipy-1.0.0-py27hf5f0f52_0.tar.bz2')).toEqual({
      channel: 'https://repo.continuum.io/pkgs/main',
      packageFile: 'scipy-1.0.0-py27hf5f0f52_0.tar.bz2',
      host: 'repo.continuum.io',
    });
  });

  test('an index is no package file; a bare channel URL is the channel', () => {
    expect(condaTarget('https://conda.anaconda.org/rapidsai-nightly/noarch/repodata.json')).toEqual({
      channel: 'https://conda.anaconda.org/rapidsai-nightly',
      packageFile: null,
      host: 'conda.anaconda.org',
    });
    expect(condaTarget('https://conda.anaconda.org/intel').channel).toBe('https://conda.anaconda.org/intel');
    expect(condaTarget('not a url')).toEqual({ channel: null, packageFile: null, host: null });
  });
});

describe('statusText: the failure in words', () => {
  test.each([
    [{ status: '000' }, 'no HTTP answer'],
    [{ status: 'None' }, 'no HTTP answer'],
    [{ status: '503' }, 'HTTP 503'],
    [{ 'context.errorCode.code': '404' }, 'HTTP 404'],
    [{ curl: '28' }, 'curl error 28, timed out'],
    [{ curl: '6' }, 'curl error 6, the host name did not resolve'],
  ])('%o → %s', (captures, text) => {
    expect(statusText(captures)).toBe(text);
  });
});

describe('conda-network: the settings of the downloader that failed', () => {
  test("conda's own downloader gets more retries and a longer read timeout, in ~/.condarc", () => {
    const v = condaNetworkEnrich({ status: '000', url: 'https://repo.anaconda.com/pkgs/main/linux-64/current_repodata.json', 'context.condaError': 'x' }, null, makeModel(), view({}));
    expect(v.tool).toBe('conda');
    expect(v.rcAppend).toBe("printf 'remote_max_retries: 6\\nremote_read_timeout_secs: 120\\n' >> ~/.condarc");
    expect(v.lowSpeedEnv).toBe('');
    expect(v.cleanIndex).toBe('conda clean --index-cache');
    expect(v.sourcesCmd).toBe('conda config --show-sources');
  });

  test('libmamba has no read timeout: retries and the connect timeout, and for its timeout only the connect timeout', () => {
    const http = condaNetworkEnrich({ status: '503', 'context.libmamba': 'x' }, null, makeModel(), view({}));
    expect(http.rcAppend).toBe("printf 'remote_max_retries: 6\\nremote_connect_timeout_secs: 30\\n' >> ~/.condarc");
    expect(http.lowSpeedEnv).toBe('MAMBA_NO_LOW_SPEED_LIMIT=1');
    const timeout = condaNetworkEnrich({ curl: '28', 'context.libmamba': 'x' }, null, makeModel(), view({}));
    expect(timeout.rcAppend).toBe("printf 'remote_connect_timeout_secs: 30\\n' >> ~/.condarc");
    expect(timeout.retryNote).toContain('never retries a timeout');
  });

  test('the installer fact names the tool; without it the libmamba wording leaves both names', () => {
    const micromamba = view({ installer: [fact('micromamba', 'instruction')] });
    const v = condaNetworkEnrich({ 'context.libmamba': 'x' }, null, makeModel(), micromamba);
    expect(v.tool).toBe('micromamba');
    expect(v.cleanIndex).toBe('micromamba clean --index-cache');
    expect(v.sourcesCmd).toBe('micromamba config list channels --sources');
    expect(condaNetworkEnrich({ 'context.libmamba': 'x' }, null, makeModel(), view({})).tool).toBe('mamba or micromamba');
  });

  test('host, channel and package file only when the log gives a URL', () => {
    const v = condaNetworkEnrich({ 'context.channelUrl.url': 'https://conda.anaconda.org/opendrift', 'context.errorCode.code': '404' }, null, makeModel(), view({}));
    expect(v.host).toBe('conda.anaconda.org');
    expect(v.channel).toBe('https://conda.anaconda.org/opendrift');
    expect(v.packageFile).toBeUndefined();
    expect(v.status).toBe('HTTP 404');
    const none = condaNetworkEnrich({}, null, makeModel(), view({}));
    expect(none.host).toBeUndefined();
    expect(none.channel).toBeUndefined();
  });
});
