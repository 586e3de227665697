// The `cmake-arch-line` enricher: a configure line of the log with the GPU's capability added to its CUDA arch list.
import { describe, expect, test } from 'vitest';
import { cmakeArchLine } from '../../src/knowledge/cmake-arch-line-enricher.js';

// fixtures/rules/buildkit/step-failed/match-solve-error-only-cmake-context-llamacpp.log, its solve error
const LLAMA_CPP_DOCKERFILE_RUN =
  "ERROR: failed to solve: process \"/bin/sh -c if [ \\\"${CUDA_DOCKER_ARCH}\\\" != \\\"default\\\" ]; then         export CMAKE_ARGS=\\\"-DCMAKE_CUDA_ARCHITECTURES=${CUDA_DOCKER_ARCH}\\\";     fi &&     cmake -B build -DGGML_NATIVE=OFF -DGGML_CUDA=ON -DLLAMA_CURL=ON ${CMAKE_ARGS} -DCMAKE_EXE_LINKER_FLAGS=-Wl,--allow-shlib-undefined . &&     cmake --build build --config Release --target llama-server -j$(nproc) &&     mkdir -p /app/lib &&     find build -name \\\"*.so\\\" -exec cp {} /app/lib \\\\\\\\;\" did not complete successfully: exit code: 1";

describe('cmake-arch-line: the build\'s own configure line, its arch list extended', () => {
  test('a bare list, the flags around it kept (ggml-org/llama.cpp#22522, the reporter\'s configure line)', () => {
    expect(cmakeArchLine('cmake -B build -DBUILD_SHARED_LIBS=OFF -DGGML_CUDA=ON -DCMAKE_CUDA_ARCHITECTURES=121 -DGGML_CUDA_PDL=ON')).toEqual({
      command: 'cmake -B build -DBUILD_SHARED_LIBS=OFF -DGGML_CUDA=ON -DCMAKE_CUDA_ARCHITECTURES="121;XY" -DGGML_CUDA_PDL=ON',
      list: '121',
    });
  });

  test('a quoted list in a RUN step: the cmake command alone, not the `&& cmake --build` after it', () => {
    // fixtures/real/buildkit-0.25-dockerd-28.5/cmake-cuda-arch-list-valid.log
    const line = '#10 [stage-0 4/4] RUN --mount=type=bind,from=cuda,target=/usr/local/cuda-13.0     cmake -S . -B build -DCMAKE_CUDA_ARCHITECTURES="80;86;90"     && cmake --build build';
    expect(cmakeArchLine(line)).toEqual({ command: 'cmake -S . -B build -DCMAKE_CUDA_ARCHITECTURES="80;86;90;XY"', list: '80;86;90' });
  });

  test('no list to extend: `native`, an `sm_80` name, a CMAKE_ARGS assignment for pip', () => {
    // fixtures/real/buildkit-0.25-dockerd-28.5/cmake-native-no-gpu.log and cmake-cuda-arch-sm-name.log
    expect(cmakeArchLine('#10 [stage-0 4/4] RUN --mount=type=bind,from=cuda,target=/usr/local/cuda-13.0     cmake -S . -B build -DCMAKE_CUDA_ARCHITECTURES=native     && cmake --build build')).toBeNull();
    expect(cmakeArchLine('#10 [stage-0 4/4] RUN --mount=type=bind,from=cuda,target=/usr/local/cuda-13.0     cmake -S . -B build -DCMAKE_CUDA_ARCHITECTURES=sm_80     && cmake --build build')).toBeNull();
    // llama.cpp's cuda Dockerfile: the list is in a CMAKE_ARGS assignment, the cmake command only expands `${CMAKE_ARGS}`
    expect(cmakeArchLine(LLAMA_CPP_DOCKERFILE_RUN)).toBeNull();
  });
});
