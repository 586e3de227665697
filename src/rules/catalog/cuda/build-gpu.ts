// What a build step can see of the GPU, said once for the cuda/ rules that need it. Sources:
// - CDI in builds "Since BuildKit 0.20.0" (github.com/moby/buildkit docs/cdi.md); Dockerfile `RUN --device`,
//   labs syntax 1.14 (`docker/dockerfile:1-labs`), the `device` entitlement (`--allow device`; buildkitd
//   `--allow-insecure-entitlement device`): Dockerfile reference and docker/docs PR #23354.
// - docs.docker.com/build/building/cdi: "Docker v27+ installed with CDI configured and Buildx v0.22+";
//   GPU builder image moby/buildkit:buildx-stable-1-gpu (docker/docs PR #23776).
// - CDI device name `nvidia.com/gpu=all`: `nvidia-ctk cdi list` output after `nvidia-ctk cdi generate`
//   (NVIDIA Container Toolkit ≥ 1.12, "Support for Container Device Interface").

/** One sentence: no GPU by default, and the exact way a build can get one. */
export const BUILD_GPU =
  'A build step sees no GPU and no driver by default (`docker build` has no `--gpus`). BuildKit ≥ 0.20 can give a step one through CDI ' +
  '(`# syntax=docker/dockerfile:1-labs`, `RUN --device=nvidia.com/gpu=all …`, a builder allowed the `device` entitlement and ' +
  '`docker buildx build --allow device`; Docker ≥ 27 with CDI configured, Buildx ≥ 0.22), but an image built that way still has to run on other GPUs.';
