// The job count a compile command asked for, and the memory-knobs advice that follows it. The
// commands are RUN lines and commands from real threads (provenance beside each).
import { describe, expect, test } from 'vitest';
import { buildJobsIn } from '../../src/knowledge/build-parallelism.js';
import { memoryKnobsEnrich } from '../../src/knowledge/memory-knobs-enricher.js';
import { factsFor } from '../../src/facts/fact-view.js';
import type { FactValue } from '../../src/facts/types.js';
import { makeModel, makeStep } from '../support/builders.js';

// triton-inference-server/dali_backend#84: BuildKit's `executor failed running [/bin/sh -c …]` line of a CMake build from source.
const DALI =
  'RUN CMAKE_VERSION=3.17 &&     CMAKE_BUILD=3.17.4 &&     wget -nv https://cmake.org/files/v${CMAKE_VERSION}/cmake-${CMAKE_BUILD}.tar.gz &&     ' +
  'tar -xf cmake-${CMAKE_BUILD}.tar.gz &&     cd cmake-${CMAKE_BUILD} &&     ./bootstrap --parallel=$(grep ^processor /proc/cpuinfo | wc -l) -- ' +
  '-DCMAKE_USE_OPENSSL=OFF &&     make -j"$(grep ^processor /proc/cpuinfo | wc -l)" install &&     rm -rf /cmake-${CMAKE_BUILD}';

function fact(value: string, source: string): FactValue {
  return { value, source, evidence: value, line: 1, stage: null, step: null };
}

describe('buildJobsIn: the compiling command and its job count', () => {
  test('make with a count computed from the cores (dali_backend#84) gets -j2 in its own command', () => {
    expect(buildJobsIn(DALI)).toEqual({
      tool: 'make',
      jobs: 'cores',
      command: 'make -j"$(grep ^processor /proc/cpuinfo | wc -l)" install',
      option: '-j"$(grep ^processor /proc/cpuinfo | wc -l)"',
      lowered: 'make -j2 install',
    });
  });

  test.each([
    // monero-project/monero#2865: "the Dockerfile calls `make -j$(nproc)`"
    ['RUN make -j$(nproc)', 'make', 'cores', 'make -j2'],
    // seancook/docker-openpose-cpu#1: the Dockerfile's `make -j` (no number), changed to `make -j 4` in the thread
    ['RUN make -j', 'make', 'unlimited', 'make -j2'],
    ['RUN make -j 4', 'make', 4, 'make -j2'],
    // cyang-kth/fmm#146: the classic builder's `The command '/bin/sh -c mkdir -p build && cd build && cmake .. && make install'`
    ['mkdir -p build &&     cd build &&     cmake .. &&     make install', 'make', 'default', 'make -j2 install'],
    // forderud/QtWasm#12: "Error when building with `cmake --build . --parallel`"
    ['RUN cmake --build . --parallel', 'cmake-build', 'default', 'cmake --build . --parallel 2'],
    // LeelaChessZero/lc0#1395: the maintainer's `cd build/release && ninja -j 1`
    ['cd build/release && ninja -j 1', 'ninja', 1, 'ninja -j2'],
  ])('%s → %s', (text, tool, jobs, lowered) => {
    const found = buildJobsIn(text)!;
    expect(found.tool).toBe(tool);
    expect(found.jobs).toBe(jobs);
    expect(found.lowered).toBe(lowered);
  });

  test('cmake --build gives cmake its count; without one the command gets --parallel 2', () => {
    // ModelTC/LightX2V#421: vllm's setup.py runs `cmake --build . -j=15 …`
    expect(buildJobsIn("cmake --build . -j=15 --target=_moe_C")).toMatchObject({ tool: 'cmake-build', jobs: 15, lowered: 'cmake --build . -j 2 --target=_moe_C' });
  });

  test('no compiling command: pip, setup.py, another build tool, a word that only starts like one', () => {
    // huggingface/text-generation-inference#903, wallix/redemption#142
    expect(buildJobsIn('RUN python setup.py build')).toBeNull();
    expect(buildJobsIn("RUN bjam linkflags=-static-libstdc++ variant=release -q --toolset=gcc rdpproxy")).toBeNull();
    expect(buildJobsIn('RUN makepkg -s && ninjafmt')).toBeNull();
  });
});

describe('memory-knobs: the advice follows the command the step ran', () => {
  const inImage = (instruction: string) => {
    const step = makeStep({ id: 8, instruction });
    const model = makeModel({ steps: [step] });
    return { step, model, facts: factsFor({ place: [fact('image-build', 'log-format')] }, step, model) };
  };

  test('a make with a count: that count lowered in its own command, no MAX_JOBS', () => {
    const { step, model, facts } = inImage(DALI);
    const v = memoryKnobsEnrich({}, step, model, facts);
    expect(v.jobsLine).toBe('make -j2 install');
    expect(v.jobsFence).toBe('sh');
    expect(v.knobNote).toContain('one compile job per core');
    expect(v.serialBuild).toBeUndefined();
  });

  test('a make without -j ran one job: no job advice, more memory', () => {
    const { step, model, facts } = inImage('RUN mkdir -p build &&     cd build &&     cmake .. &&     make install');
    const v = memoryKnobsEnrich({}, step, model, facts);
    expect(v.serialBuild).toContain("'make install' without -j");
    expect(v.moreMemory).toContain('Docker Desktop');
    // ... unless the log shows make waiting for its other jobs: then it was parallel after all (MAKEFLAGS).
    const parallel = memoryKnobsEnrich({ 'context.parallelMake': 'x' }, step, model, facts);
    expect(parallel.serialBuild).toBeUndefined();
    expect(parallel.jobsLine).toBe('make -j2 install');
  });

  test('cmake --build without a count: CMAKE_BUILD_PARALLEL_LEVEL where the build runs', () => {
    const { step, model, facts } = inImage('RUN cmake --build build --target install');
    expect(memoryKnobsEnrich({}, step, model, facts).jobsLine).toBe('ENV CMAKE_BUILD_PARALLEL_LEVEL=2');
  });

  test("the classic builder's last line gives the command when the step has none", () => {
    const v = memoryKnobsEnrich({ 'context.classicRun.cmd': 'mkdir -p build &&     cd build &&     cmake .. &&     make install' }, null, makeModel(), factsFor({}, null, makeModel()));
    expect(v.serialBuild).toBeDefined();
  });

  test('pip and setup.py keep the knobs of the package; torch arch lists only for torch builds', () => {
    const { step, model, facts } = inImage('RUN python setup.py build');
    const torch = memoryKnobsEnrich({ 'context.torchExtension': 'x' }, step, model, facts);
    expect(torch.jobsLine).toBe('ENV MAX_JOBS=2');
    expect(torch.tailNote).toContain('TORCH_CUDA_ARCH_LIST');
    // a setup.py the log does not show building with torch: the arch list only on that condition
    expect(memoryKnobsEnrich({}, step, model, facts).tailNote).toContain("If the package builds with torch's cpp_extension, fewer CUDA architectures");
    expect(torch.tailNote).not.toContain('If the package builds with');
  });
});
