import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runAndAnalyze } from '../../src/run/run-and-analyze.js';
import { commandLine, quoteWord } from '../../src/text/shell-words.js';

const REAL_LOG = 'fixtures/rawjson/buildkit-0.13-dockerd-26.1/run-fails.plain.log';

/** A live output that remembers what it was given, and can tell when a text has appeared. */
function capture() {
  let text = '';
  const waiters: [string, () => void][] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      text += String(chunk);
      for (const [needle, resolve] of waiters) if (text.includes(needle)) resolve();
      callback();
    },
  });
  return {
    stream,
    text: () => text,
    seen: (needle: string) => new Promise<void>((resolve) => (text.includes(needle) ? resolve() : waiters.push([needle, resolve]))),
  };
}

describe('running a build', () => {
  it('shows the output live, analyses it, and keeps the exit code', async () => {
    const out = capture();
    const result = await runAndAnalyze(`cat ${REAL_LOG}; exit 3`, { output: out.stream, fence: false });
    expect(result.exitCode).toBe(3);
    expect(result.signal).toBeNull();
    expect(out.text()).toContain('ERROR: failed to solve: process "/bin/sh -c for i in $(seq 1 14)');
    expect(out.text().startsWith('#0 building with "default" instance using docker driver\n')).toBe(true);
    expect(result.analysis.model.lines).toBe(out.text().trimEnd().split('\n').length);
  });

  it('times the steps of a builder that prints no times by when its lines arrive', async () => {
    const out = capture();
    const script = [
      "echo 'Step 1/2 : FROM busybox'",
      "echo ' ---> 2f4e1c7d9a8b'",
      "echo 'Step 2/2 : RUN make'",
      "echo ' ---> Running in 0a1b2c3d4e5f'",
      "echo \"The command '/bin/sh -c make' returned a non-zero code: 2\"",
    ].join('; ');
    // A clock that moves 1.5 s per line read: the times come from it, however busy the machine is.
    let clock = 1_700_000_000_000;
    const result = await runAndAnalyze(script, { output: out.stream, fence: false, now: () => (clock += 1500) });
    const make = result.analysis.model.steps.find((s) => s.index === 2);
    expect(result.analysis.model.format).toBe('classic');
    expect(make?.status).toBe('error');
    // From its header to the line that ends it, two lines later: 3 s.
    expect(make?.seconds).toBe(3);
  });

  it('runs with pipefail: a failed build piped into tee still fails', async () => {
    const out = capture();
    const result = await runAndAnalyze('echo building; false | cat', { output: out.stream, fence: false });
    expect(result.exitCode).toBe(1);
  });

  it('joins stderr to stdout in the order they were written, including bash’s own errors', async () => {
    const out = capture();
    await runAndAnalyze('echo one; echo two >&2; echo three', { output: out.stream, fence: false });
    expect(out.text()).toBe('one\ntwo\nthree\n');
    const syntax = capture();
    const result = await runAndAnalyze('if then', { output: syntax.stream, fence: false });
    expect(result.exitCode).toBe(2);
    expect(syntax.text()).toMatch(/syntax error/);
  });

  it('fences the output against workflow commands, the fence end on a line of its own', async () => {
    const out = capture();
    await runAndAnalyze(`echo '::add-mask::x'; echo '::error file=Dockerfile::injected'; printf 'no newline'`, { output: out.stream, fence: true });
    const lines = out.text().split('\n');
    const token = /^::stop-commands::([0-9a-f]{32})$/.exec(lines[0]!)?.[1];
    expect(token).toBeDefined();
    expect(lines.slice(1)).toEqual(['::add-mask::x', '::error file=Dockerfile::injected', 'no newline', `::${token}::`, '']);
  });

  it('passes SIGTERM on to every process of the command and still finishes the analysis', async () => {
    const out = capture();
    const signals = new EventEmitter();
    const running = runAndAnalyze(`trap 'echo "got TERM"; exit 7' TERM; echo ready; sleep 30 & wait; echo never`, {
      output: out.stream,
      fence: false,
      signalSource: signals,
    });
    await out.seen('ready');
    signals.emit('SIGTERM');
    const result = await running;
    expect(result.cancelledBy).toBe('SIGTERM');
    expect(result.exitCode).toBe(7);
    expect(out.text()).toContain('got TERM');
    expect(out.text()).not.toContain('never');
    expect(result.analysis.model.lines).toBeGreaterThan(0);
    expect(signals.listenerCount('SIGTERM')).toBe(0);
  });

  it('reports a command killed by a signal as 128 + its number', async () => {
    const out = capture();
    const signals = new EventEmitter();
    const running = runAndAnalyze('echo ready; sleep 30', { output: out.stream, fence: false, signalSource: signals });
    await out.seen('ready');
    signals.emit('SIGINT');
    const result = await running;
    expect(result.exitCode).toBe(130);
  });

  it('keeps going when the live output breaks (the reader went away)', async () => {
    const broken = new Writable({
      write(_chunk, _encoding, callback) {
        callback(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
      },
    });
    const result = await runAndAnalyze('for i in 1 2 3; do echo line $i; done; exit 4', { output: broken, fence: false });
    expect(result.exitCode).toBe(4);
    expect(result.analysis.model.lines).toBe(3);
  });
});

describe('the CLI’s command words as one bash command line', () => {
  it('quotes what bash would read as syntax, and only that', () => {
    expect(commandLine(['docker', 'buildx', 'build', '--build-arg', 'TORCH_CUDA_ARCH_LIST=8.0;9.0', '-t', 'app:dev', '.'])).toBe(
      "docker buildx build --build-arg 'TORCH_CUDA_ARCH_LIST=8.0;9.0' -t app:dev .",
    );
    expect(quoteWord("it's")).toBe(`'it'\\''s'`);
    expect(quoteWord('')).toBe("''");
    expect(quoteWord('$(reboot)')).toBe("'$(reboot)'");
  });

  it('takes one argument as a command line already', () => {
    expect(commandLine(['docker build . 2>&1 | tee build.log'])).toBe('docker build . 2>&1 | tee build.log');
  });
});
