// runtime/cuda-driver-init-failed on ollama's `cuda driver library init failure: N`: code 3 (CUDA_ERROR_NOT_INITIALIZED) is
// the nvidia_uvm HMM case of the open kernel modules; other codes and the runtime's own wording are not.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyzeLog, findingOf } from './support/analyze-log.js';

const read = (name: string): string =>
  readFileSync(new URL(`../../fixtures/rules/runtime/cuda-driver-init-failed/${name}`, import.meta.url), 'utf8');

describe("ollama's cuda driver library init failure", () => {
  test('code 3 with a 575 driver (ollama/ollama#11593): HMM in nvidia_uvm, set on the host', async () => {
    const f = await finding(read('match-ollama-init-failure-3-hmm-rtx-pro-6000.log'));
    expect(f.message).toContain('driver 575.57.08');
    expect(f.message).toContain('CUDA_ERROR_NOT_INITIALIZED');
    expect(f.fix).toContain('options nvidia_uvm uvm_disable_hmm=1');
    expect(f.fix).toContain('/etc/modprobe.d/uvm.conf');
    expect(f.fix).toContain('sudo modprobe -r nvidia_uvm && sudo modprobe nvidia_uvm');
    expect(f.fix).not.toMatch(/Dockerfile|RUN /);
  });

  test.each([
    // ollama/ollama#6647 (description by brookate, 2024-09-05): the runtime's own init failing with 999 after a suspend
    'time=2024-09-05T09:20:35.624+08:00 level=DEBUG source=gpu.go:533 msg="Unable to load cudart" library=/tmp/ollama786265597/runners/cuda_v11/libcudart.so.11.0 error="cudart init failure: 999"',
    // ollama/ollama#1083 (description by Martin7-1, 2023-11-11): CUDA error 3 inside the runner, not cuInit at discovery
    'CUDA error 3 at /go/src/github.com/jmorganca/ollama/llm/llama.cpp/gguf/ggml-cuda.cu:5661: initialization error',
  ])('not the HMM finding: %s', async (line) => {
    const findings = await analyzeLog(`${line}\n`);
    expect(findings.some((f) => f.title.includes('HMM'))).toBe(false);
  });
});

const finding = (text: string) => findingOf('runtime/cuda-driver-init-failed', text);

describe('error 802, system not yet initialized', () => {
  test("ggml's wording on an 8x H100 (ollama/ollama#12136): Fabric Manager of the driver's version, per distribution", async () => {
    const f = await finding(read('match-ollama-ggml-system-not-ready-h100-12136.log'));
    expect(f.title).toContain('Fabric Manager');
    expect(f.message).toContain('error 802');
    expect(f.fix).toContain('systemctl status nvidia-fabricmanager');
    expect(f.fix).toContain('nvidia-fabricmanager-535');
    // from R580 the branch name is virtual (NVIDIA/gpu-driver-container#451): the exact version goes on `nvidia-fabricmanager`
    expect(f.fix).toContain('apt-cache madison nvidia-fabricmanager');
    expect(f.fix).toContain('nvidia-fabricmanager=VERSION');
    // the stream is read from `dnf module list`, not guessed: NVIDIA's streams are `535-open` / `535-dkms` (Driver Installation
    // Guide "Kernel Modules"; NVIDIA/yum-packaging-dkms-nvidia README), and a bare `535` stream is not the open modules'
    expect(f.fix).toContain('dnf module list nvidia-driver');
    expect(f.fix).toContain('nvidia-driver:STREAM/fm');
    expect(f.fix).toContain('`535-open`');
    expect(f.fix).not.toContain('nvidia-driver:535/fm');
    expect(f.fix).toContain('sudo systemctl enable --now nvidia-fabricmanager');
    expect(f.fix).toContain('without NVSwitch');
  });

  test.each([
    // ollama/ollama#15400 (comment by GorudoYami, 2026-04-30): ggml's same line with another CUDA error
    'I have encountered the same issue `ggml_cuda_init: failed to initialize CUDA: unknown error` and using the command `sudo nvidia-ctk cdi generate --output=/etc/cdi/nvidia.yaml` provided by @0xCA fixed it for me too.',
    // ollama/ollama#12136, the maintainer's question in the same comment: the fabric manager named, no error
    "Searching online, I see some mentions that this can happen if you don't have NVLink/NVSwitch fabric manager set up correctly. Do other CUDA apps work correctly on your GPUs?",
  ])('not the Fabric Manager finding: %s', async (line) => {
    const findings = await analyzeLog(`${line}\n`);
    expect(findings.some((f) => f.title.includes('Fabric Manager'))).toBe(false);
  });
});

describe('error 999, unknown error, at CUDA\'s start', () => {
  test("ggml's wording after a driver update (ollama/ollama#15400): the CDI spec again, the module, the reboot", async () => {
    const f = await finding(read('match-ollama-ggml-unknown-error-stale-cdi-15400.log'));
    expect(f.title).toContain('unknown error (999)');
    expect(f.fix).toContain('sudo nvidia-ctk cdi generate --output=/etc/cdi/nvidia.yaml');
    expect(f.fix).toContain('lsmod | grep nvidia_uvm');
    expect(f.fix).toContain('Driver/library version mismatch');
  });

  test("NVML's `Unknown Error` is another rule's (fixtures/rules/runtime/nvml-unknown-error/match-daemon-reload-1227.log)", async () => {
    const findings = await analyzeLog('Failed to initialize NVML: Unknown Error\n');
    expect(findings.some((f) => f.title.includes('unknown error (999)'))).toBe(false);
  });
});

describe("Fabric Manager's own version check", () => {
  test('Fabric Manager 590.48.01 against driver 580.126.09 (NVIDIA/gpu-driver-container#735): both versions, the package pinned and held', async () => {
    const f = await finding(read('match-fabric-manager-version-mismatch-735.log'));
    expect(f.title).toContain('Fabric Manager refused to start');
    expect(f.message).toContain('Fabric Manager 590.48.01');
    expect(f.message).toContain('loaded now is 580.126.09');
    // from R580 the exact version goes on `nvidia-fabricmanager` (NVIDIA/gpu-driver-container#451)
    expect(f.fix).toContain('pick the version that starts with 580.126.09');
    expect(f.fix).toContain('sudo apt-get install --allow-downgrades nvidia-fabricmanager=VERSION');
    expect(f.fix).toContain('sudo apt-mark hold nvidia-fabricmanager');
    expect(f.fix).toContain('dnf module list nvidia-driver');
    expect(f.fix).toContain('`580-open` for the open kernel modules, `580-dkms` for the proprietary ones');
    expect(f.fix).not.toContain('nvidia-driver:580/fm');
    expect(f.fix).toContain('already 590.48.01');
    expect(f.fix).toContain('driver container');
  });

  test.each([
    // NVIDIA/gpu-operator#544 (description by bo-zeng-ml, 2023-06-28), journald's prefix
    ["nv-fabricmanager[3228]: fabric manager NVIDIA GPU driver interface version 530.30.02 don't match with driver version 530.41.03. Please update with matching NVIDIA driver package.", '530.30.02', '530.41.03'],
    // NVIDIA/nvtrust#55 (comment by gzs715, 2024-09-30), with a typographic apostrophe
    ['"fabric manager NVIDIA GPU driver interface version 550.90.07 don’t match with driver version 550.107.02. Please update with matching NVIDIA driver package"', '550.90.07', '550.107.02'],
  ])('the same line elsewhere: %s', async (line, fm, driver) => {
    const f = await finding(`${line}\n`);
    expect(f.message).toContain(`Fabric Manager ${fm} `);
    expect(f.message).toContain(`loaded now is ${driver}`);
  });

  test("Fabric Manager's normal start-up lines (NVIDIA/nvtrust#128) are no finding", async () => {
    const findings = await analyzeLog(read('nomatch-fabric-manager-startup-nvtrust-128.log'));
    expect(findings.some((f) => f.ruleId === 'runtime/cuda-driver-init-failed')).toBe(false);
  });
});
