// A `docker` for tests: a shell script that answers each command line it knows with recorded
// output (files under fixtures/real/…/history/, or text), and anything else with exit 99 and a line
// that names it. Only /bin/sh and /bin/cat are needed, so PATH can hold this directory alone.
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const historyFixtures = fileURLToPath(new URL('../../fixtures/real/buildkit-0.25-dockerd-28.5/history/', import.meta.url));

export interface FakeAnswer {
  exitCode: number;
  stdout?: string;
  stderr?: string;
  /** A file under historyFixtures to print on stdout / stderr. */
  stdoutFile?: string;
  stderrFile?: string;
}

/** What the real docker printed, by scenario (fixtures/real/…/history/buildx-responses.json). */
export const recordedResponses = JSON.parse(readFileSync(join(historyFixtures, 'buildx-responses.json'), 'utf8')) as Record<string, FakeAnswer>;

/** The id of a recorded case's build record. */
export function recordedId(name: string): string {
  return (JSON.parse(readFileSync(join(historyFixtures, `history-inspect-${name}.json`), 'utf8')) as { Ref: string }).Ref;
}

/** Writes `<dir>/docker` answering `args` (joined by spaces) as given; returns `dir`. */
export function fakeDocker(dir: string, answers: Record<string, FakeAnswer>): string {
  mkdirSync(dir, { recursive: true });
  const cases = Object.entries(answers).map(([args, a], i) => {
    const out = join(dir, `${i}.out`);
    const err = join(dir, `${i}.err`);
    writeFileSync(out, a.stdoutFile ? readFileSync(join(historyFixtures, a.stdoutFile)) : (a.stdout ?? ''));
    writeFileSync(err, a.stderrFile ? readFileSync(join(historyFixtures, a.stderrFile)) : (a.stderr ?? ''));
    return `  '${args}') /bin/cat '${out}'; /bin/cat '${err}' >&2; exit ${a.exitCode} ;;`;
  });
  writeFileSync(join(dir, 'docker'), `#!/bin/sh\ncase "$*" in\n${cases.join('\n')}\n  *) echo "fake docker: unexpected $*" >&2; exit 99 ;;\nesac\n`);
  chmodSync(join(dir, 'docker'), 0o755);
  return dir;
}

/** buildx 0.29.1 with the recorded builds (run-fails, copy-missing, multistage-pass); `prefix` e.g. `--builder default`. */
export function recordedSession(prefix = ''): Record<string, FakeAnswer> {
  const p = prefix === '' ? '' : `${prefix} `;
  const answers: Record<string, FakeAnswer> = {
    'buildx version': recordedResponses['buildx-0.29-version']!,
    [`buildx ${p}history ls --format json`]: { exitCode: 0, stdoutFile: 'history-ls.json' },
  };
  for (const name of ['run-fails', 'copy-missing', 'multistage-pass']) {
    answers[`buildx ${p}history inspect ${recordedId(name)} --format json`] = { exitCode: 0, stdoutFile: `history-inspect-${name}.json` };
    answers[`buildx ${p}history logs ${recordedId(name)} --progress plain`] = { exitCode: 0, stderrFile: `history-logs-${name}.log` };
  }
  return answers;
}
