// The `foreign-base` enricher: when the stage's own shell cannot execute (exec format error) and the log shows the
// build host's platform (fact `hostPlatform`: Docker's platform warning, a Raspberry Pi's shell prompt, or the report naming its Pi), the base
// image has no variant for that host, so Docker used the one it has, of another architecture: a pull without
// `--platform` takes the host's entry of a multi-platform image, and the only image of a single-platform one.
// Docker's docs: `docker buildx imagetools inspect` lists the platforms of an image in the registry
// (docs.docker.com/reference/cli/docker/buildx/imagetools/inspect/).
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';

/** NVIDIA's CUDA stack in a stage: an nvidia/cuda base, cuDNN or CUDA packages pinned for a CUDA release (`libcudnn7=…+cuda10.0`). */
const CUDA_STACK = /nvidia\/cuda|libcudnn\d|\+cuda\d|\bcuda-(?:toolkit|libraries|runtime|compat)\b/;

/**
 * `legacyBuilder` (`yes`: the log is the legacy builder's, which builds for its own host's platform) and `cudaStack` (`yes`: the
 * failing step's instruction or the stage's base image installs NVIDIA's CUDA stack), whatever the log shows of the host.
 */
function builderFacts(step: Step | null, model: BuildModel, facts: FactView): Record<string, string> {
  const out: Record<string, string> = {};
  if (model.format === 'classic') out.legacyBuilder = 'yes';
  if (CUDA_STACK.test(step?.instruction ?? '') || CUDA_STACK.test(facts.value('baseImage') ?? '')) out.cudaStack = 'yes';
  return out;
}

/**
 * `foreignHost` (the host as the log shows it), `foreignHostArch` (`linux/arm64/v8`, or `arm`), `foreignImagePlatform`
 * (only from Docker's warning, captured by the rule's `platformWarning` context), `foreignBase` (fact `baseImage`).
 */
export function foreignBaseEnrich(captures: Readonly<Record<string, string>>, step: Step | null, model: BuildModel, facts: FactView): Record<string, string> {
  const out: Record<string, string> = builderFacts(step, model, facts);
  const host = facts.get('hostPlatform');
  if (host === null) return out;
  Object.assign(out, {
    foreignHostArch: host.value,
    foreignHost:
      host.source === 'shell-prompt'
        ? 'a Raspberry Pi, an arm board (the shell prompt shows its default hostname, raspberrypi)'
        : host.source === 'raspberry-pi-prose'
          ? 'a Raspberry Pi, an arm board (as the report says)'
          : host.source === 'tegra-kernel'
          ? `${host.value} (an NVIDIA Jetson: the log's kernel is an L4T \`-tegra\` one)`
          : host.source === 'apple-silicon'
          ? `${host.value} (an Apple-Silicon Mac, as the report says)`
          : `${host.value} (Docker's platform warning)`,
  });
  const image = captures['context.platformWarning.image'];
  if (image !== undefined) out.foreignImagePlatform = image;
  const base = facts.value('baseImage');
  if (base !== null) out.foreignBase = base;
  return out;
}
