// `RUN make | tee build.log`: the shell returns the exit code of the last command of a pipe, so
// the failing `make` is hidden and the build goes on with a broken layer.
//
// Which /bin/sh knows `set -o pipefail` (the fix depends on it):
// - dash, Debian's and Ubuntu's /bin/sh: only from the Debian package 0.5.12-7 (Debian 13, Ubuntu 25.04):
//   fwdekker/mommy PR #165 (Ubuntu 24.04 ships dash 0.5.12-6, "support for pipefail was added only in
//   dash v0.5.12-7, which is included in ubuntu 25.04"), termux/termux-packages#24816; Debian 12's dash
//   0.5.12-2 prints `set: Illegal option -o pipefail` (this machine). So on Debian 12, Ubuntu 22.04/24.04
//   and the CUDA images built on them a `set -o pipefail` in a RUN aborts the step.
// - busybox ash (Alpine's /bin/sh): supports it (austingroupbugs #789 lists it among the shells that do).
// - bash: always. `SHELL ["/bin/bash", "-o", "pipefail", "-c"]`: Docker's best practices, "Using pipes".
import { parseImageRef } from '../image-ref.js';
import type { DockerfileInstruction, DockerfileStage } from '../dockerfile.js';
import { findingAt, runSource, stageChain, type StaticCheck } from './check.js';
import { hasPipe } from './shell-scan.js';

/** A `SHELL [..., "-o", "pipefail", ...]` (or `-eo pipefail`, `-euxo pipefail`) instruction. */
function setsPipefail(instruction: DockerfileInstruction): boolean {
  const args = instruction.json ?? [];
  return args.some((arg, i) => arg === 'pipefail' && /^-[a-z]*o$/.test(args[i - 1] ?? ''));
}

/** Base images whose /bin/sh is busybox ash (no bash unless installed). */
const BUSYBOX_SH = new Set(['alpine', 'busybox']);

/** The image at the root of the stage chain is Alpine or busybox. */
function busyboxShell(chain: DockerfileStage[]): boolean {
  const root = chain[chain.length - 1]!;
  const ref = root.baseStage === null ? parseImageRef(root.from) : null;
  if (ref === null) return false;
  return BUSYBOX_SH.has(ref.repository.slice(ref.repository.lastIndexOf('/') + 1));
}

const message =
  'This RUN pipes one command into another, and the shell returns the exit code of the last command only: if the first one fails (a compiler error piped into `tee`, a download piped into `sh`), the step still succeeds and the image is built broken.';

const bashFix = [
  'Make every RUN after it fail when any command of a pipe fails, once, before the first RUN with a pipe:',
  '```dockerfile',
  'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
  '```',
  'Not `set -o pipefail` inside the RUN: the default `/bin/sh` of Debian 12, Ubuntu 22.04 and 24.04 (and the CUDA images built on',
  'them) is a dash without pipefail, which stops the step with `Illegal option -o pipefail`; dash has it only from Debian 13 and',
  'Ubuntu 25.04.',
].join('\n');

/** For busybox ash: this RUN with `set -o pipefail &&` in front (a heredoc RUN gets it as its first line). */
function ashFix(run: DockerfileInstruction): string {
  const intro = "This image's `/bin/sh` is busybox ash, which knows pipefail (bash is not installed by default):";
  if (run.heredocs.length > 0 || run.args.includes('\n')) return `${intro} make \`set -o pipefail\` the first command of this RUN.`;
  return [`${intro} start this RUN with it:`, '```dockerfile', `RUN set -o pipefail && ${run.args.trim()}`, '```'].join('\n');
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
        .map((run) => findingAt(pipefailMissing, dockerfile, run, { message, fix: busyboxShell(chain) ? ashFix(run) : bashFix }));
    });
  },
};
