// pip/wheel-build-failed where the log says what the build lacked: cffi's `No working compiler found` (TobiWo/eth-duties#35),
// and uv's form of the fix carrying runnable apt / apk lines (feederbox826/stash-s6#53).
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { findingOf } from './support/analyze-log.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/rules/pip/wheel-build-failed/${name}`, import.meta.url), 'utf8');
const cffi = fixture('match-no-working-compiler-cffi.log');
const psutil = fixture('match-uv-psutil-build-cut.log');

describe('wheel build: what the log says', () => {
  test('cffi says no working compiler: the compiler and libffi headers first', async () => {
    const f = await findingOf('pip/wheel-build-failed', cffi);
    expect(f.title).toBe('A wheel build found no C compiler');
    expect(f.fix).toContain('apt-get install -y --no-install-recommends build-essential libffi-dev');
    expect(f.fix).toContain('apk add --no-cache build-base libffi-dev');
  });

  test('near miss: without that line the generic list stays', async () => {
    const f = await findingOf('pip/wheel-build-failed', cffi.replace('No working compiler found, or bogus compiler options passed to', 'Compiling the extension with options passed to'));
    expect(f.title).toBe('Wheel build failed');
    expect(f.fix).not.toContain('libffi-dev');
  });

  test('uv: the compiler item carries apt and apk commands, and the wheel check names the package', async () => {
    const f = await findingOf('pip/wheel-build-failed', psutil);
    expect(f.fix).toContain('apt-get update && apt-get install -y --no-install-recommends build-essential');
    expect(f.fix).toContain('apk add --no-cache build-base');
    expect(f.fix).toContain('https://pypi.org/project/psutil/#files');
  });
});
