// pip/wheel-build-failed on an Alpine (musl) Python with no compiler: apk's compiler and headers lead, python3-dev only
// for a Python from apk; a compile line without Alpine's flags is not read as Alpine.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyzeLog, findingOf } from './support/analyze-log.js';

const read = (name: string): string => readFileSync(new URL(`../../fixtures/rules/pip/wheel-build-failed/${name}`, import.meta.url), 'utf8');

describe('a wheel build on an Alpine Python with no compiler', () => {
  test('psutil on apk Python 3.10: gcc, musl-dev, linux-headers and python3-dev, not a Python pin', async () => {
    const f = await findingOf('pip/wheel-build-failed', read('match-alpine-python-no-gcc-psutil.log'));
    expect(f.title).toContain('Alpine');
    expect(f.fix).toContain('apk add --no-cache gcc musl-dev linux-headers python3-dev');
    expect(f.fix).not.toContain('one minor lower');
  });

  test('a compile line of a python: image on Debian (no Alpine flags) keeps the other readings', async () => {
    // psutil#2192's lines with the flags of a Debian python: image's compile (a near variant, not a log)
    const text = [
      '      gcc -Wno-unused-result -Wsign-compare -DNDEBUG -g -fwrapv -O3 -Wall -fPIC -DPSUTIL_POSIX=1 -I/usr/local/include/python3.10 -c psutil/_psutil_common.c -o build/temp.linux-x86_64-cpython-310/psutil/_psutil_common.o',
      "      error: command 'gcc' failed: No such file or directory",
      '  ERROR: Failed building wheel for psutil',
      '',
    ].join('\n');
    const f = (await analyzeLog(text)).find((x) => x.ruleId === 'pip/wheel-build-failed');
    expect(f?.title).not.toContain('Alpine');
  });

  test('gcc ran and exited 1: the finding does not lead with a missing compiler, and names musl-dev for Alpine', async () => {
    const f = await findingOf('pip/wheel-build-failed', read('match-gcc-ran-exit-1-netifaces-alpine.log'));
    expect(f.message).toContain('ran and failed');
    expect(f.fix).not.toContain('no C compiler');
    expect(f.fix).toContain('musl-dev');
  });
});
