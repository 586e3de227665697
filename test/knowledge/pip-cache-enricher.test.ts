import { describe, expect, test } from 'vitest';
import { pipCacheValues } from '../../src/knowledge/pip-cache-enricher.js';

describe('pip-cache enricher', () => {
  test('adds --no-cache-dir to the pip install of the failed RUN, keeping its other words', () => {
    // babyagi#346's failing command.
    expect(pipCacheValues('pip install -r requirements.txt')).toEqual({ pipNoCacheRun: 'pip install --no-cache-dir -r requirements.txt' });
    expect(pipCacheValues('python3 -m pip install --require-hashes -r /pinserver/requirements.txt')).toEqual({
      pipNoCacheRun: 'python3 -m pip install --no-cache-dir --require-hashes -r /pinserver/requirements.txt',
    });
  });

  test('a command that already leaves the cache out says so, and gets no rewrite', () => {
    // runpod-workers/worker-stable_diffusion_v1#17's failing command.
    expect(pipCacheValues('pip install --no-cache-dir -r /requirements.txt &&     rm /requirements.txt')).toEqual({ pipCacheOff: 'yes' });
    expect(pipCacheValues('PIP_NO_CACHE_DIR=1 pip install -r r.txt')).toEqual({ pipCacheOff: 'yes' });
  });

  test('a command without pip install (a script) or no command: nothing', () => {
    expect(pipCacheValues('/opt/install_gpu_rodan_jobs')).toEqual({});
    expect(pipCacheValues(null)).toEqual({});
  });
});
