// The first torch release whose cpp_extension lists an arch, and the `torch-known-arch` enricher.
import { describe, expect, test } from 'vitest';
import { torchArchRow, torchExtensionArches } from '../../src/knowledge/torch-extension-arches.js';
import { torchKnownArchEnrich } from '../../src/knowledge/torch-arch-enricher.js';
import { compareVersions } from '../../src/text/compare-versions.js';
import { factsFor } from '../../src/facts/fact-view.js';
import type { FactValue } from '../../src/facts/types.js';
import { makeModel } from '../support/builders.js';

function fact(value: string, source: string): FactValue {
  return { value, source, evidence: value, line: 1, stage: null, step: null };
}
const noFacts = factsFor({}, null, makeModel());

describe('the table', () => {
  test('every row names a release that rejects the arch, older than the first that lists it', () => {
    for (const row of torchExtensionArches) expect(compareVersions(row.rejectedBy, row.firstTorch)).toBeLessThan(0);
  });

  test('9.0 and 9.0+PTX are the same row; an arch outside the table has none', () => {
    expect(torchArchRow('9.0+PTX')?.firstTorch).toBe('2.0.0');
    expect(torchArchRow('8.6')?.firstTorch).toBe('1.7.0');
    expect(torchArchRow('3.0')).toBeNull();
  });
});

describe('torch-known-arch', () => {
  test('the reporter\'s torch and CUDA: the first release for that CUDA, and 8.6+PTX to keep', () => {
    const out = torchKnownArchEnrich({ arch: '9.0', 'context.torchSaid.v': '1.12.1', 'context.cudaSaid.v': '11.8' }, null, makeModel(), noFacts);
    expect(out).toMatchObject({ torchArch: '9.0', torchFirst: '2.0.0', torchSeen: '1.12.1', torchCuda: '11.8', torchKeep: '8.6+PTX' });
    expect(out.torchUpgrade).toBe('pip install --index-url https://download.pytorch.org/whl/cu118 torch==2.0.1');
    expect(out.torchCudaNote).toContain('CUDA 11.8 compiles sm_90');
  });

  test('a torch fact wins over the words; a torch that already lists the arch is not "seen"', () => {
    const facts = factsFor({ torch: [fact('2.1.0+cu121', 'pip')] }, null, makeModel());
    const out = torchKnownArchEnrich({ arch: '9.0', 'context.torchSaid.v': '1.12.1' }, null, makeModel(), facts);
    expect(out.torchSeen).toBeUndefined();
    expect(out.torchKeep).toBeUndefined();
  });

  test('no torch or CUDA in the log: the boundary only, no arch to keep and no command', () => {
    const out = torchKnownArchEnrich({ arch: '8.6' }, null, makeModel(), noFacts);
    expect(out).toEqual({ torchArch: '8.6', torchFirst: '1.7.0', torchRejectedBy: '1.6.0' });
  });

  test('a torch older than 1.7.0 lists no 8.6, so it is never offered for it', () => {
    const out = torchKnownArchEnrich({ arch: '8.6', 'context.torchSaid.v': '1.5.0' }, null, makeModel(), noFacts);
    expect(out.torchSeen).toBe('1.5.0');
    expect(out.torchKeep).toBeUndefined();
  });

  test('a CUDA that does not compile 8.6 gets no 8.6+PTX', () => {
    const out = torchKnownArchEnrich({ arch: '9.0', 'context.torchSaid.v': '1.12.1', 'context.cudaSaid.v': '11.0' }, null, makeModel(), noFacts);
    expect(out.torchKeep).toBeUndefined();
    expect(out.torchCudaNote).toBeUndefined();
  });
});
