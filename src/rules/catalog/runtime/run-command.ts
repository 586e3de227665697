// The `docker run` / `podman run` line of a log, for the rules whose advice for a container names its
// image and its command (the `run-command` enricher reads the words: src/knowledge/run-command-enricher.ts).
// `head` is the command up to `run ` (`sudo docker run `, `nvidia-docker run `), `args` the rest of the line, up to a
// typographic quote: a shell gives ‘ ’ “ ” no meaning, so one there closes prose that quotes the command (`’docker run
// --gpus all -d … ollama/ollama‘`, ollama/ollama#4279), and the image is the word before it.
import type { RuleInput } from '../../schema.js';

type ContextMatcher = NonNullable<RuleInput['context']>[number];

export const RUN_COMMAND_CONTEXT: ContextMatcher = {
  name: 'runCommand',
  literals: ['docker run ', 'podman run ', 'docker container run '],
  pattern: '(?<head>(?:\\bsudo )?(?:\\bnvidia-)?\\b(?:docker|podman)(?: container)? run )(?<args>[^\\n‘’“”]{1,1000})',
};

/**
 * Docker Compose starting the services (`docker compose up`, compose's progress line ` ✔ Container db-gpt-db-1  Started`, or with
 * the spinner glyph of earlier compose v2 releases, ` ⠿ Container webui-docker-hlky-1  Created`): a GPU
 * asked for there is a compose reservation (`deploy.resources.reservations.devices`), not a `--gpus` flag.
 */
export const COMPOSE_UP_CONTEXT: ContextMatcher = {
  name: 'compose',
  literals: ['docker compose up', 'docker-compose up', 'Container '],
  pattern: '\\bdocker[ -]compose (?:-f \\S{1,200} )?up\\b|^\\s{0,4}(?:[✔⠿] )?Container [\\w.-]{1,200}\\s{1,200}(?:Created|Started)\\b',
};

/**
 * The NVIDIA Container Toolkit's own check of a host, on an image anyone can pull ("Running a Sample Workload":
 * `sudo docker run --rm --runtime=nvidia --gpus all ubuntu nvidia-smi`): for advice that cannot name the user's image.
 */
export const HOST_GPU_CHECK = 'docker run --rm --runtime=nvidia --gpus all ubuntu nvidia-smi';

/**
 * The runtime's warning before running an image of another platform than the host's: docker's `WARNING: The requested
 * image's platform (linux/arm64/v8) does not match the detected host platform (linux/amd64/v4) and no specific platform was
 * requested`, podman's `WARNING: image platform (linux/amd64) does not match the expected platform (linux/arm64)`. Groups
 * `image` and `host`. Docker may name the host's amd64 micro-architecture level (`linux/amd64/v4`, ageron/handson-mlp#11);
 * it is left out of `host`, which names the platform the image needs: the OCI image index's `variant` is optional
 * (opencontainers/image-spec, image-index.md) and amd64 images are published as plain `linux/amd64`, so `docker buildx
 * imagetools inspect` of a tag does not list `linux/amd64/v4`.
 */
export const PLATFORM_WARNING_PATTERN =
  "(?:image platform|requested image's platform) \\((?<image>[a-z0-9]{1,20}/[\\w/.-]{1,40})\\) does not match the (?:expected|detected host) platform " +
  '\\((?<host>[a-z0-9]{1,20}/amd64(?=(?:/v\\d)?\\))|[a-z0-9]{1,20}/[\\w/.-]{1,40})(?:/v\\d)?\\)';
