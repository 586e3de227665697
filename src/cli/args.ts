// Command-line arguments → a typed command. Every mistake is an InputError with one clear line.
import { parseArgs } from 'node:util';
import { InputError } from '../core/errors.js';
import { describeArgsError } from './suggest.js';
import { parseDockerfileSpec } from '../core/dockerfile-set.js';
import { parseDuration } from '../core/build-record.js';
import { FORMATS, type OutputFormat } from '../report/render.js';
import { FAIL_ON, type FailOn } from '../report/severity.js';

export interface CommonOptions {
  format: OutputFormat;
  /** The plain `--dockerfile PATH`, null when none was given. */
  dockerfile: string | null;
  /** `--dockerfile TARGET=PATH`: bake / compose targets' own Dockerfiles. */
  targetDockerfiles: ReadonlyMap<string, string>;
  rules: string | null;
  failOn: FailOn;
}

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | ({ kind: 'analyze'; inputs: string[] } & CommonOptions)
  | ({ kind: 'lint'; dockerfilePath: string } & CommonOptions)
  | ({ kind: 'run'; command: string[] } & CommonOptions)
  | ({ kind: 'history'; refs: string[]; builder: string | null; since: number | null } & CommonOptions);

// Every line within 80 columns: a help text is read in a terminal of any width.
export const USAGE = `Usage:
  buildkit-doctor [analyze] [FILE|-]... [options]
      analyse a build log: a file, a .gz file, or - for stdin
  buildkit-doctor lint [DOCKERFILE] [options]
      the Dockerfile's static checks alone, before any build
  buildkit-doctor run [options] -- COMMAND...
      run a build, show its output live, analyse it
  buildkit-doctor history [REF|^N]... [options]
      analyse BuildKit's build records (docker buildx history)

Logs: plain, tty or rawjson progress, the classic builder, podman / buildah,
'docker buildx history logs', a downloaded GitHub Actions job log. FILE may be
a glob ('logs/*.log', 'logs/**/*.log.gz'; quote it): several logs give one
report each, then a summary (json: {"logs": [...], "summary": {...}}).

run: COMMAND runs under 'bash -o pipefail -c' (one argument is taken as a
command line, several as words), its stdout and stderr joined. Its output is
shown live on stdout and the report follows it there; with --format json or
sarif its output goes to stderr instead, so that stdout holds the report
alone. Ctrl-C and SIGTERM are passed on to it, and the report is still written.

history: no REF reads the latest record of the builder; ^1 is the one before
it. Needs buildx 0.21 or later (0.20 reads the log alone) and a BuildKit that
keeps records (Docker 23 or later, or a docker-container builder). The
record's Dockerfile is used unless --dockerfile names one.
  --builder NAME            the builder whose records to read (default: the
                            current one)
  --since DURATION          every record of the last DURATION (30m, 2h, 1h30m)

Options:
  --format FORMAT           text (default), json, markdown, sarif or github
  --dockerfile PATH         the Dockerfile, to put findings on their lines
                            (default: the one the log's error block names,
                            else ./Dockerfile)
  --dockerfile TARGET=PATH  a bake or compose target's Dockerfile (repeatable)
  --rules FILE              extra rules (JSON or YAML); same ids override
                            the built-in ones
  --fail-on LEVEL           exit 1 when a finding is at or above LEVEL: error
                            (default), warning, notice or never
  -h, --help                this help
  -v, -V, --version         the version

Exit: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage or
input error; 'run' exits with the build's own code when the build failed.`;

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new InputError(`--${name} must be one of ${allowed.join(', ')} (got "${value}")`);
}

/**
 * A build record's ref as buildx takes it: its id, `^N` (the Nth before the latest), or the
 * `builder/node/id` that `history ls` prints (its id is the last part).
 */
function recordRef(ref: string): string {
  if (/^\^\d{1,6}$/.test(ref)) return ref;
  const id = ref.slice(ref.lastIndexOf('/') + 1);
  if (/^[a-z0-9]{1,64}$/.test(id)) return id;
  throw new InputError(`"${ref}" is not a build record ref: give its id (docker buildx history ls lists them) or ^N for the Nth before the latest`);
}

export function parseCommand(argv: string[]): Command {
  // `run -- cmd args`: everything after `--` belongs to the wrapped command, untouched.
  const dashdash = argv.indexOf('--');
  const own = dashdash >= 0 ? argv.slice(0, dashdash) : argv;
  const wrapped = dashdash >= 0 ? argv.slice(dashdash + 1) : [];

  let parsed;
  try {
    parsed = parseArgs({
      // `-V` as many tools spell it (parseArgs allows one short name per option).
      args: own.map((a) => (a === '-V' ? '-v' : a)),
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        dockerfile: { type: 'string', multiple: true },
        rules: { type: 'string' },
        'fail-on': { type: 'string' },
        builder: { type: 'string' },
        since: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new InputError(describeArgsError(error as Error, USAGE));
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };

  const dockerfiles = parseDockerfileSpec(values.dockerfile ?? []);
  const common: CommonOptions = {
    format: oneOf('format', values.format, FORMATS, 'text'),
    dockerfile: dockerfiles.path,
    targetDockerfiles: dockerfiles.targets,
    rules: values.rules ?? null,
    failOn: oneOf('fail-on', values['fail-on'], FAIL_ON, 'error'),
  };

  const [first, ...rest] = positionals;
  if (first !== 'history') {
    for (const name of ['builder', 'since'] as const) {
      if (values[name] !== undefined) throw new InputError(`--${name} is only for "buildkit-doctor history"`);
    }
  }
  if (first === 'history') {
    if (dashdash >= 0) throw new InputError('"--" is only for "run -- COMMAND"');
    if (values.builder !== undefined && values.builder.trim() === '') throw new InputError('--builder needs a builder name');
    const since = values.since === undefined ? null : parseDuration(values.since);
    return { kind: 'history', refs: rest.map(recordRef), builder: values.builder ?? null, since, ...common };
  }
  if (first === 'run') {
    if (rest.length > 0) throw new InputError(`put the command after "--": buildkit-doctor run -- ${rest.join(' ')}`);
    if (wrapped.length === 0) throw new InputError('run needs a command after "--", e.g. buildkit-doctor run -- docker buildx build --progress=plain .');
    return { kind: 'run', command: wrapped, ...common };
  }
  if (dashdash >= 0) throw new InputError('"--" is only for "run -- COMMAND"');
  if (first === 'lint') {
    if (rest.length > 1) throw new InputError('lint takes one Dockerfile');
    return { kind: 'lint', dockerfilePath: rest[0] ?? common.dockerfile ?? 'Dockerfile', ...common };
  }
  const inputs = first === 'analyze' ? rest : positionals;
  return { kind: 'analyze', inputs: inputs.length > 0 ? inputs : ['-'], ...common };
}
