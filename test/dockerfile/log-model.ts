// Test support: a BuildModel read from a real BuildKit plain-progress log with a few regular
// expressions, so that the Dockerfile tests do not depend on the grammar's progress. Only what
// locating needs: step headers, their status, and the closing error block.
import type { BuildModel, Step } from '../../src/model/types.js';
import type { SolveError } from '../../src/grammar/events.js';
import { makeModel, makeStep } from '../support/builders.js';

const HEADER = /^#(\d+) \[(?:(\S+) )?(?:(internal)\]|\s*(\d+)\/(\d+)\]) (.*)$/;

export function modelFromLog(log: string): BuildModel {
  const steps = new Map<number, Step>();
  let solveError: SolveError | null = null;
  const lines = log.split('\n');
  lines.forEach((text, i) => {
    const header = HEADER.exec(text);
    if (header !== null) {
      const id = Number(header[1]);
      if (steps.has(id)) return;
      const internal = header[3] !== undefined;
      steps.set(
        id,
        makeStep({
          id,
          stage: internal ? null : (header[2] ?? null),
          index: header[4] === undefined ? null : Number(header[4]),
          total: header[5] === undefined ? null : Number(header[5]),
          instruction: header[6]!,
          internal,
          // A header is all this reads of a step: no duration, and its lines end where it starts.
          seconds: null,
          firstLine: i + 1,
          lastLine: i + 1,
        }),
      );
      return;
    }
    const status = /^#(\d+) (ERROR|CACHED|CANCELED|DONE)\b(.*)$/.exec(text);
    if (status !== null) {
      const s = steps.get(Number(status[1]));
      if (s === undefined) return;
      s.status = status[2] === 'ERROR' ? 'error' : status[2] === 'CACHED' ? 'cached' : status[2] === 'CANCELED' ? 'canceled' : 'done';
      if (status[2] === 'ERROR') s.error = status[3]!.replace(/^: /, '');
      return;
    }
    const location = /^(\S+):(\d+)$/.exec(text);
    if (location !== null && lines[i + 1]?.startsWith('----')) {
      const excerpt = lines.slice(i + 2).filter((l) => l.includes('>>>'));
      const numbers = excerpt.map((l) => Number(/^\s*(\d+) \|/.exec(l)?.[1]));
      solveError = {
        dockerfile: location[1]!,
        line: Number(location[2]),
        endLine: numbers.length > 0 ? Math.max(...numbers) : Number(location[2]),
        excerpt: excerpt.map((l) => l.replace(/^\s*\d+ \| >>> /, '')),
        message: '',
        exitCode: null,
        step: [...steps.values()].find((s) => s.status === 'error')?.id ?? null,
      };
    }
  });
  return makeModel({ steps: [...steps.values()], solveError });
}
