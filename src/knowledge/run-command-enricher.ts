// The `run-command` enricher: the image a `docker run` / `podman run` line of the log starts, and the
// same command with GPUs asked for, so that advice for a container names the user's own image and
// command instead of a stand-in. Rules capture the line with RUN_COMMAND_CONTEXT
// (src/rules/catalog/runtime/run-command.ts): `context.runCommand.head` (`sudo docker run `) and
// `context.runCommand.args` (what follows).
//
// Reading the arguments: `docker run [OPTIONS] IMAGE [COMMAND] [ARG...]` (Docker's `docker run`
// reference). Options take a value (`-v a:b`, `--name x`, `--gpus all`) unless they are one of the
// boolean options below (`--rm`, `-it`, `--privileged`, …; podman's own in the same list) or carry
// their value after `=`. A line continued with `\` has its image on a later line: no value then.
// GPUs: `--gpus` (Docker ≥ 19.03), the NVIDIA runtime (`--runtime=nvidia`, which gives GPUs only with
// NVIDIA_VISIBLE_DEVICES set: NVIDIA Container Toolkit, "Specialized Configurations with Docker"), or a
// CDI device (`--device nvidia.com/gpu=all`, NVIDIA Container Toolkit, "Support for Container Device Interface").
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';

const BOOLEAN_OPTIONS = new Set([
  '--rm',
  '--detach',
  '--interactive',
  '--tty',
  '--privileged',
  '--init',
  '--publish-all',
  '--read-only',
  '--sig-proxy',
  '--oom-kill-disable',
  '--no-healthcheck',
  '--disable-content-trust',
  '--quiet',
  '--help',
  // podman
  '--replace',
  '--rmi',
  '--no-hosts',
  '--read-only-tmpfs',
  '--env-host',
  '--http-proxy',
  '--tls-verify',
]);

/** `-it`, `-dit`, `-ti`: short boolean options run together. */
const SHORT_BOOLEANS = /^-[dit]{1,3}$|^-[Pq]$/;

/** An image reference as registries take it: lower-case repository, optional tag and digest. */
const IMAGE_REF =
  /^(?:[a-z0-9][a-z0-9.-]{0,252}(?::\d{1,5})?\/)?[a-z0-9]+(?:[._-]{1,2}[a-z0-9]+){0,50}(?:\/[a-z0-9]+(?:[._-]{1,2}[a-z0-9]+){0,50}){0,10}(?::[\w][\w.-]{0,127})?(?:@sha256:[0-9a-f]{64})?$/;

/** The words of a command line, quotes kept around a quoted part: `-v "$PWD":/content` is two words, not three. */
function words(args: string): string[] {
  return args.match(/(?:"[^"]*"|'[^']*'|[^\s"'])+/g) ?? [];
}

export interface RunCommand {
  /** The image the command starts, or null when the line does not show it plainly. */
  image: string | null;
  /** The command asks for GPUs: `--gpus`, a CDI device, or NVIDIA_VISIBLE_DEVICES set with `-e`. */
  gpus: boolean;
  /** Only `--runtime=nvidia`: GPUs only if the image sets NVIDIA_VISIBLE_DEVICES (NVIDIA's CUDA images do). */
  runtimeOnly: boolean;
}

export function parseRunCommand(args: string): RunCommand {
  const list = words(args);
  let gpus = false;
  let runtime = false;
  let image: string | null = null;
  for (let i = 0; i < list.length; i++) {
    const word = list[i]!;
    const next = list[i + 1] ?? '';
    if (word === '\\') break;
    if (/^--gpus(?:=|$)|^--device=nvidia\.com\/gpu|^(?:-e|--env)=NVIDIA_VISIBLE_DEVICES=/.test(word)) gpus = true;
    if ((word === '--device' && next.startsWith('nvidia.com/gpu')) || (/^(?:-e|--env)$/.test(word) && next.startsWith('NVIDIA_VISIBLE_DEVICES='))) gpus = true;
    if (word === '--runtime=nvidia' || (word === '--runtime' && next === 'nvidia')) runtime = true;
    if (word === '--') {
      image = list[i + 1] ?? null;
      break;
    }
    if (word.startsWith('-')) {
      if (!word.includes('=') && !BOOLEAN_OPTIONS.has(word) && !SHORT_BOOLEANS.test(word)) i++;
      continue;
    }
    image = word;
    break;
  }
  return { image: image !== null && IMAGE_REF.test(image) ? image : null, gpus, runtimeOnly: runtime && !gpus };
}

/**
 * `runImage` (the image the log's `docker run` starts), `runGpus` (`yes` when that command asks for
 * GPUs), `runRuntimeOnly` (`yes` when it gives only `--runtime=nvidia`) and `runWithGpus` (the same
 * command with `--gpus all` after `run`, for one that does not ask for GPUs) and `runWithShm` (with
 * `--shm-size=1g`, for one that sets no /dev/shm size nor `--ipc`) and `runWithKfdGroup` (with the host group of /dev/kfd
 * added by number, for one that passes ROCm's /dev/kfd): each only when the line shows it.
 * `runInspect` lists the platforms of the image's tag (`docker buildx imagetools inspect`; for podman, skopeo's raw
 * manifest, `skopeo inspect --raw docker://IMAGE`), and `runOnPlatform` is the command with `--platform` set to the
 * image's own platform when the runtime's warning names it (`context.platformWarning.image`, buildx/exec-format-error).
 */
export function runCommandEnrich(captures: Readonly<Record<string, string>>, _step: Step | null, _model: BuildModel, _facts: FactView): Record<string, string> {
  const head = captures['context.runCommand.head'];
  const args = captures['context.runCommand.args'];
  if (head === undefined || args === undefined) return {};
  const parsed = parseRunCommand(args);
  // nvidia-docker (version 1 and 2) is a wrapper that starts containers with the NVIDIA runtime.
  const gpus = parsed.gpus || head.includes('nvidia-docker');
  const image = parsed.image;
  const out: Record<string, string> = {};
  if (gpus) out.runGpus = 'yes';
  if (parsed.runtimeOnly && !gpus) out.runRuntimeOnly = 'yes';
  if (image === null) return out;
  out.runImage = image;
  // Podman asks for NVIDIA GPUs as a CDI device (NVIDIA Container Toolkit, "Support for Container Device
  // Interface": `podman run --device nvidia.com/gpu=all …`); the rest of the line is the user's own.
  const ask = /\bpodman\b/.test(head) ? '--device nvidia.com/gpu=all' : '--gpus all';
  const rest = args.trim().replace(/\s{0,20}\\$/, '');
  if (!gpus) out.runWithGpus = `${head}${ask} ${rest}`;
  // a container's /dev/shm is 64 MB unless `--shm-size` gives more or `--ipc=host` shares the host's (Docker's `docker run` reference)
  if (!/(?:^|\s)(?:--shm-size|--ipc)[=\s]/.test(rest)) out.runWithShm = `${head}--shm-size=1g ${rest}`;
  // the group that owns /dev/kfd on the host, by number (`stat -c %g`, GNU coreutils): a name after `--group-add` is looked up in
  // the image's /etc/group, where `render` may be missing or have another number (ROCm/ROCm-docker#90, #116)
  if (/(?:^|\s)--device[=\s]+\/dev\/kfd\b/.test(rest) && !/(?:^|\s)--group-add[=\s]+["']?\$\(stat\b/.test(rest)) out.runWithKfdGroup = `${head}--group-add "$(stat -c %g /dev/kfd)" ${rest}`;
  out.runInspect = /\bpodman\b/.test(head) ? `skopeo inspect --raw docker://${image}` : `docker buildx imagetools inspect ${image}`;
  const platform = captures['context.platformWarning.image'];
  if (platform !== undefined && !/(?:^|\s)--platform[=\s]/.test(rest)) out.runOnPlatform = `${head}--platform ${platform} ${rest}`;
  return out;
}
