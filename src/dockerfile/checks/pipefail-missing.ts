// `RUN make | tee build.log`: the shell returns the exit code of the last command of a pipe, so
// the failing `make` is hidden and the build goes on with a broken layer.
import type { DockerfileInstruction, DockerfileStage } from '../dockerfile.js';
import { findingAt, runSource, stageChain, type StaticCheck } from './check.js';
import { hasPipe } from './shell-scan.js';

/** A `SHELL [..., "-o", "pipefail", ...]` (or `-eo pipefail`, `-euxo pipefail`) instruction. */
function setsPipefail(instruction: DockerfileInstruction): boolean {
  const args = instruction.json ?? [];
  return args.some((arg, i) => arg === 'pipefail' && /^-[a-z]*o$/.test(args[i - 1] ?? ''));
}

/** Whether SHELL set pipefail before `index` in the stage, or anywhere in a stage it builds on. */
function shellHasPipefail(chain: DockerfileStage[], instruction: DockerfileInstruction): boolean {
  for (const stage of chain) {
    for (const i of stage.instructions) {
      if (stage === chain[0] && i.line >= instruction.line) break;
      if (i.keyword === 'SHELL' && setsPipefail(i)) return true;
    }
  }
  return false;
}

export const pipefailMissing: StaticCheck = {
  id: 'dockerfile/pipefail-missing',
  title: 'RUN with a pipe but no pipefail',
  severity: 'warning',
  docs: 'https://docs.docker.com/build/building/best-practices/#using-pipes',
  check(dockerfile) {
    return dockerfile.stages.flatMap((stage) => {
      const chain = stageChain(stage, dockerfile);
      return stage.instructions
        .filter((i) => i.keyword === 'RUN' && i.json === null)
        .filter((i) => {
          const source = runSource(i);
          return hasPipe(source) && !source.includes('pipefail') && !shellHasPipefail(chain, i);
        })
        .map((run) =>
          findingAt(pipefailMissing, dockerfile, run, {
            message:
              'This RUN pipes one command into another, and the shell returns the exit code of the last command only: if the first one fails (a compiler error piped into `tee`, a download piped into `sh`), the step still succeeds and the image is built broken.',
            fix: [
              'Make every RUN after it fail when any command of a pipe fails, once, before the first RUN with a pipe:',
              '```dockerfile',
              'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
              '```',
              'or start this RUN with `set -o pipefail &&` (bash, and dash 0.5.12 or later).',
            ].join('\n'),
          }),
        );
    });
  },
};
