// `FROM python` / `FROM nvidia/cuda:latest`: every build may pull a different image, so a build
// that passed yesterday fails today with no change in the repository.
// The fix prints the pinned FROM line instead of a `<digest>` stand-in: `imagetools inspect --format
// '{{json .Manifest.Digest}}'` prints the digest of the tag as a JSON string (docs.docker.com
// buildx_imagetools_inspect, `--format` takes a Go template over `.Manifest`; the `json` form is the one
// that prints only the digest: UnitVectorY-Labs/hellorest PR #77).
// nvidia/cuda has had no `latest` tag since January 2021 (NVIDIA's README, "deprecated latest tag";
// NVIDIA/nvidia-docker#1454: `manifest for nvidia/cuda:latest not found`): there the FROM cannot even
// be pulled, and the fix lists real tags (knowledge/cuda-tag-enricher.ts DOCKER_HUB_TAGS_API).
import { DOCKER_HUB_TAGS_API } from '../../knowledge/cuda-tag-enricher.js';
import { parseImageRef } from '../image-ref.js';
import { code, findingAt, type StaticCheck } from './check.js';
import { quoteWord } from '../../text/shell-words.js';

export const unpinnedBaseImage: StaticCheck = {
  id: 'dockerfile/unpinned-base-image',
  title: 'Base image without a version tag',
  severity: 'notice',
  docs: 'https://docs.docker.com/build/building/best-practices/#pin-base-image-versions',
  check(dockerfile) {
    return dockerfile.stages.flatMap((stage) => {
      // Stages, scratch, and ARG-templated images whose value only a --build-arg gives are fine.
      if (stage.baseStage !== null || stage.fromUnresolved.length > 0) return [];
      if (stage.from.toLowerCase() === 'scratch') return [];
      const ref = parseImageRef(stage.from);
      if (ref === null || ref.digest !== null) return [];
      if (ref.tag !== null && ref.tag !== 'latest') return [];
      const reference = ref.tag === null ? `${stage.from}:latest` : stage.from;
      const how = ref.tag === null ? 'has no tag, so it means `latest`' : 'uses the `latest` tag';
      if (ref.repository === 'nvidia/cuda') {
        return [
          findingAt(unpinnedBaseImage, dockerfile, stage.instructions[0]!, {
            title: 'nvidia/cuda has no latest tag',
            message: `${code(`FROM ${stage.from}`)} ${how}, and nvidia/cuda publishes no \`latest\` tag (NVIDIA removed it in 2021): the pull fails with \`manifest unknown\`.`,
            fix: [
              'Name a full tag (CUDA version, flavour, OS). This lists the current `devel` tags on Ubuntu; change the filter for `runtime`, `base` or `cudnn-devel`:',
              '```sh',
              `curl -fsS '${DOCKER_HUB_TAGS_API}?page_size=100&name=devel-ubuntu' | grep -oE '[0-9]+\\.[0-9]+\\.[0-9]+-devel-ubuntu[0-9]+\\.[0-9]+' | sort -uV`,
              '```',
            ].join('\n'),
          }),
        ];
      }
      return [
        findingAt(unpinnedBaseImage, dockerfile, stage.instructions[0]!, {
          message: `${code(`FROM ${stage.from}`)} ${how}: each build can pull a different image, and a build that passed can break without a change here.`,
          fix: [
            `Pin the base image to a version tag from the image's tags page, and for reproducible builds to a digest. This prints the \`FROM\` line that pins what ${code(reference)} is today:`,
            '```sh',
            `digest=$(docker buildx imagetools inspect ${quoteWord(reference)} --format '{{json .Manifest.Digest}}' | tr -d '"')`,
            `echo "FROM ${reference}@$digest"`,
            '```',
            'Run it again with a version tag in place of `latest` to pin a version you choose.',
          ].join('\n'),
        }),
      ];
    });
  },
};
