// NVIDIA's Kubernetes device plugin found no NVML in its own pod: the node's container runtime did not start the pod with the
// NVIDIA runtime, so no driver library was put into it, and the plugin advertises no `nvidia.com/gpu` (or crash-loops, its
// default `FAIL_ON_INIT_ERROR=true`). The plugin's own wordings (its logs, `kubectl logs <plugin pod>`):
// - the `nvml` strategy (detected or set; the only one in older releases) failing to initialise NVML: `Failed to initialize NVML: could not load NVML library.` then
//   `If this is a GPU node, did you set the docker default runtime to \`nvidia\`?` (NVIDIA/k8s-device-plugin#302: Kubernetes
//   1.24, the pod in CrashLoopBackOff; still the wording of the `nvml` strategy in internal/plugin/factory.go);
// - no platform detected at all: `Incompatible strategy detected auto` / `Incompatible platform detected`, then `If this is a
//   GPU node, did you configure the NVIDIA Container Toolkit?` (the same file's default case, and its platform check).
// Both go on with `If this is not a GPU node, you should set up a toleration or nodeSelector …`: the same lines on a node without
// a GPU mean the DaemonSet runs where it should not.
//
// The fix (k8s-device-plugin README, "Preparing your GPU Nodes"): the NVIDIA runtime as the default low-level runtime of the
// node's container runtime, `nvidia-ctk runtime configure --runtime=containerd|crio` with `--set-as-default` (nvidia-ctk's flag,
// NVIDIA/nvidia-container-toolkit cmd/nvidia-ctk/runtime/configure/configure.go: "set the NVIDIA runtime as the default
// runtime"), then a restart of that runtime; "If this is not done, a RuntimeClass needs to be defined" (`name: nvidia`,
// `handler: nvidia`), and the plugin's pod given it (its Helm chart's `runtimeClassName` value). Docker's `default-runtime` in
// daemon.json, which the old hint names, only counts when the kubelet runs containers through Docker: Kubernetes v1.24 removed
// dockershim (kubernetes.io, "Updated: Dockershim Removal FAQ", 2022-02-17), so a kubelet of 1.24 or later runs them through
// containerd or CRI-O (or Docker only through cri-dockerd).
import type { RuleInput } from '../../schema.js';

export const k8sDevicePluginNoNvml: RuleInput = {
  id: 'runtime/k8s-device-plugin-no-nvml',
  title: "NVIDIA's Kubernetes device plugin finds no NVML: the node does not run it with the NVIDIA runtime",
  severity: 'error',
  match: [
    // `If this is a GPU node, did you set the docker default runtime to \`nvidia\`?`
    { literals: ['did you set the docker default runtime to'], pattern: 'If this is a GPU node, did you set the docker default runtime to' },
    // `If this is a GPU node, did you configure the NVIDIA Container Toolkit?`
    { literals: ['did you configure the NVIDIA Container Toolkit'] },
  ],
  scope: 'step',
  specificity: 3,
  message:
    "NVIDIA's device plugin could not load NVML (the driver's `libnvidia-ml.so.1`) in its own pod: the node's container runtime " +
    'starts the pod without the NVIDIA runtime, which is what mounts the driver into a container. The plugin then registers no ' +
    '`nvidia.com/gpu` on that node (with `FAIL_ON_INIT_ERROR`, its default, the pod restarts in a loop).',
  fix: [
    'On the GPU node (the driver works there: `nvidia-smi` runs), with the NVIDIA Container Toolkit installed, make the NVIDIA runtime',
    "the default of the runtime the kubelet uses, and restart it:",
    '',
    '```sh',
    'sudo nvidia-ctk runtime configure --runtime=containerd --set-as-default',
    'sudo systemctl restart containerd',
    '# CRI-O: sudo nvidia-ctk runtime configure --runtime=crio --set-as-default --config=/etc/crio/crio.conf.d/99-nvidia.conf && sudo systemctl restart crio',
    '```',
    '',
    'Or keep the default and run the plugin (and GPU pods) with a RuntimeClass: `nvidia-ctk runtime configure --runtime=containerd`',
    'without `--set-as-default`, then',
    '',
    '```yaml',
    'apiVersion: node.k8s.io/v1',
    'kind: RuntimeClass',
    'metadata:',
    '  name: nvidia',
    'handler: nvidia',
    '```',
    '',
    "and `runtimeClassName: nvidia` in the plugin's pod spec (its Helm chart: `--set runtimeClassName=nvidia`). Docker's",
    '`default-runtime` in daemon.json only counts when the kubelet runs containers through Docker; Kubernetes 1.24 removed dockershim,',
    'so from 1.24 on the kubelet uses containerd or CRI-O (`kubectl get nodes -o wide` shows each node\'s container runtime). On a node',
    'without a GPU, keep the plugin off it (a nodeSelector or the chart\'s node affinity).',
  ].join('\n'),
  docs: 'https://github.com/NVIDIA/k8s-device-plugin#quick-start',
};
