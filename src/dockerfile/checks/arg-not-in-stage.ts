// An ARG declared before the first FROM is in scope for the FROM lines only: a stage that uses it
// (`RUN pip install mmcv-full==${MMCV}`) must declare it again (`ARG MMCV`, no value: the default
// before FROM then applies). Without that the variable is empty in the stage, and the build fails
// far from the cause: pip's `No matching distribution found for mmcv-full==` and a wheel index URL
// with holes (`…/dist/cu/torch/index.html`, open-mmlab/mmagic#702). Source: Docker's Dockerfile
// reference, "Understand how ARG and FROM interact". Only names declared before FROM are looked at:
// any other unknown name may come from the base image's ENV.
import type { Finding } from '../../rules/finding.js';
import type { DockerfileInstruction } from '../dockerfile.js';
import { expandVariables } from '../variables.js';
import { code, findingAt, runSource, type StaticCheck } from './check.js';

/** The instructions whose arguments the frontend or the shell expands with the stage's ARGs and ENV. */
const EXPANDED = new Set(['RUN', 'COPY', 'ADD', 'ENV', 'WORKDIR', 'LABEL', 'USER', 'EXPOSE', 'VOLUME', 'STOPSIGNAL']);

/** Names an `ARG` instruction declares (`ARG A`, `ARG B=1 C`). */
function declaredNames(instruction: DockerfileInstruction): string[] {
  return instruction.args
    .split(/\s+/)
    .filter((w) => w !== '')
    .map((w) => w.split('=', 1)[0]!);
}

/** Every variable name the instruction refers to (`$NAME`, `${NAME}`, `${NAME:-x}`). */
function referencedNames(instruction: DockerfileInstruction): string[] {
  const text = instruction.keyword === 'RUN' ? runSource(instruction) : instruction.args;
  return [...new Set(expandVariables(text, new Map(), true).unresolved)];
}

export const argNotInStage: StaticCheck = {
  id: 'dockerfile/arg-not-in-stage',
  title: 'Build argument used in a stage that does not declare it',
  severity: 'warning',
  docs: 'https://docs.docker.com/reference/dockerfile/#understand-how-arg-and-from-interact',
  sameProblemAs: ['pip/no-matching-distribution'],
  check(dockerfile) {
    if (dockerfile.globalArgs.size === 0) return [];
    const findings: Finding[] = [];
    for (const stage of dockerfile.stages) {
      const declared = new Set<string>();
      const uses: { instruction: DockerfileInstruction; names: string[] }[] = [];
      for (const instruction of stage.instructions.slice(1)) {
        if (instruction.keyword === 'ARG') {
          for (const name of declaredNames(instruction)) declared.add(name);
          continue;
        }
        if (!EXPANDED.has(instruction.keyword)) continue;
        const names = referencedNames(instruction).filter((n) => dockerfile.globalArgs.has(n) && !declared.has(n) && !instruction.variables.has(n));
        if (names.length > 0) uses.push({ instruction, names });
      }
      if (uses.length === 0) continue;
      const names = [...new Set(uses.flatMap((u) => u.names))];
      const first = uses[0]!.instruction;
      const list = names.map((n) => code(`$${n}`)).join(', ');
      findings.push(
        findingAt(
          argNotInStage,
          dockerfile,
          first,
          {
            message:
              `${list} ${names.length === 1 ? 'is' : 'are'} declared with ARG before the first FROM, which puts ${names.length === 1 ? 'it' : 'them'} in scope for the FROM lines only. ` +
              `This stage (FROM on line ${stage.line}) does not declare ${names.length === 1 ? 'it' : 'them'} again, so here ${names.length === 1 ? 'it expands' : 'they expand'} to nothing: ` +
              `${code(first.text.length > 120 ? `${first.text.slice(0, 117)}…` : first.text)} runs with ${names.length === 1 ? 'an empty value' : 'empty values'}.`,
            fix: [
              `Declare ${names.length === 1 ? 'it' : 'them'} again right after the stage's FROM (line ${stage.line}), without a value, so the default before the first FROM (or a \`--build-arg\`) applies; one ARG per line, which every builder accepts:`,
              '',
              '```dockerfile',
              ...names.map((n) => `ARG ${n}`),
              '```',
            ].join('\n'),
          },
          uses.map((u) => u.instruction),
        ),
      );
    }
    return findings;
  },
};
