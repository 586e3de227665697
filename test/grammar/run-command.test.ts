// Whether an error box's vertex name is the RUN a step's `#N ERROR:` names, on the pairs real builds printed: the
// error quotes the command as the shell got it, the name shows the instruction's flags and the build args expanded.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { isRunOf, runInstructionOf } from '../../src/grammar/run-command.js';
import { parseVertexName } from '../../src/grammar/vertex-name.js';

/** The step error (`#N ERROR: …`) and the box's vertex name (` > [k/n] …:`) of a log. */
function errorAndBox(path: string): { message: string; instruction: string } {
  const lines = readFileSync(path, 'utf8').split('\n');
  const error = lines.find((l) => /^#\d+ ERROR: /.test(l))!;
  const box = lines.find((l) => l.startsWith(' > [') && l.endsWith(':'))!;
  return { message: error.replace(/^#\d+ ERROR: /, ''), instruction: parseVertexName(0, box.slice(3, -1)).instruction };
}

// An apt-get RUN with runs of spaces from its continuation lines (docker/build-push-action#933).
const apt = errorAndBox('fixtures/real-world/apt/build-push-action-933-nvidia-mirror-sync.log');
// `RUN --mount=type=bind,… cmake … compute_${GPU_ARCH}` with GPU_ARCH empty: the name has the flag and `compute_`.
const cmake = errorAndBox('fixtures/real/buildkit-0.13-dockerd-26.1/nvcc-empty-arch.log');

describe('isRunOf', () => {
  test('the same RUN, white space as printed', () => {
    expect(isRunOf(apt.instruction, apt.message)).toBe(true);
  });

  test('the same RUN, its flags in the name and its build arg expanded there', () => {
    expect(cmake.instruction).toContain('--mount=type=bind,from=cuda');
    expect(cmake.message).toContain('compute_${GPU_ARCH}');
    expect(isRunOf(cmake.instruction, cmake.message)).toBe(true);
  });

  test('another RUN, or an error that names no command', () => {
    expect(isRunOf(apt.instruction, cmake.message)).toBe(false);
    expect(isRunOf(cmake.instruction, apt.message)).toBe(false);
    // a COPY whose source is missing: no command to compare
    const copy = errorAndBox('fixtures/real/buildkit-0.25-dockerd-28.5/copy-missing.log');
    expect(copy.message).toMatch(/^failed to calculate checksum of ref /);
    expect(isRunOf(copy.instruction, copy.message)).toBe(false);
    expect(isRunOf(apt.instruction, copy.message)).toBe(false);
  });

  test('the command of the error, quotes unescaped', () => {
    expect(runInstructionOf(cmake.message)).toBe(
      'RUN cmake -S . -B build "-DCMAKE_CUDA_FLAGS=-gencode=arch=compute_${GPU_ARCH},code=sm_${GPU_ARCH}"     && cmake --build build',
    );
  });
});

describe('runInstructionOf under emulation', () => {
  test('the QEMU emulator before the shell (prefix-dev/pixi-docker#172)', () => {
    expect(
      runInstructionOf('process "/dev/.buildkit_qemu_emulator /bin/sh -c apt-get update && apt-get install -y curl" did not complete successfully: exit code: 100'),
    ).toBe('RUN apt-get update && apt-get install -y curl');
  });
});
