// The engine suite: builds each case under test/engine/cases/ with a real Docker engine and its
// embedded BuildKit, then analyses the log BuildKit really printed with the bundled CLI and checks
// the findings (rule id, Dockerfile line, step). With --record the logs are written to
// fixtures/real/<engine>/ (beside a copy of the Dockerfile) for the unit tests to read.
//
//   node test/engine/run.mjs [--record] [--engine current|old|latest]... [--case NAME]... --cli PATH
//   node test/engine/run.mjs --fixtures [--engine …] [--case …] --cli PATH
//     no engine: checks the recorded logs under fixtures/real/ against the same expectations
//
// A case is a folder: its Dockerfile, the context files it copies, and case.json:
//   description   what it reproduces
//   tool          "build" (default): `docker build`; "bake": `docker buildx bake` of the folder's
//                 docker-bake.hcl; "compose": `docker compose build` of its compose.yaml
//   dockerfiles   bake / compose: { target: Dockerfile } (each recorded as NAME.TARGET.Dockerfile,
//                 and given to the CLI as --dockerfile TARGET=PATH)
//   engines       ["current", "old", "latest"] (default all three)
//   image         "busybox" (default) or "tools" (the debootstrap image with cmake, g++, pip, apt)
//   context       the build context, relative to the case folder (default: the folder itself)
//   buildArgs     extra `docker build` arguments; "{cuda}" stands for the host's CUDA toolkit
//   expectExit    "success" (default) or "failure": the build itself must end so
//   mustContain   { "all" | "current" | "old" | "latest": [text…] }: the real tool printed what the case is
//                 about ("latest" falls back to "current": one grammar since BuildKit 0.11)
//   expect        [{ ruleId, line?, step?, target? }] findings that must be there (step: a piece of
//                 the failing instruction; target: the bake / compose target of that step, whose own
//                 Dockerfile the line must be on); [] means no finding at all; null means only that the CLI
//                 reads the log (nothing asserted on findings)
//   mustNot       [ruleId…] rules that must not fire (a look-alike of what they are about)
//   cachedRerun   build a second time: from the cache, no findings
//   beforeBuild   the CLI refuses the build before BuildKit starts it: no build record to read back
//   rawjson, tty  also record `--progress=rawjson` / `--progress=tty` (current and latest engines)
//   actionRecords on the latest engine, also run the bundled action on the build's records
//   recordLines   false: the build record's findings are compared by rule id only (a build-wide
//                 finding of parallel steps sits on the step whose line came first, and a record's
//                 log keeps each step's lines together where the live log interleaves them)
//
// On the latest engine (buildx 0.29, build records) every plain build is also read back from its
// build records by the CLI (`buildkit-doctor history`), and the cases marked `actionRecords` by
// the bundled action too (`build-ref: auto`, its pre step's job start set to the build's start:
// one process per case costs seconds, so a few cases stand for the rest), with a `docker` on PATH
// that is the engine's own. Their findings must be the plain log's (rule id and Dockerfile line).
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const casesDir = join(repo, 'test/engine/cases');
const engineScript = join(repo, 'scripts/buildkit-engine.sh');
const cudaHome = process.env.BUILDKIT_DOCTOR_CUDA ?? '/usr/local/cuda-13.0';
const BUILD_TIMEOUT_MS = 180_000;

/** Each engine's fixture folder names the BuildKit it embeds and the daemon it ships in. */
// latest: Debian's docker.io 28.5.2 reports its BuildKit as v0.0.0+unknown (built without the
// version stamp); Docker 28.5.2 vendors BuildKit v0.25.2 (moby/moby#51397, Docker's release notes).
const ENGINES = {
  current: { fixtures: 'buildkit-0.13-dockerd-26.1', rawjson: true, tty: true, namedContexts: true },
  old: { fixtures: 'buildkit-0.8-dockerd-20.10', rawjson: false, tty: false, namedContexts: false },
  latest: { fixtures: 'buildkit-0.25-dockerd-28.5', rawjson: true, tty: true, namedContexts: true, records: true },
};

/** The texts a case's build must print on an engine. */
function mustContainOn(kase, engine) {
  const own = kase.mustContain?.[engine] ?? (engine === 'latest' ? kase.mustContain?.current : undefined);
  return [...(kase.mustContain?.all ?? []), ...(own ?? [])];
}

function parseArgs(argv) {
  const opts = { record: false, fixtures: false, engines: [], cases: [], cli: null, action: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--record') opts.record = true;
    else if (arg === '--fixtures') opts.fixtures = true;
    else if (arg === '--engine') opts.engines.push(argv[++i]);
    else if (arg === '--case') opts.cases.push(argv[++i]);
    else if (arg === '--cli') opts.cli = argv[++i];
    else if (arg === '--action') opts.action = argv[++i];
    else throw new Error(`unknown argument ${arg}`);
  }
  if (!opts.cli) throw new Error('--cli PATH (the bundled CLI) is required');
  // the bundled action, beside the CLI
  opts.action ??= join(dirname(resolve(opts.cli)), 'index.cjs');
  if (opts.engines.length === 0) opts.engines = Object.keys(ENGINES);
  for (const e of opts.engines) if (!(e in ENGINES)) throw new Error(`unknown engine ${e}`);
  return opts;
}

function loadCases(only) {
  return readdirSync(casesDir)
    .filter((name) => existsSync(join(casesDir, name, 'case.json')))
    .filter((name) => only.length === 0 || only.includes(name))
    .sort()
    .map((name) => {
      const spec = JSON.parse(readFileSync(join(casesDir, name, 'case.json'), 'utf8'));
      return { name, dir: join(casesDir, name), engines: spec.engines ?? Object.keys(ENGINES), image: spec.image ?? 'busybox', ...spec };
    });
}

/** Runs the engine script; its stdout is `export KEY='value'` lines. A failed stop is only reported. */
function engineCommand(command, engine) {
  const r = spawnSync('bash', [engineScript, command, engine], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 900_000 });
  if (r.status !== 0 && command === 'stop') {
    console.log(`buildkit-engine.sh stop ${engine} failed (exit ${r.status})`);
    return {};
  }
  if (r.status !== 0) throw new Error(`buildkit-engine.sh ${command} ${engine} failed`);
  return Object.fromEntries([...r.stdout.matchAll(/^(?:export )?([A-Z_]+)='([^']*)'$/gm)].map((m) => [m[1], m[2]]));
}

/** The definition file a bake / compose case builds from, null for `docker build`. */
const DEFINITION = { bake: 'docker-bake.hcl', compose: 'compose.yaml' };

/** The docker CLI arguments of one build of a case. */
function buildArgs(kase, progress) {
  // bake 0.13 and compose take the network from the definition file (compose) or the Dockerfile (bake)
  // (they run in the case's folder: the file is named as a user names it, and bake prints it)
  if (kase.tool === 'bake') return ['buildx', 'bake', `--progress=${progress}`, '-f', DEFINITION.bake];
  if (kase.tool === 'compose') return ['compose', '-f', DEFINITION.compose, '--progress', progress, 'build'];
  const args = ['build', '--network=none', `--progress=${progress}`, '-f', join(kase.dir, 'Dockerfile')];
  for (const arg of kase.buildArgs ?? []) args.push(arg.replaceAll('{cuda}', cudaHome));
  args.push(resolve(kase.dir, kase.context ?? '.'));
  return args;
}

/** The Dockerfiles of a case as `--dockerfile` values: PATH, or TARGET=PATH for bake / compose. */
function dockerfileArgs(kase, pathOf) {
  if (kase.dockerfiles) return Object.entries(kase.dockerfiles).map(([target, file]) => `${target}=${pathOf(file, target)}`);
  return [pathOf('Dockerfile', null)];
}

/** One build, stdout and stderr into one file in the order the CLI wrote them. */
function build(docker, kase, engine, progress, logPath) {
  const args = buildArgs(kase, progress);
  const fd = openSync(logPath, 'w');
  const env = { ...process.env, COLUMNS: '120', LINES: '40' };
  let r;
  if (progress === 'tty') {
    // a pseudo-terminal, so that the CLI draws its live box as it does for a person
    const line = `stty cols 120 rows 40; exec ${[docker, ...args].map(shellQuote).join(' ')}`;
    r = spawnSync('script', ['-q', '-e', '-c', line, '/dev/null'], { stdio: ['ignore', fd, fd], timeout: BUILD_TIMEOUT_MS, env });
  } else {
    // bake and compose resolve their contexts from the folder they run in
    r = spawnSync(docker, args, { stdio: ['ignore', fd, fd], timeout: BUILD_TIMEOUT_MS, env, cwd: kase.dir });
  }
  closeSync(fd);
  return r.error ? -1 : r.status;
}

function shellQuote(s) {
  return `'${s.replaceAll("'", `'\\''`)}'`;
}

/** The CLI arguments that print a log's JSON report, whatever the findings. */
function analyseArgs(logPath, dockerfiles) {
  return [logPath, '--format', 'json', '--fail-on', 'never', ...dockerfiles.flatMap((d) => ['--dockerfile', d])];
}

/** The CLI's JSON report of a log, or an error message. */
function analyse(cli, args) {
  const r = spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) return { error: `CLI did not finish: ${r.error.message}` };
  return reportOf(r.status, r.stdout, r.stderr);
}

/** What a run of the CLI with `analyseArgs` gave: its report, or what went wrong. */
export function reportOf(status, stdout, stderr) {
  if (status !== 0) return { error: `CLI exited ${status}: ${stderr.trim().split('\n').slice(-3).join(' | ')}` };
  try {
    return { report: JSON.parse(stdout) };
  } catch {
    return { error: `CLI printed no JSON: ${stdout.slice(0, 200)}` };
  }
}

/** What is wrong with a report against the case's expectations (empty when nothing is). */
function checkReport(report, expect, { firstIsCause, mustNot = [], dockerfiles = {} }) {
  const problems = [];
  const findings = Array.isArray(report.findings) ? report.findings : [];
  const summary = findings.map((f) => `${f.ruleId}@${f.location?.line ?? '-'}#${f.step ?? '-'}`).join(', ') || 'none';
  for (const ruleId of mustNot) {
    if (findings.some((f) => f.ruleId === ruleId)) problems.push(`${ruleId} must not fire (got ${summary})`);
  }
  if (expect === null) return problems;
  if (expect.length === 0) {
    if (findings.length > 0) problems.push(`expected no finding, got ${summary}`);
    return problems;
  }
  const steps = Array.isArray(report.steps) ? report.steps : [];
  for (const want of expect) {
    const candidates = findings.filter((f) => f.ruleId === want.ruleId);
    if (candidates.length === 0) {
      problems.push(`no ${want.ruleId} finding (got ${summary})`);
      continue;
    }
    const stepIds =
      want.step === undefined && want.target === undefined
        ? null
        : steps
            .filter((s) => (want.step === undefined || String(s.instruction ?? '').includes(want.step)) && (want.target === undefined || s.target === want.target))
            .map((s) => s.id);
    // a target's finding is on that target's own Dockerfile
    const file = want.target === undefined ? undefined : dockerfiles[want.target];
    const ok = candidates.some(
      (f) =>
        (want.line === undefined || f.location?.line === want.line) &&
        (file === undefined || f.location?.file === file) &&
        (stepIds === null || stepIds.includes(f.step)),
    );
    if (!ok) {
      const where = stepIds === null ? '' : ` step ${JSON.stringify(want.step ?? '')}${want.target ? ` of target ${want.target}` : ''} (ids ${stepIds.join(',') || 'none'})`;
      problems.push(`${want.ruleId} not at ${file ?? 'line'} ${want.line ?? 'any'}${where} (got ${summary})`);
    }
  }
  if (firstIsCause && problems.length === 0 && findings[0]?.ruleId !== expect[0].ruleId) {
    problems.push(`first finding is ${findings[0]?.ruleId}, expected ${expect[0].ruleId} (what the build died of)`);
  }
  return problems;
}

/**
 * Several engines: one child process per engine, all at once (their daemons are independent, and
 * a run waits on processes far more than it computes). Downloads and the tools rootfs are made
 * first, once, so that the children never fetch the same file together.
 */
async function runEnginesAtOnce(opts, argv) {
  const cases = loadCases(opts.cases);
  for (const engine of opts.engines) {
    const r = spawnSync('bash', [engineScript, 'install', engine], { stdio: ['ignore', 'ignore', 'inherit'], timeout: 900_000 });
    if (r.status !== 0) console.log(`buildkit-engine.sh install ${engine} failed (exit ${r.status})`);
  }
  if (cases.some((c) => c.image === 'tools')) {
    const r = spawnSync('bash', [join(repo, 'scripts/engine/tools-image.sh'), 'rootfs'], { stdio: ['ignore', 'ignore', 'inherit'], timeout: 900_000 });
    if (r.status !== 0) console.log(`tools rootfs failed (exit ${r.status})`);
  }
  const others = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--engine') i++;
    else others.push(argv[i]);
  }
  const totals = { passed: 0, failed: 0, skipped: 0 };
  await Promise.all(
    opts.engines.map(
      (engine) =>
        new Promise((done) => {
          const child = spawn(process.execPath, [fileURLToPath(import.meta.url), ...others, '--engine', engine], {
            stdio: ['ignore', 'pipe', 'inherit'],
            env: { ...process.env, BUILDKIT_DOCTOR_ONE_ENGINE: '1' },
          });
          let rest = '';
          const line = (text) => {
            const m = /^(\d+) passed, (\d+) failed(?:, (\d+) skipped)?$/.exec(text);
            if (m) {
              totals.passed += Number(m[1]);
              totals.failed += Number(m[2]);
              totals.skipped += Number(m[3] ?? 0);
            } else console.log(text);
          };
          child.stdout.on('data', (chunk) => {
            const lines = (rest + chunk).split('\n');
            rest = lines.pop();
            lines.forEach(line);
          });
          child.on('close', (code) => {
            if (rest) line(rest);
            if (code !== 0 && code !== 1) {
              totals.failed++;
              console.log(`FAIL ${engine} engine: the run ended with code ${code}`);
            }
            done();
          });
        }),
    ),
  );
  console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped > 0 ? `, ${totals.skipped} skipped` : ''}`);
  process.exitCode = totals.failed > 0 ? 1 : 0;
}

function main() {
  const argv = process.argv.slice(2);
  const opts = parseArgs(argv);
  if (!opts.fixtures && opts.engines.length > 1 && !process.env.BUILDKIT_DOCTOR_ONE_ENGINE) return void runEnginesAtOnce(opts, argv);
  const cases = loadCases(opts.cases);
  const outRoot = opts.record || opts.fixtures ? join(repo, 'fixtures/real') : mkdtempSync(join(tmpdir(), 'buildkit-doctor-engine-logs-'));
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const report = (ok, label, detail) => {
    if (ok === null) {
      skipped++;
      console.log(`SKIP ${label}: ${detail}`);
      return;
    }
    if (ok) passed++;
    else failed++;
    console.log(`${ok ? 'PASS' : 'FAIL'} ${label}${detail ? `: ${detail}` : ''}`);
  };

  for (const engine of opts.engines) {
    const mine = cases.filter((c) => c.engines.includes(engine));
    if (mine.length === 0) continue;
    if (opts.fixtures) {
      for (const kase of mine) checkFixtures(kase, engine, opts, report);
      continue;
    }
    const started = Date.now();
    let docker;
    try {
      engineCommand('stop', engine); // a fresh data root: nothing cached from an earlier run
      docker = engineCommand('start', engine).BUILDKIT_DOCTOR_DOCKER;
      console.log(`${engine} engine started in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      if (mine.some((c) => c.image === 'tools')) {
        const importing = Date.now();
        engineCommand('tools-image', engine);
        console.log(`${engine} engine: tools image imported in ${((Date.now() - importing) / 1000).toFixed(1)} s`);
      }
    } catch (err) {
      report(false, `${engine} engine`, err.message);
      engineCommand('stop', engine);
      continue;
    }
    const outDir = join(outRoot, ENGINES[engine].fixtures);
    mkdirSync(outDir, { recursive: true });
    try {
      for (const kase of mine) runCase(kase, engine, docker, outDir, opts, report);
    } finally {
      engineCommand('stop', engine);
    }
    console.log(`${engine} engine: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  if (!opts.record && !opts.fixtures) {
    // the logs of a failing run are kept to read; a passing run leaves nothing behind
    if (failed > 0) console.log(`logs kept in ${outRoot}`);
    else rmSync(outRoot, { recursive: true, force: true });
  }
  console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
  process.exitCode = failed > 0 ? 1 : 0;
}

/** The builds of a case on an engine: the plain log, and the cached rerun, rawjson and tty where asked. */
function runsOf(kase, engine) {
  const runs = [{ progress: 'plain', base: kase.name, ext: 'log', expect: kase.expect }];
  // the one build that is meant to hit the cache the previous one filled
  if (kase.cachedRerun) runs.push({ progress: 'plain', base: `${kase.name}-cached`, ext: 'log', expect: [], cached: true });
  if (kase.rawjson && ENGINES[engine].rawjson) runs.push({ progress: 'rawjson', base: kase.name, ext: 'rawjson', expect: kase.expect });
  if (kase.tty && ENGINES[engine].tty) runs.push({ progress: 'tty', base: kase.name, ext: 'tty', expect: null });
  return runs;
}

/**
 * The recorded logs of a case on an engine, each with the CLI arguments that analyse it and the
 * check of the CLI's JSON report (`{ report }`, or `{ error }` when it gave none).
 */
function recordedRunsOf(kase, engine) {
  const dir = join(repo, 'fixtures/real', ENGINES[engine].fixtures);
  return runsOf(kase, engine)
    .filter((run) => run.progress !== 'tty')
    .map((run) => {
      const file = `${run.base}.${run.ext}`;
      const logPath = join(dir, file);
      const dockerfiles = recordedDockerfiles(kase, dir, run.base);
      return {
        label: `${engine}/${file}`,
        recorded: existsSync(logPath),
        args: analyseArgs(logPath, dockerfileArgs(kase, (_file, target) => dockerfiles[target ?? ''])),
        problems: (analysed) =>
          analysed.error ? [analysed.error] : checkReport(analysed.report, run.expect, { firstIsCause: kase.expectExit === 'failure', mustNot: kase.mustNot, dockerfiles }),
      };
    });
}

/** The recorded logs of every case on these engines: the unit tests run their checks with the CLI in their own process. */
export function recordedRuns(engines) {
  const cases = loadCases([]);
  return engines.flatMap((engine) => cases.filter((kase) => kase.engines.includes(engine)).flatMap((kase) => recordedRunsOf(kase, engine)));
}

/** Checks the recorded logs of a case, without building anything. */
function checkFixtures(kase, engine, opts, report) {
  for (const run of recordedRunsOf(kase, engine)) {
    if (!run.recorded) {
      report(false, run.label, 'not recorded (run with --record)');
      continue;
    }
    const problems = run.problems(analyse(opts.cli, run.args));
    report(problems.length === 0, run.label, problems.join('; '));
  }
}

/** Where a recorded case's Dockerfiles are, by target ('' for a `docker build` case). */
function recordedDockerfiles(kase, dir, base) {
  if (!kase.dockerfiles) return { '': join(dir, `${base}.Dockerfile`) };
  return Object.fromEntries(Object.keys(kase.dockerfiles).map((target) => [target, join(dir, `${base}.${target}.Dockerfile`)]));
}

/** Copies what a case built beside its log: the Dockerfile(s), and the bake / compose file. */
function recordSources(kase, outDir, base) {
  const recorded = recordedDockerfiles(kase, outDir, base);
  if (!kase.dockerfiles) return copyFileSync(join(kase.dir, 'Dockerfile'), recorded['']);
  for (const [target, file] of Object.entries(kase.dockerfiles)) copyFileSync(join(kase.dir, file), recorded[target]);
  const definition = DEFINITION[kase.tool];
  if (definition) copyFileSync(join(kase.dir, definition), join(outDir, `${base}.${definition}`));
}

function runCase(kase, engine, docker, outDir, opts, report) {
  const dockerfiles = kase.dockerfiles
    ? Object.fromEntries(Object.entries(kase.dockerfiles).map(([target, file]) => [target, join(kase.dir, file)]))
    : { '': join(kase.dir, 'Dockerfile') };
  const expectFailure = kase.expectExit === 'failure';
  const runs = runsOf(kase, engine);
  if ((kase.buildArgs ?? []).some((a) => a.includes('{cuda}')) && !existsSync(join(cudaHome, 'bin/nvcc'))) {
    report(null, `${engine}/${kase.name}`, `no CUDA toolkit at ${cudaHome} (set BUILDKIT_DOCTOR_CUDA)`);
    return;
  }

  for (const run of runs) {
    const file = `${run.base}.${run.ext}`;
    const label = `${engine}/${file}`;
    if (opts.record) recordSources(kase, outDir, run.base);
    // every other build starts from an empty build cache, whatever ran before it
    if (!run.cached) spawnSync(docker, ['builder', 'prune', '--all', '--force'], { stdio: 'ignore', timeout: 60_000 });
    const logPath = join(outDir, file);
    const started = Date.now();
    const builtAfter = new Date(started - 5);
    const status = build(docker, kase, engine, run.progress, logPath);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const took = `${seconds} s`;
    if (status === -1) {
      report(false, label, `build did not finish in ${BUILD_TIMEOUT_MS / 1000} s`);
      continue;
    }
    if (expectFailure !== (status !== 0)) {
      report(false, label, `build exited ${status}, expected ${expectFailure ? 'a failure' : 'success'} (${took}, log: ${logPath})`);
      continue;
    }
    const log = readFileSync(logPath, 'utf8');
    const missing = mustContainOn(kase, engine).filter((t) => !log.includes(t));
    if (run.progress === 'plain' && missing.length > 0) {
      report(false, label, `the build did not print ${missing.map((m) => JSON.stringify(m)).join(', ')} (log: ${logPath})`);
      continue;
    }
    if (run.progress === 'tty') {
      report(true, label, `recorded (${took})`);
      continue;
    }
    const analysed = analyse(opts.cli, analyseArgs(logPath, dockerfileArgs(kase, (file, target) => dockerfiles[target ?? ''])));
    if (analysed.error) {
      report(false, label, analysed.error);
      continue;
    }
    const problems = checkReport(analysed.report, run.expect, { firstIsCause: expectFailure, mustNot: kase.mustNot, dockerfiles });
    report(problems.length === 0, label, problems.length === 0 ? took : `${problems.join('; ')} (${took})`);
    if (ENGINES[engine].records && run.progress === 'plain') checkRecords(kase, docker, opts, analysed.report, builtAfter, label, report);
  }
}

/** Where the lines of a report's findings are: `ruleId@line`, sorted, each once. */
function placed(findings, withLines = true) {
  return [...new Set(findings.map((f) => (withLines ? `${f.ruleId}@${f.location?.line ?? '-'}` : f.ruleId)))].sort();
}

/** A directory whose `docker` is the engine's own CLI (the wrapper pointed at its daemon). */
function dockerOnPath(docker) {
  const dir = join(dirname(docker), 'path');
  mkdirSync(dir, { recursive: true });
  if (!existsSync(join(dir, 'docker'))) symlinkSync(docker, join(dir, 'docker'));
  return dir;
}

/** The ids of the records created since `after` (one per target of a bake or compose build). */
function recordsSince(docker, after) {
  const r = spawnSync(docker, ['buildx', 'history', 'ls', '--format', 'json'], { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) return [];
  return r.stdout
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l))
    .filter((rec) => new Date(rec.created_at) >= after)
    .map((rec) => rec.ref.slice(rec.ref.lastIndexOf('/') + 1));
}

/**
 * The build just made, read back from its build records by the CLI (`history`: the latest record
 * for a plain build, the refs of the build's records for bake / compose) and by the bundled action
 * (`build-ref: auto`): the same findings on the same Dockerfile lines as the plain log gave.
 */
function checkRecords(kase, docker, opts, fromLog, after, label, report) {
  if (kase.beforeBuild) return;
  const env = { ...process.env, PATH: `${dockerOnPath(docker)}:${process.env.PATH}` };
  // A build-wide finding sits on the step where the log first showed it; a record's log groups
  // each step's lines where the live log interleaves parallel steps, so such a case compares rule ids.
  const withLines = kase.recordLines !== false;
  const want = placed(fromLog.findings ?? [], withLines);
  const refs = kase.tool ? recordsSince(docker, after) : [];
  // the CLI runs where the build ran: the record names its context relative to there
  const cli = spawnSync(process.execPath, [resolve(opts.cli), 'history', ...refs, '--format', 'json', '--fail-on', 'never'], { encoding: 'utf8', env, cwd: kase.dir, timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
  let got;
  try {
    const out = JSON.parse(cli.stdout);
    got = placed((out.logs ? out.logs.map((l) => l.report) : [out]).flatMap((r) => r.findings), withLines);
  } catch {
    got = null;
  }
  const cliProblem = cli.status !== 0 ? `exit ${cli.status}: ${cli.stderr.trim().split('\n').slice(-2).join(' | ')}` : got === null ? 'no JSON' : JSON.stringify(got) !== JSON.stringify(want) ? `findings ${got.join(', ') || 'none'}, the log gave ${want.join(', ') || 'none'}` : '';
  report(cliProblem === '', `${label} → history (CLI)`, cliProblem);

  if (!kase.actionRecords) return;
  const action = runAction(opts.action, kase.dir, env, after);
  const actionProblem = action.error ?? (JSON.stringify(action.placed) !== JSON.stringify(want) ? `findings ${action.placed.join(', ') || 'none'}, the log gave ${want.join(', ') || 'none'}` : '');
  report(actionProblem === '', `${label} → build-ref auto (action)`, actionProblem);
}

/** The bundled action with no input but the pre step's job start: `build-ref: auto`. */
function runAction(bundle, cwd, env, jobStarted) {
  const temp = mkdtempSync(join(tmpdir(), 'bkd-engine-action-'));
  const output = join(temp, 'output');
  const summary = join(temp, 'summary');
  writeFileSync(output, '');
  writeFileSync(summary, '');
  try {
    const r = spawnSync(process.execPath, [bundle], {
      cwd,
      encoding: 'utf8',
      timeout: 120_000,
      maxBuffer: 64 * 1024 * 1024,
      env: {
        ...env,
        'INPUT_FAIL-ON': 'never',
        INPUT_COMMENT: 'never',
        'INPUT_IF-NO-LOG': 'error',
        GITHUB_ACTIONS: 'true',
        GITHUB_WORKSPACE: cwd,
        GITHUB_OUTPUT: output,
        GITHUB_STEP_SUMMARY: summary,
        GITHUB_EVENT_NAME: 'push',
        RUNNER_TEMP: temp,
        'STATE_job-started': jobStarted.toISOString(),
      },
    });
    if (r.status !== 0) return { error: `action exited ${r.status}: ${r.stdout.split('\n').filter((l) => l.startsWith('::error')).join(' | ').slice(0, 300)}` };
    const file = /^report-file<<(\S+)\n(.*)\n\1$/m.exec(readFileSync(output, 'utf8'))?.[2];
    if (!file) return { error: `action wrote no report-file: ${r.stdout.split('\n').filter((l) => l.startsWith('::')).join(' | ').slice(0, 300)}` };
    const out = JSON.parse(readFileSync(file, 'utf8'));
    return { placed: placed((out.logs ? out.logs.map((l) => l.report) : [out]).flatMap((rep) => rep.findings)) };
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

// Run as a script; imported by the unit tests for recordedRuns and reportOf.
if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
