// cuda/no-kernel-image: a torch without the GPU's arch run by a Python on Windows gets the install command for that
// interpreter (the directory holding Lib\site-packages, read from the path in the log), not `python3`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fixturesRoot } from './support/fixtures.js';
import { analyzeLog } from './support/analyze-log.js';

const RULE = 'cuda/no-kernel-image';
const read = (name: string) => readFileSync(path.join(fixturesRoot, 'cuda/no-kernel-image', name), 'utf8');

async function finding(text: string) {
  return (await analyzeLog(text)).find((f) => f.ruleId === RULE);
}

describe('cuda/no-kernel-image on a Windows Python', () => {
  test("a one-click package's own Python installs cu128 wheels with its python.exe (lllyasviel/FramePack#204)", async () => {
    const f = (await finding(read('match-windows-embedded-python-cu126-rtx5090-framepack-204.log')))!;
    const py = '"C:\\Programy\\framepack_cu126_torch26\\system\\python\\python.exe"';
    expect(f.fix).toContain(`${py} -m pip install --upgrade torch torchvision torchaudio --index-url https://download.pytorch.org/whl/cu128`);
    expect(f.fix).toContain(`${py} -c "import torch;`);
    expect(f.fix).toContain('torch 2.7.0');
    expect(f.fix).not.toContain('python3 -c');
  });

  test('a POSIX site-packages path keeps the python3 check (match-sm120-warning-journald.log, a NixOS service)', async () => {
    const f = (await finding(read('match-sm120-warning-journald.log')))!;
    expect(f.fix).not.toContain('python.exe');
    expect(f.fix).toContain('python3 -c');
  });
});
