// The build-facts stage on real logs: each fact a log shows is read with the right value and
// source, the one a fix trusts is the most direct proof for the failing step, and a log that
// disagrees with itself keeps both values.
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { analyzeStream } from '../../src/analyze.js';
import type { Analysis } from '../../src/report/analysis.js';
import { factsFor } from '../../src/facts/fact-view.js';
import { factsLine } from '../../src/report/facts-line.js';
import { reportOf } from '../../src/report/json.js';
import { parseDockerfile } from '../../src/dockerfile/dockerfile.js';
import { imageFacts } from '../../src/facts/image-facts.js';

async function analyzeFile(path: string): Promise<Analysis> {
  return analyzeStream(Readable.from([readFileSync(path)]));
}

/** `name → "value (source)"` of the JSON report's facts, for the names a row lists. */
function reported(analysis: Analysis, names: readonly string[]): Record<string, string> {
  const facts = reportOf(analysis).build.facts as Record<string, { value: string; source: string } | undefined>;
  const out: Record<string, string> = {};
  for (const name of names) {
    const f = facts[name];
    out[name] = f === undefined ? '—' : `${f.value} (${f.source})`;
  }
  return out;
}

// Each row: a log under fixtures/, and the facts it proves as the JSON report gives them
// (checked by reading the log: the line quoted in the comment is in it).
const table: [file: string, expected: Record<string, string>][] = [
  // The demo sample: `ENV PATH=/usr/local/cuda-13.0/bin:$PATH` in its step header; the base image from the failed stage's `FROM`
  [
    'samples/cuda-multistage-failed.log',
    { cuda: '13.0 (path)', baseImage: 'local/tools:bookworm (from)', place: 'image-build (log-format)', installer: '—' },
  ],
  // `-- The CUDA compiler identification is NVIDIA 13.0.88`
  ['real/buildkit-0.25-dockerd-28.5/cmake-cuda-arch-list-valid.log', { cuda: '13.0 (cmake)' }],
  // `RUN pip install metrics`
  ['real/buildkit-0.25-dockerd-28.5/pip-plain-install.log', { installer: 'pip (instruction)' }],
  // `Cuda compilation tools, release 13.0, V13.0.88`
  ['real/buildkit-0.13-dockerd-26.1/nvcc-unsupported-arch.log', { cuda: '13.0 (nvcc)', place: 'image-build (log-format)' }],
  // `Get:…/ubuntu1804/x86_64 …` of NVIDIA's old repository
  ['rules/apt/fetch-failed/match-nvidia-key.log', { nvidiaRepo: 'ubuntu1804/x86_64 (nvidia-repo)' }],
  // `Err:5 http://deb.debian.org/debian bookworm InRelease`
  ['rules/apt/fetch-failed/match-dns.log', { os: 'Debian 12 (apt)' }],
  // `[linux/arm64 …]` step headers
  ['rules/apt/unable-to-locate-package/match-arm64-ros-foxglove.log', { platform: 'linux/arm64 (step-header)' }],
  // `load metadata for docker.io/nvidia/cuda:11.7.1-cudnn8-runtime-ubuntu20.04`: everything from the tag
  [
    'real-world/base-image/cosyvoice-registry-mirror-timeout.log',
    { cuda: '11.7 (image-tag)', cudnn: '8 (image-tag)', imageFlavour: 'runtime (image-tag)', os: 'Ubuntu 20.04 (image-tag)' },
  ],
  // `The detected CUDA version (12.2) mismatches … compile` / `PyTorch (11.3).`, wrapped over two lines
  ['rules/cuda/version-mismatch/match-flash-attn-cuda122-torch-cu113-vgen.log', { cuda: '12.2 (torch-extension)', torchCuda: 'cu113 (torch-extension)' }],
  // The same error pasted alone, nothing about where it ran: `… (11.8) mismatches … PyTorch (12.4).`
  ['rules/cuda/version-mismatch/match-cuda118-torch-cu124-paste.log', { cuda: '11.8 (torch-extension)', torchCuda: 'cu124 (torch-extension)', place: '—' }],
  // Debian 12's pip refusing a system install: `See /usr/share/doc/python3.11/README.venv …`
  ['rules/pip/externally-managed/match-debian-bookworm.log', { python: '3.11 (path)' }],
  // `RUN uv sync --frozen`; `Using CPython 3.13.0 interpreter at: /usr/local/bin/python`
  ['real-world/uv-conda/uv-sync-geventhttpclient-no-gcc.log', { installer: 'uv (instruction)', python: '3.13 (python)' }],
  // `/home/runner/work/_temp/….sh: line 18: … Killed …`: the workspace path of a GitHub-hosted runner
  ['real-world/ci/vorarbeiter-runner-shutdown-signal.log', { runner: 'github-hosted (runner)' }],
  // `(dockercompose) pi@raspberrypi:~/dev/vscode-arm $ docker-compose up --build`: a Raspberry Pi's prompt, an arm host
  ['rules/buildx/exec-format-error/match-raspberry-pi-amd64-only-base.log', { hostPlatform: 'arm (shell-prompt)', baseImage: 'vtsv/arm:builder (from)' }],
  // `When building the docker image on Mac M1 with command …`: the reporter names an Apple-Silicon Mac
  ['rules/pip/poetry-no-install-candidates/match-m1-torch113-nvidia-cublas-cu11.log', { hostPlatform: 'linux/arm64 (apple-silicon)' }],
  // `base image` / `FROM nvcr.io/nvidia/cuda:11.8.0-devel-ubuntu20.04` pasted under the output: the image and its CUDA
  ['rules/cuda/no-gpu-at-build/match-colossalai-build-ext-docker.log', { baseImage: 'nvcr.io/nvidia/cuda:11.8.0-devel-ubuntu20.04 (dockerfile-paste)', cuda: '11.8 (image-tag)' }],
  // An M1 build whose cut does not say so: no platform is read from it
  ['rules/pip/no-matching-distribution/match-torch-cu116-plain-only-unknown-platform.log', { hostPlatform: '—', platform: '—' }],
  // `Downloading https://…/torch-…-manylinux2014_aarch64.whl`: pip on arm64 Linux (a Jetson image)
  ['rules/pip/base-package-replaced/match-jetson-nv-torch-replaced.log', { platform: 'linux/arm64 (wheel)' }],
  // `root@Tower:/mnt/user/Projects/deep-image-prior# docker build …`: a prompt that names no platform
  // Windows Python paths: `File "C:\\Users\\Luna\\…\\python_embeded\\lib\\site-packages\\torch\\cuda\\__init__.py"`, pip's
  // `C:\\Users\\PC60\\AppData\\Local\\Temp\\pip-install-7aimsv5v\\…`: the failing command ran on a Windows host
  ['rules/runtime/torch-cpu-build/match-comfyui-portable-after-update.log', { place: 'host-shell (windows-python-path)', hostOs: 'windows (windows-path)' }],
  ['rules/cuda/version-mismatch/match-deepspeed-op-builder-windows.log', { place: 'host-shell (windows-python-path)', hostOs: 'windows (windows-path)' }],
  // `docker run --gpus all -d -v f:/ai/ollama:/root/.ollama …`: a bind mount from a Windows drive, Docker on Windows; a Linux
  // path (`-v /path/to/models:/models`, ggml-org/llama.cpp#7822) says nothing of the host's OS
  ['rules/runtime/shared-library-missing/match-container-cli-no-spaces-docker-windows-ollama-4279.log', { hostOs: 'windows (windows-bind-mount)' }],
  ['rules/runtime/shared-library-missing/match-libcuda-with-gpus-llamacpp-7822.log', { hostOs: '—' }],
  // `fauxpilot-triton-1         | ERROR: …`, `vllm_1   | RuntimeError: …`: docker compose's prefix names the service (v2 with the
  // project's name), less the replica number; nvidia-docker 1.0's own `nvidia-docker | ` prefix is no service
  ['rules/cuda/driver-too-old/nomatch-ngc-banner-no-driver-version-fauxpilot.log', { composeService: 'fauxpilot-triton (compose-prefix)' }],
  ['rules/cuda/no-kernel-image/match-vllm-compose-service-1936.log', { composeService: 'vllm (compose-prefix)' }],
  ['rules/cuda/driver-too-old/match-nvidia-docker-1-driver80-image90.log', { composeService: '—' }],
  ['rules/shell/command-not-found/match-conda-installer-step-not-in-log.log', { hostPlatform: '—', place: 'image-build (build-command)' }],
  // docker/build-push-action's failure line: a GitHub Actions job, the runner's kind not named. The job log's
  // `##[error]buildx failed with: …` (its marker dropped), the web view's `Error: buildx failed with: …` with buildx's
  // `failed to build: failed to solve:`, and the action before v2.6.1 (`buildx call failed with:`)
  ['real-world/ci/runner-images-10237-register-layer-no-space.log', { runner: 'github-actions (build-push-action)', place: '—' }],
  ['real-world/ci/lind-wasm-410-llvm-no-space.log', { runner: 'github-actions (build-push-action)' }],
  ['real-world/uv-conda/paseos-mamba-libarchive-missing.log', { runner: 'github-actions (build-push-action)' }],
  // The web view of a whole build-push-action step: `--iidfile /home/runner/work/_temp/…` names a GitHub-hosted runner
  ['facts/build-push-action-v6-hosted.log', { runner: 'github-hosted (runner)' }],
  // A pasted Dockerfile line `RUN pip3 uninstall -y llama-cpp-python \` and, in the prose after it,
  // `Docker environment, nvidia/cuda:11.8.0-devel-ubuntu22.04`: a build, and the image's CUDA (no base image set from prose)
  [
    'rules/cuda/no-gpu-at-build/match-llama-cpp-python-native-pasted-run.log',
    { place: 'image-build (dockerfile-paste)', cuda: '11.8 (image-mention)', os: 'Ubuntu 22.04 (image-mention)', baseImage: '—' },
  ],
  // The classic builder's `The command '/bin/sh -c ./build.sh' returned a non-zero code: 1` without its step lines
  ['rules/cuda/libcuda-stub-missing/match-darknet-uselib-link.log', { place: 'image-build (classic-builder)' }],
  // `$ nvcc …` prompts in a pasted terminal session
  ['logs/shell-session-nvcc-cupti.log', { place: 'host-shell (prompt)', cuda: '—' }],
  // zsh's `% sudo apt update` (ubuntuforums' "xenial sources.list broken"): a machine's own shell
  ['rules/apt/fetch-failed/match-host-shell-distro-invalid-signature-xenial.log', { place: 'host-shell (prompt)' }],
  // The build command with what it printed: quoted in prose (`When running "docker build -t pixtrack .", got following error:`),
  // in backticks (`Running \`docker build -f docker/Dockerfile\` gives this error:`), bare at a line start (`docker build -t ffmpeg .`)
  ['real-world/cuda/native-arch-no-gpu-docker-build-pixtrack-12.log', { place: 'image-build (build-command)' }],
  ['real-world/pip/textgen-gptq-podman-bdist-wheel.log', { place: 'image-build (build-command)' }],
  ['real-world/base-image/ffmpeg-cuda-1160-one-line.log', { place: 'image-build (build-command)' }],
  // `$ docker build -t gpu_burn .`, then the container's `docker: Error response from daemon: could not select device driver …`: the run says where it failed
  ['real-world/libraries/could-not-select-device-driver-cut-legacy-build-gpuburn-93.log', { place: 'docker-run (docker-run)' }],
  // the CLI's own `See 'docker build --help'.` is no command that ran
  ['rules/buildx/invalid-tag/match-docker-cli-tag-flag.log', { place: '—' }],
  // only the prose says `this is during a docker build`: no command, the place stays unknown
  ['real-world/cuda/native-arch-no-gpu-llama-cpp-python-403.log', { place: '—' }],
  // podman run with NVIDIA's banner `CUDA Version 12.4.1`; nvidia-smi's `CUDA Version: 12.6` is the driver's, not the toolkit
  ['facts/podman-run-cuda-banner.log', { cuda: '12.4 (image-banner)', place: 'docker-run (docker-run)' }],
  ['facts/docker-run-libcuda.log', { place: 'docker-run (docker-run)', cuda: '—' }],
  // `jetson@192:~/docker/darknet/gpu$ sudo docker run -it jitteam/devicequery ./deviceQuery`: sudo before docker
  ['real-world/libraries/driver-insufficient-docker-run-devicequery-loretoparisi-11.log', { place: 'docker-run (docker-run)' }],
  // `(base) root@a2d7b9b1e3ab:~/FasterLivePortrait# python app.py`: a root shell on a host named after a container ID
  ['real-world/libraries/libcuda-file-too-short-fasterliveportrait-37.log', { place: 'docker-run (prompt)' }],
  ['real-world/cuda/nvidia-smi-container-prompt-anomalib-584.log', { place: 'docker-run (prompt)' }],
  // `Creating vqgan-clip-docker_generate_run ... done`: docker-compose starting a container
  ['real-world/cuda/found-no-driver-compose-run-vqgan-clip-1.log', { place: 'docker-run (docker-run)' }],
  // `$ docker compose exec llamacpp cat /llamacpp-logs/log_0.txt`: a command typed into a running service container
  ['real-world/libraries/llamacpp-webui-glue-cuda-build-cpu-image.log', { place: 'docker-run (docker-run)' }],
  // Docker's `WARNING: The requested image's platform (linux/amd64) does not match the detected host platform (linux/arm64/v8) …`:
  // what `docker run` prints (the classic builder prints its steps' warnings as ` ---> [Warning] …`)
  ['real-world/base-image/xinference-4256-amd64-image-on-arm64-run.log', { place: 'docker-run (docker-run)', hostPlatform: 'linux/arm64/v8 (docker-warning)' }],
  // the classic builder's ` ---> [Warning] The requested image's platform …` for a step's container: a build
  ['facts/classic-builder-platform-warning.log', { place: 'image-build (log-format)' }],
  // A compile command run by the distribution's `/usr/bin/nvcc` with `-isystem /usr/local/cuda-12.3/targets/x86_64-linux/include`:
  // the path is an include directory, not the release that compiled, so no CUDA fact (colmap/colmap#2472)
  ['rules/cuda/distro-nvcc-shadows-toolkit/match-colmap-2472-usr-bin-nvcc-cuda123-compute89.log', { cuda: '—' }],
  // CMake's own id of /usr/bin/nvcc wins over the reporter's `with CUDA 12.6` (isl-org/Open3D#7307)
  ['rules/cuda/distro-nvcc-shadows-toolkit/match-open3d-7307-cmake-broken-usr-bin-nvcc115.log', { cuda: '11.5 (cmake)' }],
  // `> - nvcc version: 12.4` in a reporter's list, beside `> - Cuda version: 12.9` (the driver's): the nvcc's (spiriMirror/libuipc#237)
  ['rules/cuda/unsupported-arch/match-libuipc-237-compute120-nvcc-version-words.log', { cuda: '12.4 (nvcc)' }],
  // `cmake -DGGML_CUDA=ON -DLLAMA_CURL=OFF ..` pasted as the commands typed: a build on the host
  ['real-world/cuda/llamacpp-host-cmake-compute120-13271.log', { place: 'host-shell (pasted-command)' }],
  // `nvcr.io/nvidia/pytorch:25.08-py3` named in the report: that month's CUDA (ngc-pytorch-cuda.ts)
  ['real-world/cuda/fht-ngc2508-setup-gencode-compute70-16.log', { cuda: '13.0 (image-mention)', place: '—' }],
  // `nvidia-docker run nvidia/cuda:9.0-base nvidia-smi` only checks the driver beside the NGC image that failed: its CUDA is not the build's
  ['real-world/cuda/digits-ngc-1907-driver-396-2179.log', { cuda: '—' }],
  // a Python traceback from a virtualenv, nothing about where it ran
  ['real-world/cuda/found-no-driver-venv-argos-train-26.log', { place: '—' }],
  // `Downloading https://download.pytorch.org/whl/nightly/cu117/torch-2.0.0.dev20230128%2Bcu117-cp310-cp310-linux_x86_64.whl`: a nightly's dev release
  [
    'real-world/pip/kernl-nightly-torch-download-killed.log',
    { torch: '2.0.0.dev20230128+cu117 (wheel)', torchCuda: 'cu117 (wheel)', python: '3.10 (wheel)' },
  ],
];

describe('build facts on real logs', () => {
  test.each(table)('%s', async (file, expected) => {
    const analysis = await analyzeFile(`fixtures/${file}`);
    expect(reported(analysis, Object.keys(expected))).toEqual(expected);
  });

  test("build-push-action's line is the proof as printed, lead and all, though the build's error is read without it", async () => {
    const analysis = await analyzeFile('fixtures/real-world/ci/codegate-931-cudnn-wheel-no-space.log');
    const line = readFileSync('fixtures/real-world/ci/codegate-931-cudnn-wheel-no-space.log', 'utf8').trimEnd();
    expect(reportOf(analysis).build.facts.runner).toEqual({ value: 'github-actions', source: 'build-push-action', evidence: line, line: 1, stage: null });
    expect(analysis.model.solveError?.message).toBe(line.slice('Error: buildx failed with: ERROR: failed to solve: '.length));
  });

  test("a line that names the runner's kind leaves build-push-action's nothing to add", async () => {
    // Its `Error: buildx failed with: ERROR: failed to build: invalid tag …` is no final error BuildKit prints: read as text.
    const analysis = await analyzeFile('fixtures/facts/build-push-action-v6-hosted.log');
    expect(analysis.model.solveError).toBeNull();
    expect(analysis.facts.runner?.map((v) => v.value)).toEqual(['github-hosted']);
    expect(reportOf(analysis).build.facts.runner).not.toHaveProperty('others');
  });

  test("build-push-action's line read as text still proves the job ran in GitHub Actions", async () => {
    // The last line of the same step alone (openpharma/rbmi#531): buildx refused the tag before any solve.
    const line = readFileSync('fixtures/facts/build-push-action-v6-hosted.log', 'utf8').trimEnd().split('\n').at(-1)!;
    expect(line).toMatch(/^Error: buildx failed with: ERROR: failed to build: invalid tag /);
    const analysis = await analyzeStream(Readable.from([Buffer.from(`${line}\n`)]));
    expect(reported(analysis, ['runner'])).toEqual({ runner: 'github-actions (build-push-action)' });
  });

  test('a build command typed at a shell prompt is an image build, any other command there a host shell', async () => {
    // Both lines from a committed walkthrough whose `docker build` output follows the prompt.
    const place = async (line: string): Promise<Record<string, string>> =>
      reported(await analyzeStream(Readable.from([Buffer.from(`${line}\n`)])), ['place']);
    expect(await place('ubuntu@ip-10-0-1-14:~$ docker build -t hellodocker:v1 .')).toEqual({ place: 'image-build (build-command)' });
    expect(await place('user@desktop:~$ git clone https://github.com/tiagoknipers/fullcycle.git')).toEqual({ place: 'host-shell (prompt)' });
  });

  test('every fact carries the line that proves it, as printed', async () => {
    const analysis = await analyzeFile('fixtures/real/buildkit-0.13-dockerd-26.1/nvcc-unsupported-arch.log');
    const cuda = reportOf(analysis).build.facts.cuda!;
    expect(cuda.evidence).toMatch(/^Cuda compilation tools, release 13\.0, V13\.0\.\d+$/);
    const raw = readFileSync('fixtures/real/buildkit-0.13-dockerd-26.1/nvcc-unsupported-arch.log', 'utf8').split('\n');
    expect(raw[cuda.line - 1]).toContain(cuda.evidence);
  });

  test('a log that disagrees with itself keeps both values and the line names the other', async () => {
    // nvcc prints CUDA 13.0 while the image's environment says CUDA_VERSION=12.4.1 (a real build).
    const analysis = await analyzeFile('fixtures/real/buildkit-0.25-dockerd-28.5/cuda-version-disagrees.log');
    const cuda = reportOf(analysis).build.facts.cuda!;
    expect(cuda.value).toBe('13.0');
    expect(cuda.others?.map((o) => `${o.value} (${o.source})`)).toContain('12.4 (environment)');
    expect(factsLine(analysis.facts, analysis.model)).toContain('CUDA 13.0 (nvcc; environment says 12.4)');
  });

  test("each stage trusts its own base image, and two targets' stages of one name are two stages", async () => {
    // bake: target api's `builder` is FROM local/busybox:1.35, target trainer's `builder` FROM local/tools:bookworm.
    const analysis = await analyzeFile('fixtures/real/buildkit-0.25-dockerd-28.5/bake-two-targets.log');
    const step = (target: string, prefix: string) => analysis.model.steps.find((s) => s.target === target && s.stage === 'builder' && s.instruction.startsWith(prefix))!;
    const base = (target: string, prefix: string) => factsFor(analysis.facts, step(target, prefix), analysis.model).value('baseImage');
    expect(base('api', 'WORKDIR')).toBe('local/busybox:1.35');
    expect(base('trainer', 'WORKDIR')).toBe('local/tools:bookworm');
    expect(base('trainer', 'RUN --network=none apt-get')).toBe('local/tools:bookworm');
    expect(factsFor(analysis.facts, step('trainer', 'RUN'), analysis.model).place).toBe('image-build');
  });

  test("a multi-platform build's failed step runs on its own platform, whatever the stage's other copies ran on", async () => {
    // piiq/allocator-bot#2: the stage's arm64 copy printed first; the amd64 copy of the last step failed.
    const analysis = await analyzeFile('fixtures/real-world/uv-conda/allocator-bot-uv-locked-stale.log');
    const failed = analysis.model.steps.find((s) => s.id === analysis.model.failedStep)!;
    expect(failed.platform).toBe('linux/amd64');
    expect(factsFor(analysis.facts, failed, analysis.model).value('platform')).toBe('linux/amd64');
    expect(factsLine(analysis.facts, analysis.model)).toMatch(/linux\/amd64$/);
    const arm = analysis.model.steps.find((s) => s.platform === 'linux/arm64')!;
    expect(factsFor(analysis.facts, arm, analysis.model).value('platform')).toBe('linux/arm64');
  });

  test('the facts line reads as the issue asks', async () => {
    // `load metadata for docker.io/nvidia/cuda:11.7.0-cudnn8-runtime-ubuntu18.04`
    const cuda = await analyzeFile('fixtures/real-world/base-image/sdx23-cuda1170-tty.log');
    expect(factsLine(cuda.facts, cuda.model)).toBe('CUDA 11.7 (image tag) · cuDNN 8 · Ubuntu 18.04');
    // Debian 13's apt lines, a cp311 wheel, pip's own version, a `linux/amd64` step header
    const python = await analyzeFile('fixtures/real-world/apt/xcq-playwright-no-installation-candidate.log');
    expect(factsLine(python.facts, python.model)).toBe('Debian 13 · Python 3.11 · pip 24.0 · linux/amd64');
  });

  test('a log with no facts gives an empty line and an empty map', async () => {
    const analysis = await analyzeStream(Readable.from([Buffer.from('hello\nworld\n')]));
    expect(reportOf(analysis).build.facts).toEqual({});
    expect(factsLine(analysis.facts, analysis.model)).toBe('');
  });

  test("a log that shows no base image takes the Dockerfile's FROM, its ARG default substituted", async () => {
    const dir = 'fixtures/rules/cuda/unsupported-arch/match-k2-cmake-ngc-2304-dockerfile';
    const dockerfile = parseDockerfile(readFileSync(`${dir}.Dockerfile`, 'utf8'), 'Dockerfile');
    const analysis = await analyzeStream(Readable.from([readFileSync(`${dir}.log`)]), { dockerfile });
    expect(reported(analysis, ['cuda', 'baseImage', 'imageFlavour'])).toEqual({
      cuda: '12.1 (dockerfile)',
      baseImage: 'nvcr.io/nvidia/pytorch:23.04-py3 (dockerfile)',
      imageFlavour: 'ngc (dockerfile)',
    });
    expect(reportOf(analysis).build.facts.cuda!.evidence).toBe('Dockerfile:4: FROM ${BASE_IMAGE} (nvcr.io/nvidia/pytorch:23.04-py3 by the ARG default)');
    expect(factsLine(analysis.facts, analysis.model)).toBe('CUDA 12.1 (Dockerfile FROM)');
  });

  test('a log that shows its base image keeps it: a build arg may have replaced the Dockerfile default', async () => {
    // The k2 Dockerfile (FROM nvcr.io/nvidia/pytorch:23.04-py3 by its ARG default) given with another build's log,
    // which prints its own base image: `load metadata for docker.io/nvidia/cuda:11.7.1-cudnn8-runtime-ubuntu20.04`.
    const dockerfile = parseDockerfile(readFileSync('fixtures/rules/cuda/unsupported-arch/match-k2-cmake-ngc-2304-dockerfile.Dockerfile', 'utf8'), 'Dockerfile');
    const analysis = await analyzeStream(Readable.from([readFileSync('fixtures/real-world/base-image/cosyvoice-registry-mirror-timeout.log')]), { dockerfile });
    const facts = reportOf(analysis).build.facts;
    expect(facts.cuda?.value).toBe('11.7');
    expect(JSON.stringify(facts)).not.toContain('"dockerfile"');
  });

  test('an NGC PyTorch month whose CUDA is not checked here stays unknown', () => {
    expect(imageFacts('nvcr.io/nvidia/pytorch:23.04-py3')).toContainEqual(['cuda', '12.1']);
    expect(imageFacts('nvcr.io/nvidia/pytorch:23.05-py3')).toEqual([['imageFlavour', 'ngc']]);
    // Another NGC framework's month says nothing about CUDA
    expect(imageFacts('nvcr.io/nvidia/tensorflow:23.04-tf2-py3')).toEqual([['imageFlavour', 'ngc']]);
  });
});
