// Lines cut in two: a pasted terminal's width, a tool writing one message in two writes, apt's
// stderr cutting into its stdout. A literal cut by the break is still found, once, and a break
// that cuts nothing creates nothing.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { analyzeStream } from '../../src/analyze.js';
import { runInstructionOf } from '../../src/grammar/run-command.js';

async function findingsOf(log: string) {
  return (await analyzeStream(Readable.from([Buffer.from(log)]))).findings;
}

describe('a message wrapped across two lines', () => {
  it('nvcc cut mid-word in a BuildKit step: found on the joined line, with both halves as evidence', async () => {
    const findings = await findingsOf(
      [
        '#9 [builder 4/6] RUN nvcc -gencode arch=compute_35,code=sm_35 -c k.cu',
        '#9 0.412 nvcc fatal   : Unsupported gpu archi',
        "#9 0.412 tecture 'compute_35'",
        '#9 ERROR: process "/bin/sh -c nvcc -gencode arch=compute_35,code=sm_35 -c k.cu" did not complete successfully: exit code: 1',
        '',
      ].join('\n'),
    );
    const [f] = findings;
    expect(f?.ruleId).toBe('cuda/unsupported-arch');
    expect(f?.message).toContain('compute_35');
    expect(f?.evidence[0]).toBe("nvcc fatal   : Unsupported gpu architecture 'compute_35'");
    expect(findings.map((x) => x.ruleId)).not.toContain('buildkit/step-failed');
  });

  it('apt’s `E:` written at the end of its stdout line', async () => {
    const findings = await findingsOf(
      [
        '#7 [3/4] RUN apt-get update && apt-get install -y nvtop',
        '#7 3.655 Reading package lists...E',
        '#7 3.655 : Unable to locate package nvtop',
        '#7 ERROR: process "/bin/sh -c apt-get update && apt-get install -y nvtop" did not complete successfully: exit code: 100',
        '',
      ].join('\n'),
    );
    expect(findings[0]?.ruleId).toBe('apt/unable-to-locate-package');
    expect(findings[0]?.message).toContain('`nvtop`');
  });

  it('a pasted tool log wrapped at a fixed width', async () => {
    const findings = await findingsOf('g++: fatal error: Killed signal terminated pro\ngram cc1plus\ncompilation terminated.\n');
    expect(findings.map((f) => f.ruleId)).toEqual(['resources/oom-killed']);
  });

  it('a message on one line is counted once, not again with its neighbour', async () => {
    // pip's backtracking rule needs two messages: one message next to another line must stay one.
    const findings = await findingsOf(
      [
        '#8 [2/2] RUN pip install lightning',
        '#8 41.20 INFO: pip is looking at multiple versions of lightning to determine which version is compatible with other requirements. This could take a while.',
        '#8 41.21 Collecting lightning<2.1',
        '#8 DONE 44.0s',
        '',
      ].join('\n'),
    );
    expect(findings.map((f) => f.ruleId)).not.toContain('pip/resolver-backtracking');
  });

  it('a cut literal keeps its case: another case across the break is not it', async () => {
    const findings = await findingsOf("echo unsupported gpu archi\ntecture 'compute_35' is a phrase in our docs\n");
    expect(findings).toEqual([]);
  });

  it('a line that ends far from any literal leaves nothing to carry over', async () => {
    // The second line starts with the end of a literal, but the first line ends with no part of it.
    const findings = await findingsOf("configure done\ntecture 'compute_35'\n");
    expect(findings).toEqual([]);
  });

  it('lines of two parallel steps are never joined', async () => {
    const findings = await findingsOf(
      [
        '#5 [a 2/2] RUN ./one.sh',
        '#6 [b 2/2] RUN ./two.sh',
        '#5 0.100 nvcc fatal   : Unsupported gpu archi',
        "#6 0.100 tecture 'compute_35'",
        '#5 DONE 0.2s',
        '#6 DONE 0.2s',
        '',
      ].join('\n'),
    );
    expect(findings).toEqual([]);
  });
});

describe('the command of a step whose header the log lost', () => {
  it('is read from the error line, in both generations', () => {
    expect(runInstructionOf('process "/bin/sh -c python -c \\"import foo\\"" did not complete successfully: exit code: 1')).toBe('RUN python -c "import foo"');
    expect(runInstructionOf('executor failed running [/bin/sh -c make -j8]: exit code: 2')).toBe('RUN make -j8');
    expect(runInstructionOf('failed to compute cache key: "/x" not found')).toBeNull();
  });

  it('names the step in the findings instead of a placeholder', async () => {
    const findings = await findingsOf('#9 0.31 something broke\n#9 ERROR: process "/bin/sh -c ./build.sh --all" did not complete successfully: exit code: 3\n');
    expect(findings[0]?.message).toContain('`RUN ./build.sh --all`');
    expect(findings[0]?.message).not.toContain('its definition');
  });
});
