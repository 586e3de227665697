// The CUDA release that accepts the gcc a build chose with `-ccbin`.
import { describe, expect, test } from 'vitest';
import { firstCudaForGcc, gccMajorOfPath, hostCompilerCudaEnrich } from '../../src/knowledge/host-compiler-cuda.js';
import { factsFor } from '../../src/facts/fact-view.js';
import type { FactValue } from '../../src/facts/types.js';
import { makeModel } from '../support/builders.js';

const noFacts = () => factsFor({}, null, makeModel());

describe('gccMajorOfPath', () => {
  test.each([
    ['/usr/bin/g++-10', 10],
    ['/usr/bin/gcc-12', 12],
    ['g++-13', 13],
    ['/usr/bin/x86_64-linux-gnu-g++-11', 11],
  ])('%s → %d', (path, major) => {
    expect(gccMajorOfPath(path)).toBe(major);
  });

  test.each(['/usr/bin/g++', '/usr/bin/clang++-14', '/opt/rh/devtoolset-8/root/usr/bin/g++'])('%s names no gcc major', (path) => {
    expect(gccMajorOfPath(path)).toBeNull();
  });
});

describe('firstCudaForGcc', () => {
  test('the release NVIDIA first lists for each gcc major', () => {
    expect([10, 11, 12, 13, 15].map(firstCudaForGcc)).toEqual(['11.1', '11.4', '12.0', '12.4', '13.0']);
  });

  test('a major no checked source dates is not guessed', () => {
    expect(firstCudaForGcc(14)).toBeNull();
    expect(firstCudaForGcc(9)).toBeNull();
  });
});

describe('hostCompilerCudaEnrich', () => {
  test('gcc 10 chosen with -ccbin, OS unknown: CUDA 11.1 and its tags per Ubuntu release', () => {
    const out = hostCompilerCudaEnrich({ 'context.ccbin.path': '/usr/bin/g++-10' }, null, makeModel(), noFacts());
    expect(out.chosenGcc).toBe('10');
    expect(out.firstCuda).toBe('11.1');
    expect(out.develTag).toContain('nvidia/cuda:11.1.1-devel-ubuntu18.04');
    expect(out.develTag).toContain('the one of the base image');
  });

  test('the OS the log shows picks the one tag', () => {
    const os: FactValue = { value: 'Ubuntu 20.04', source: 'image-tag', evidence: 'ubuntu20.04', line: 1, stage: null, step: null };
    const out = hostCompilerCudaEnrich({ 'context.ccbin.path': '/usr/bin/g++-12' }, null, makeModel(), factsFor({ os: [os] }, null, makeModel()));
    expect(out.develTag).toBe('nvidia/cuda:12.0.1-devel-ubuntu20.04');
  });

  test('no -ccbin, or a bare g++: nothing', () => {
    expect(hostCompilerCudaEnrich({}, null, makeModel(), noFacts())).toEqual({});
    expect(hostCompilerCudaEnrich({ 'context.ccbin.path': '/usr/bin/g++' }, null, makeModel(), noFacts())).toEqual({});
  });

  test('a gcc the table does not date: its major only, so the rule keeps its older fix', () => {
    expect(hostCompilerCudaEnrich({ 'context.ccbin.path': '/usr/bin/g++-14' }, null, makeModel(), noFacts())).toEqual({ chosenGcc: '14' });
  });
});

describe('hostCompilerCudaEnrich: a gcc the log shows that nvcc accepts', () => {
  test('names the reported gcc when it is at or below the newest nvcc accepts', () => {
    const out = hostCompilerCudaEnrich({ max: '5', 'context.systemGcc.version': '5.4.1' }, null, makeModel(), noFacts());
    expect(out).toEqual({ acceptedGcc: '5.4.1' });
  });

  test('says nothing when the reported gcc is newer than that', () => {
    expect(hostCompilerCudaEnrich({ max: '6', 'context.systemGcc.version': '7.2.1' }, null, makeModel(), noFacts())).toEqual({});
  });

  test('does not take an accepted -ccbin gcc for the chosen, refused one', () => {
    const out = hostCompilerCudaEnrich({ max: '10', 'context.ccbin.path': '/usr/bin/g++-10' }, null, makeModel(), noFacts());
    expect(out).toEqual({ acceptedGcc: '10' });
  });

  test('keeps the CUDA release for a -ccbin gcc newer than nvcc accepts', () => {
    const out = hostCompilerCudaEnrich({ max: '9', 'context.ccbin.path': '/usr/bin/g++-10' }, null, makeModel(), noFacts());
    expect(out).toMatchObject({ chosenGcc: '10', firstCuda: '11.1' });
  });
});
