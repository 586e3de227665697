// runtime/shared-library-missing on PyTorch's own libraries: when the same output shows the extension imported after torch and
// failing on an undefined torch symbol, libc10.so was only the import order (a notice after runtime/torch-symbol-mismatch);
// alone, it stays the error. Dao-AILab/flash-attention#1644 (provenance in the fixture's README.md).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fixturesRoot } from './support/fixtures.js';
import { analyzeLog } from './support/analyze-log.js';

const log = readFileSync(path.join(fixturesRoot, 'runtime/torch-symbol-mismatch/match-flash-attn-import-before-torch-1644.log'), 'utf8');

describe('libc10.so not found beside an undefined torch symbol', () => {
  test('the symbol mismatch leads; the libc10.so finding is the import order, with the command that imports torch first', async () => {
    const findings = await analyzeLog(log);
    expect(findings[0]!.ruleId).toBe('runtime/torch-symbol-mismatch');
    const lib = findings.find((f) => f.ruleId === 'runtime/shared-library-missing')!;
    expect(lib.severity).toBe('notice');
    expect(lib.title).toBe('PyTorch library not found: the extension was imported before torch');
    expect(lib.fix).toContain("python -c 'import torch; import flash_attn_2_cuda'");
  });

  test('the same block cut before the second import (libc10.so alone): the error that the extension needs this torch', async () => {
    const cut = log.split('\n').slice(0, 5).join('\n');
    expect(cut).toContain('libc10.so');
    expect(cut).not.toContain('undefined symbol');
    const lib = (await analyzeLog(cut)).find((f) => f.ruleId === 'runtime/shared-library-missing')!;
    expect(lib.severity).toBe('error');
    expect(lib.title).toBe('PyTorch library not found (extension built for another PyTorch)');
  });
});
