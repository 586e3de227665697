// The Pythons a torch release supports, and the advice for a pin older than every release pip lists.
import { describe, expect, test } from 'vitest';
import { factsFor } from '../../src/facts/fact-view.js';
import type { BuildFacts } from '../../src/facts/types.js';
import { torchPythonEnrich, torchPythons } from '../../src/knowledge/torch-python.js';
import { makeModel } from '../support/builders.js';

const model = makeModel({ steps: [] });
const fact = (value: string, source: string, evidence: string) => [{ value, source, evidence, line: 1, stage: null, step: null }];
// the list of YassineYousfi/comma10k-baseline#13
const versions = '1.13.0, 1.13.1, 2.0.0, 2.0.1, 2.1.0, 2.8.0';

describe('torchPythons', () => {
  test('ranges from torchvision\'s table and RELEASE.md', () => {
    expect(torchPythons('1.8.1')).toEqual(['3.6', '3.9']);
    expect(torchPythons('2.3.0')).toEqual(['3.8', '3.11']);
    expect(torchPythons('2.10.0')).toEqual(['3.10', '3.14']);
    expect(torchPythons('0.4.1')).toBeNull();
  });
});

describe('torchPythonEnrich', () => {
  test('every listed release newer: both ways out, the oldest listed as a command', () => {
    const out = torchPythonEnrich({ requirement: 'torch==1.8.1', versions }, null, model, factsFor({}, null, model));
    expect(out.torchPyRange).toBe('3.6–3.9');
    expect(out.torchPyNewest).toBe('3.9');
    expect(out.torchPyOldestCmd).toBe('pip install torch==1.13.0');
    expect(out.torchPyOldestLabel).toBe('1.13.0 (released with torchvision 0.14.0 and torchaudio 0.13.0)');
    expect(out.torchPyNote).toContain('python3 --version');
  });
  test('a Python the log shows is named, and the command follows the installer', () => {
    const facts: BuildFacts = { python: fact('3.11.4', 'banner', 'Python 3.11.4'), installer: fact('uv', 'command', 'uv pip install') };
    const out = torchPythonEnrich({ requirement: 'torch==1.8.1', versions }, null, model, factsFor(facts, null, model));
    expect(out.torchPyNote).toBe("This build's Python is 3.11.4, newer than every Python torch 1.8.1 supports.");
    expect(out.torchPyOldestCmd).toBe('uv pip install torch==1.13.0');
  });
  test('nothing when a listed release is not newer, the pin is local, or the release is unknown', () => {
    const none = factsFor({}, null, model);
    expect(torchPythonEnrich({ requirement: 'torch==1.8.1', versions: '1.8.0, 1.9.0' }, null, model, none)).toEqual({});
    expect(torchPythonEnrich({ requirement: 'torch==1.8.1+cu111', versions }, null, model, none)).toEqual({});
    expect(torchPythonEnrich({ requirement: 'torch==0.3.1', versions }, null, model, none)).toEqual({});
    expect(torchPythonEnrich({ requirement: 'torch==1.8.1' }, null, model, none)).toEqual({});
  });
});

describe('torchPythonEnrich, a Python the log shows outside the pin\'s range', () => {
  const py311 = (): BuildFacts => ({ python: fact('3.11', 'banner', 'Python 3.11.0 (main, Oct 24 2022, 18:26:48) [MSC v.1933 64 bit (AMD64)]') });
  test('a +cu113 pin of 1.12.1 under Python 3.11: the first release for 3.11 from its closest CUDA index', () => {
    const out = torchPythonEnrich({ requirement: 'torch==1.12.1+cu113', versions: 'none' }, null, model, factsFor(py311(), null, model));
    expect(out.torchPyOutside).toContain('Python 3.7–3.10 only');
    expect(out.torchPyOutNewest).toBe('3.10');
    expect(out.torchPyOutCmd).toBe('pip install --index-url https://download.pytorch.org/whl/cu117 torch==2.0.0 torchvision==0.15.1 torchaudio==2.0.1');
    expect(out.torchPyOutNote).toContain('not cu113: cu117 is the closest');
  });
  test('a plain pin: the first release for this Python, without an index', () => {
    const out = torchPythonEnrich({ requirement: 'torch==1.12.1' }, null, model, factsFor(py311(), null, model));
    expect(out.torchPyOutCmd).toBe('pip install torch==2.0.0 torchvision==0.15.1 torchaudio==2.0.1');
  });
  test('nothing when the Python fits the release or is not shown', () => {
    const py310: BuildFacts = { python: fact('3.10', 'banner', 'Python 3.10.6') };
    expect(torchPythonEnrich({ requirement: 'torch==1.12.1+cu113' }, null, model, factsFor(py310, null, model))).toEqual({});
    expect(torchPythonEnrich({ requirement: 'torch==1.12.1+cu113' }, null, model, factsFor({}, null, model))).toEqual({});
  });
});

describe('torchPythonEnrich, every listed release older than the pin', () => {
  // newlxj/DeepSeek-OCR-Web-UI#4: the list of pip on Python 3.8
  const upTo241 =
    '1.4.0, 1.5.0, 1.5.1, 1.6.0, 1.7.0, 1.7.1, 1.8.0, 1.8.1, 1.9.0, 1.9.1, 1.10.0, 1.10.1, 1.10.2, 1.11.0, 1.12.0, 1.12.1, 1.13.0, 1.13.1, ' +
    '2.0.0, 2.0.1, 2.1.0, 2.1.1, 2.1.2, 2.2.0, 2.2.1, 2.2.2, 2.3.0, 2.3.1, 2.4.0, 2.4.1';
  test('a list that stops where torch dropped a Python names that Python', () => {
    const out = torchPythonEnrich({ requirement: 'torch==2.6.0', versions: upTo241 }, null, model, factsFor({}, null, model));
    expect(out.torchPyOldPython).toBe('3.8');
    expect(out.torchPyOldWhy).toContain('torch 2.5 is the first release without wheels for Python 3.8');
    expect(out.torchPyOldRange).toBe('3.9–3.13');
    expect(out.torchPyOldNewestCmd).toBe('pip install torch==2.4.1');
  });
  test('a Python the log shows is used, when it is older than the pin supports', () => {
    const facts: BuildFacts = { python: fact('3.8.10', 'banner', 'Python 3.8.10') };
    const out = torchPythonEnrich({ requirement: 'torch==2.6.0', versions: upTo241 }, null, model, factsFor(facts, null, model));
    expect(out.torchPyOldPython).toBe('3.8.10');
  });
  test('nothing when the list stops where no Python was dropped (2.2 and 2.3 both start at 3.8: a platform, not a Python)', () => {
    const out = torchPythonEnrich({ requirement: 'torch==2.6.0', versions: '2.0.0, 2.1.0, 2.2.0, 2.2.2' }, null, model, factsFor({}, null, model));
    expect(out).toEqual({});
  });
});
