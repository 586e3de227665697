// `FROM python` / `FROM nvidia/cuda:latest`: every build may pull a different image, so a build
// that passed yesterday fails today with no change in the repository.
import { parseImageRef } from '../image-ref.js';
import { code, findingAt, type StaticCheck } from './check.js';

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
      const how = ref.tag === null ? 'has no tag, so it means `latest`' : 'uses the `latest` tag';
      return [
        findingAt(unpinnedBaseImage, dockerfile, stage.instructions[0]!, {
          message: `${code(`FROM ${stage.from}`)} ${how}: each build can pull a different image, and a build that passed can break without a change here.`,
          fix: [
            'Pin the base image to a version tag, and for reproducible builds to its digest:',
            '```dockerfile',
            `FROM ${stage.from.replace(/:latest$/, '')}:<version>@sha256:<digest>`,
            '```',
            `Find the digest of a tag with ${code(`docker buildx imagetools inspect ${stage.from.replace(/:latest$/, '')}:<version>`)}.`,
          ].join('\n'),
        }),
      ];
    });
  },
};
