// GPU run-time failures read where they happened: the container engine (Docker, podman, a Kubernetes node), the host's
// architecture (a Jetson), the program (vLLM). Each case is a real log (the rules' fixtures, provenance in their README.md),
// whole or cut to its lines, and a near miss that must keep the other advice.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fixturesRoot } from './support/fixtures.js';
import { analyzeLog } from './support/analyze-log.js';

function fixture(rel: string): string {
  return readFileSync(path.join(fixturesRoot, rel), 'utf8');
}

async function first(text: string, ruleId: string) {
  const findings = await analyzeLog(text);
  return findings.find((f) => f.ruleId === ruleId);
}

const CDI = 'runtime/cdi-device-unavailable';

describe('runtime/cdi-device-unavailable by engine', () => {
  test('podman 4.9 with the devices listed: the spec version, with podman commands and no docker ones', async () => {
    const f = await first(fixture('runtime/cdi-device-unavailable/match-podman-spec-version-toolkit-1940.log'), CDI);
    expect(f!.title).toContain('podman before 5.1');
    expect(f!.message).toContain('podman 4.9.3');
    expect(f!.fix).toContain('--feature-flag no-additional-gids-for-device-nodes');
    expect(f!.fix).not.toMatch(/docker (?:info|run)|daemon\.json/);
  });

  test('podman without its version in the log: the causes told apart, not the spec version asserted', async () => {
    const f = await first(fixture('runtime/cdi-device-unavailable/match-podman-no-spec-vespa-27945.log'), CDI);
    expect(f!.title).toBe('podman could not give the CDI device (NVIDIA GPU)');
    expect(f!.fix).toContain('nvidia-ctk cdi list');
    expect(f!.fix).not.toContain('daemon.json');
  });

  test('the same error line without the `podman run` above it is podman\'s own wording', async () => {
    const f = await first('Error: setting up CDI devices: unresolvable CDI devices nvidia.com/gpu=all\n', CDI);
    expect(f!.title).toBe('podman could not give the CDI device (NVIDIA GPU)');
  });

  test("Docker's wording keeps Docker's advice", async () => {
    const f = await first(fixture('runtime/cdi-device-unavailable/match-cdi-driver-docker25-nixpkgs-305312.log'), CDI);
    expect(f!.title).toContain('Docker daemon');
    // the word alone (a reporter's aside) does not make the engine podman: podman's own lines or commands do
    const aside = await first(`I tried podman first, no luck.\n${fixture('runtime/cdi-device-unavailable/match-rootless-spec-dirs-moby-47676.log')}`, CDI);
    expect(aside!.title).toBe('The rootless Docker daemon cannot read the CDI specs');
  });

  test('podman before 4.1 (`stat nvidia.com/gpu=all`) is told to upgrade, with the version the log gives', async () => {
    const f = await first(fixture('runtime/cdi-device-unavailable/match-podman-3-stat-podman-24474.log'), CDI);
    expect(f!.title).toContain('before 4.1.0');
    expect(f!.message).toContain('3.4.4');
  });

  test('NixOS generator: the spec directory, not a hand-written spec in /etc/cdi', async () => {
    const f = await first(fixture('runtime/cdi-device-unavailable/match-podman-nixos-run-cdi-nixpkgs-420638.log'), CDI);
    expect(f!.fix).toContain('podman --cdi-spec-dir=/run/cdi run');
    expect(f!.fix).toContain('virtualisation.containers.containersConf.settings.engine.cdi_spec_dirs');
    expect(f!.fix).not.toContain('nvidia-ctk cdi generate --output=/etc/cdi');
  });

  test('a kubelet event: the node, not a Docker daemon', async () => {
    const f = await first(fixture('runtime/cdi-device-unavailable/match-kubelet-management-device-toolkit-1239.log'), CDI);
    expect(f!.message).toContain('Kubernetes node');
    expect(f!.fix).not.toMatch(/docker (?:info|run)/);
  });
});

describe('an image of another architecture on a Jetson', () => {
  test('legacy builder on a Jetson with NVIDIA\'s CUDA stack: an L4T base, QEMU only as a choice', async () => {
    const f = await first(fixture('buildx/exec-format-error/match-legacy-builder-cuda-base-jetson-1117.log'), 'buildx/exec-format-error');
    expect(f!.title).toBe('Base image built for another architecture than this build host');
    expect(f!.fix).toContain('nvcr.io/nvidia/l4t-base:');
    expect(f!.message).not.toContain('no QEMU emulator is registered');
  });

  test('a BuildKit stage of another platform keeps the emulator advice', async () => {
    const f = await first(fixture('buildx/exec-format-error/match-arm64-stage-no-emulator.log'), 'buildx/exec-format-error');
    expect(f!.fix).toContain('tonistiigi/binfmt');
    expect(f!.fix).not.toContain('l4t-base');
  });

  test("Docker's platform warning before the NVIDIA runtime's driver error: the image, not persistence mode", async () => {
    const f = await first(fixture('runtime/container-cli-driver-rpc/match-amd64-image-on-jetson-1519.log'), 'runtime/container-cli-driver-rpc');
    expect(f!.title).toBe('Image of another architecture run on a Jetson (arm64)');
    expect(f!.fix).toContain('--platform=linux/arm64');
    expect(f!.fix).not.toContain('nvidia-persistenced');
  });

  test('the driver error without the warning keeps the host checks', async () => {
    const f = await first(fixture('runtime/container-cli-driver-rpc/match-sample-workload-legacy-mode.log'), 'runtime/container-cli-driver-rpc');
    expect(f!.fix).toContain('nvidia-persistenced');
  });
});

describe('cuda/no-kernel-image for vLLM', () => {
  test('a prebuilt vLLM on a Tesla P100: below vLLM\'s minimum, not torch\'s arch list', async () => {
    const f = await first(fixture('cuda/no-kernel-image/match-vllm-image-p100-16307.log'), 'cuda/no-kernel-image');
    expect(f!.message).toContain('Tesla P100');
    expect(f!.fix).not.toContain('TORCH_CUDA_ARCH_LIST');
  });

  test('the vLLM error line alone, with no GPU named: vLLM\'s minimum and the GPU\'s capability to check it against', async () => {
    const f = await first('ERROR 04-08 19:59:10 engine.py:400] CUDA error: no kernel image is available for execution on the device\n', 'cuda/no-kernel-image');
    expect(f!.title).toBe('vLLM has no kernels for this GPU');
    expect(f!.fix).toContain('nvidia-smi --query-gpu=name,compute_cap --format=csv');
    expect(f!.fix).not.toMatch(/sm_120|TORCH_CUDA_ARCH_LIST/);
  });
});

describe('runtime/gpu-runtime-missing by the command', () => {
  test('`--runtime nvidia` beside `--gpus all`: install the toolkit, then the command without the runtime', async () => {
    const f = await first(fixture('runtime/gpu-runtime-missing/match-runtime-and-gpus-airslam-113.log'), 'runtime/gpu-runtime-missing');
    expect(f!.fix).toContain('Then run the same command without its `--runtime` option');
  });

  test('compose up: the reservation or the toolkit, with compose commands', async () => {
    const f = await first(fixture('runtime/gpu-runtime-missing/match-compose-up-no-toolkit-dbgpt-1443.log'), 'runtime/gpu-runtime-missing');
    expect(f!.title).toContain('compose service');
    expect(f!.fix).toContain('docker compose up -d');
  });
});

describe('runtime/gpu-runtime-missing: Docker Desktop for Linux named by docker info', () => {
  const RULE = 'runtime/gpu-runtime-missing';

  test('`Context: desktop-linux`: back to Docker Engine, no toolkit install on the host', async () => {
    const f = await first(fixture('runtime/gpu-runtime-missing/match-desktop-linux-context-213.log'), RULE);
    expect(f!.title).toBe("`docker` talks to Docker Desktop's VM, which has no GPU");
    expect(f!.fix).toContain('docker context use default');
    expect(f!.fix).not.toContain('apt-get install -y nvidia-container-toolkit');
  });

  test('`Context: desktop-linux` on Windows (plugins are .exe, docker/for-win#14487): Docker Desktop, not Desktop for Linux', async () => {
    const text = [
      'docker: Error response from daemon: could not select device driver "" with capabilities: [[gpu]].',
      'Client:',
      ' Version:    27.3.1',
      ' Context:    desktop-linux',
      ' Debug Mode: false',
      ' Plugins:',
      '  buildx: Docker Buildx (Docker Inc.)',
      '    Version:  v0.18.0-desktop.2',
      '    Path:     C:\\Users\\Thrisia\\.docker\\cli-plugins\\docker-buildx.exe',
    ].join('\n');
    const f = await first(text, RULE);
    expect(f!.title).toBe("Docker Desktop's daemon gives no GPU here");
    expect(f!.message).not.toContain('Docker Desktop for Linux');
    expect(f!.fix).not.toContain('docker context use default');
  });

  test('Desktop\'s bundled plugins alone (`-desktop.1`) do not say the CLI uses Docker Desktop', async () => {
    const text = [
      'docker: Error response from daemon: could not select device driver "" with capabilities: [[gpu]].',
      'Client:',
      ' Context:    default',
      '  buildx: Docker Buildx (Docker Inc.)',
      '    Version:  v0.13.1-desktop.1',
    ].join('\n');
    const f = await first(text, RULE);
    expect(f!.title).not.toContain('Docker Desktop');
  });
});

describe('runtime/gpu-image-platform-mismatch: the platform leads a GPU hook failure', () => {
  const RULE = 'runtime/gpu-image-platform-mismatch';

  test('an amd64 CUDA image on a Jetson: the headline, an arm64 / L4T image, no emulation', async () => {
    const findings = await analyzeLog(fixture('runtime/gpu-image-platform-mismatch/match-x86-cuda-image-jetson-nano-doods-64.log'));
    expect(findings[0]?.ruleId).toBe(RULE);
    expect(findings[0]?.title).toBe('GPU image of another architecture on a Jetson (arm64)');
    expect(findings[0]?.fix).toContain('docker buildx imagetools inspect snowzach/doods:cuda');
    expect(findings[0]?.fix).toContain('nvcr.io/nvidia/l4t-base');
    expect(findings[0]?.fix).not.toContain('tonistiigi/binfmt');
  });

  test.each(['nomatch-hook-failure-no-platform-warning.log', 'nomatch-platform-warning-exec-format-xinference-4256.log'])(
    '%s: a hook failure without the warning, or the warning without a hook failure, is not this rule',
    async (name) => {
      expect(await first(fixture(`runtime/gpu-image-platform-mismatch/${name}`), RULE)).toBeUndefined();
    },
  );
});

describe('buildx/exec-format-error: the platform an image needs, for a GPU container', () => {
  const RULE = 'buildx/exec-format-error';

  test('an amd64/v4 host: the image needs linux/amd64, and a GPU run gets no emulation', async () => {
    const f = await first(fixture('buildx/exec-format-error/match-docker-run-gpus-arm64-only-tag-amd64-v4-host-handson-mlp-11.log'), RULE);
    expect(f!.message).toContain('this host is linux/amd64 ');
    expect(f!.fix).toContain('Run an image built for linux/amd64.');
    expect(`${f!.message}\n${f!.fix}`).not.toContain('amd64/v4');
    expect(f!.fix).toContain('docker buildx imagetools inspect ageron/handson-mlp:cu126');
    expect(f!.fix).not.toContain('tonistiigi/binfmt');
  });

  test('an arm64/v8 host keeps its variant', async () => {
    const f = await first(fixture('buildx/exec-format-error/match-docker-run-platform-warning-xinference-4256.log'), RULE);
    expect(f!.message).toContain('this host is linux/arm64/v8');
  });
});

describe('runtime/nvidia-cgroup-device-rules', () => {
  const RULE = 'runtime/nvidia-cgroup-device-rules';

  test('the legacy hook could not edit the cgroup eBPF filter: the headline, the toolkit version and 1.18', async () => {
    const findings = await analyzeLog(fixture('runtime/nvidia-cgroup-device-rules/match-debian12-bpf-device-filter-toolkit-1200.log'));
    expect(findings[0]?.ruleId).toBe(RULE);
    expect(findings[0]?.fix).toContain('nvidia-ctk --version');
    // `sudo docker run`: the rootful daemon, so no rootless steps
    expect(findings[0]?.fix).toContain('Older than 1.18.0, upgrade it');
    expect(findings[0]?.fix).not.toContain('no-cgroups');
    // 1.18 moved the NVIDIA runtime off the legacy mode, not the hook `--gpus` runs on runc
    expect(findings[0]?.fix).toContain('`--gpus` alone');
    expect(findings[0]?.fix).toContain('--set-as-default');
  });

  test('NVIDIA/nvidia-container-toolkit#1487 (Docker Rootless, 1.18.0, neither shown): rootless steps and the 1.18.0 regression', async () => {
    const findings = await analyzeLog(fixture('runtime/nvidia-cgroup-device-rules/match-rootless-docker-toolkit-1180-1487.log'));
    expect(findings[0]?.ruleId).toBe(RULE);
    expect(findings[0]?.fix).toContain('docker info | grep -i rootless');
    expect(findings[0]?.fix).toContain('--config=$HOME/.config/docker/daemon.json');
    expect(findings[0]?.fix).toContain('NVIDIA/nvidia-container-toolkit#1487');
    expect(findings[0]?.fix).toContain('nvidia-container-toolkit=1.17.9-1');
    // the engine's mode is not in the log: the rootless steps come first (NVIDIA's install guide, Rootless mode)
    expect(findings[0]?.fix).toContain('sudo nvidia-ctk config --set nvidia-container-cli.no-cgroups --in-place');
    expect(findings[0]?.fix.indexOf('no-cgroups')).toBeLessThan(findings[0]!.fix.indexOf('upgrade it'));
  });

  test('a toolkit version of 1.18 or later in the log: no upgrade to 1.18 is offered', async () => {
    // the error of #1487 after the output of `nvidia-ctk --version` as NVIDIA's DGX Spark playbook prints it
    // ("NVIDIA Container Toolkit CLI version 1.18.2"): two real outputs of one host, in the order a paste shows them
    const text = `NVIDIA Container Toolkit CLI version 1.18.2\n${fixture('runtime/nvidia-cgroup-device-rules/match-rootless-docker-toolkit-1180-1487.log')}`;
    const f = (await analyzeLog(text)).find((x) => x.ruleId === RULE);
    expect(f?.message).toContain('The toolkit here is 1.18.2, 1.18 or later.');
    expect(f?.fix).not.toContain('upgrade it');
    expect(f?.fix).toContain('no-cgroups');
    expect(f?.fix).toContain('Rootful on 1.18.2');
  });

  test('a rootless engine named in the log: the rootless steps alone', async () => {
    // `dockerd-rootless-setuptool.sh install`: Docker's rootless setup command (docs.docker.com/engine/security/rootless)
    const text = `dockerd-rootless-setuptool.sh install\n${fixture('runtime/nvidia-cgroup-device-rules/match-rootless-docker-toolkit-1180-1487.log')}`;
    const f = (await analyzeLog(text)).find((x) => x.ruleId === RULE);
    expect(f?.message).toContain('The engine runs rootless');
    expect(f?.fix).toContain('nvidia-container-cli.no-cgroups');
    expect(f?.fix).not.toContain('upgrade it');
  });

  test("runc's own bpf_prog_query error (no NVIDIA hook) is not this rule", async () => {
    // opencontainers/runc#3412 (Debian 11, any container)
    const line =
      'docker: Error response from daemon: failed to create shim: OCI runtime create failed: container_linux.go:380: starting container process caused: process_linux.go:545: container init caused: process_linux.go:508: setting cgroup config for procHooks process caused: bpf_prog_query(BPF_CGROUP_DEVICE) failed: operation not permitted: unknown.';
    expect(await first(line, RULE)).toBeUndefined();
  });

  test('another nvidia-container-cli mount error is not the cgroup device rules', async () => {
    expect(await first(fixture('runtime/nvidia-cgroup-device-rules/nomatch-mount-error-file-exists-toolkit-176.log'), RULE)).toBeUndefined();
  });
});
