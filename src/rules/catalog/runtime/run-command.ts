// The `docker run` / `podman run` line of a log, for the rules whose advice for a container names its
// image and its command (the `run-command` enricher reads the words: src/knowledge/run-command-enricher.ts).
// `head` is the command up to `run ` (`sudo docker run `, `nvidia-docker run `), `args` the rest of the line.
import type { RuleInput } from '../../schema.js';

type ContextMatcher = NonNullable<RuleInput['context']>[number];

export const RUN_COMMAND_CONTEXT: ContextMatcher = {
  name: 'runCommand',
  literals: ['docker run ', 'podman run ', 'docker container run '],
  pattern: '(?<head>(?:\\bsudo )?(?:\\bnvidia-)?\\b(?:docker|podman)(?: container)? run )(?<args>[^\\n]{1,1000})',
};

/**
 * The NVIDIA Container Toolkit's own check of a host, on an image anyone can pull ("Running a Sample Workload":
 * `sudo docker run --rm --runtime=nvidia --gpus all ubuntu nvidia-smi`): for advice that cannot name the user's image.
 */
export const HOST_GPU_CHECK = 'docker run --rm --runtime=nvidia --gpus all ubuntu nvidia-smi';
