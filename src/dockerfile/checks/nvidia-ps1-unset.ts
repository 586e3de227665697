// Builds on NVIDIA's PyTorch images (nvcr.io/nvidia/pytorch) whose RUN starts bash fail with
// `/etc/bash.bashrc: line 9: PS1: unbound variable` (fixtures/rules/shell/unbound-variable/match-nvidia-ps1.log,
// `SHELL ["/bin/bash", "-l", …]` on 25.11-py3). The same message comes from Debian/Ubuntu's bash.bashrc
// (`[ -z "$PS1" ] && return`, line 7) whenever bash reads it with nounset in force. Which setting of the
// NGC image turns nounset on was not verified, so the message states only what was seen; any PS1 value in
// the environment avoids it.
import type { DockerfileInstruction, DockerfileStage } from '../dockerfile.js';
import { parseImageRef } from '../image-ref.js';
import { baseImageOf, code, findingAt, runSource, stageChain, type StaticCheck } from './check.js';
import { runsCommand } from './shell-scan.js';

function isNvidiaPytorch(image: string): boolean {
  const ref = parseImageRef(image);
  return ref !== null && ref.registry === 'nvcr.io' && ref.repository === 'nvidia/pytorch';
}

function usesBash(run: DockerfileInstruction, shellIsBash: boolean): boolean {
  if (shellIsBash && run.json === null) return true;
  if (run.json !== null) return run.json.some((w) => w === 'bash' || w.endsWith('/bash'));
  const heredocShebang = run.heredocs.some((h) => /^#!\S*\bbash\b/.test(h.content));
  return heredocShebang || runsCommand(runSource(run), 'bash');
}

function setsPs1(instruction: DockerfileInstruction): boolean {
  return instruction.keyword === 'ENV' && /(?:^|\s)PS1[=\s]/.test(instruction.args);
}

/** The first RUN that starts bash before any `ENV PS1`, following FROM <stage> chains. */
function firstUnprotectedBashRun(chain: DockerfileStage[]): DockerfileInstruction | null {
  let shellIsBash = false;
  for (const stage of [...chain].reverse()) {
    for (const i of stage.instructions) {
      if (setsPs1(i)) return null;
      if (i.keyword === 'SHELL') shellIsBash = (i.json ?? []).some((w) => w === 'bash' || w.endsWith('/bash'));
      if (i.keyword === 'RUN' && usesBash(i, shellIsBash)) return stage === chain[0] ? i : null;
    }
  }
  return null;
}

export const nvidiaPs1Unset: StaticCheck = {
  id: 'dockerfile/nvidia-ps1-unset',
  title: 'NVIDIA PyTorch image with bash RUNs and no PS1',
  severity: 'warning',
  sameProblemAs: ['shell/unbound-variable'],
  check(dockerfile) {
    return dockerfile.stages.flatMap((stage) => {
      const base = baseImageOf(stage, dockerfile);
      if (!isNvidiaPytorch(base)) return [];
      const run = firstUnprotectedBashRun(stageChain(stage, dockerfile));
      if (run === null) return [];
      return [
        findingAt(nvidiaPs1Unset, dockerfile, run, {
          message: `This RUN starts bash on ${code(base)} with no PS1 in the environment. On NVIDIA's PyTorch images such a bash can stop in /etc/bash.bashrc with ${code('/etc/bash.bashrc: line 9: PS1: unbound variable')}: the file reads PS1, and nounset is in force there.`,
          fix: ['Give PS1 a value right after the FROM, before the first RUN (any value will do; this one is bash\'s usual prompt):', '```dockerfile', "ENV PS1='\\u@\\h:\\w\\$ '", '```'].join('\n'),
        }),
      ];
    });
  },
};
