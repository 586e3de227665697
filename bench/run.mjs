// `npm run bench`: throughput, memory and start-up of the bundled CLI, side by side with GNU grep
// on the same files in the same run. Prints a table and writes bench/RESULTS.md.
//   BENCH_SIZES=10,100,1000   sizes in MB (default: all three)
//   BENCH_KEEP=1              keep the generated logs in bench/out/ for the next run
//   BENCH_DIST=dir            measure another build's cli.cjs and index.cjs (before / after)
//   BENCH_FLOOR=0             skip Node's floor (bench/floor.ts) on each file
//
// Every figure is for the whole process tree of one shell command (process-tree.mjs): CPU time is
// user + sys of every process in it, peak RSS the sum of each process's own peak. The CLI reads a
// file and a real pipe (`cat log | buildkit-doctor -`). The grep reference is a plain
// `grep -c -E -f` with the catalog's literals, one fixed string per line, as a per-line literal
// scan is what the CLI's first stage is: grep at its own fast path, not a slow pattern set.
import { mkdirSync, existsSync, statSync, writeFileSync, rmSync, readFileSync, mkdtempSync } from 'node:fs';
import { cpus, totalmem, tmpdir, loadavg } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { generateLog, generateStepsLog } from './generate-log.mjs';
import { measure } from './process-tree.mjs';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'bench', 'out');
mkdirSync(out, { recursive: true });
const sizes = (process.env.BENCH_SIZES ?? '10,100,1000').split(',').map(Number);
const dist = process.env.BENCH_DIST ?? join(root, 'dist');
const cli = join(dist, 'cli.cjs');
const action = join(dist, 'index.cjs');
const hook = join(root, 'bench', 'max-rss.cjs');
const node = `'${process.execPath}'`;
const q = (s) => `'${s.replace(/'/g, `'\\''`)}'`;

/** The built-in catalog, bundled from src/ on the fly (the bench must see what the tests see). */
async function loadCatalog() {
  const result = await build({
    entryPoints: [join(root, 'src', 'rules', 'catalog', 'index.ts')],
    bundle: true, format: 'esm', platform: 'node', write: false, logLevel: 'silent',
  });
  const code = result.outputFiles[0].text;
  const mod = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  return mod.builtinRules;
}

const escapeEre = (s) => s.replace(/[.[\]()*+?{}|^$\\]/g, '\\$&');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mbps = (bytes, s) => bytes / 1e6 / s;
const fmt = (n, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');

const rules = await loadCatalog();

/** bench/floor.ts bundled from src/, as the tests see it: what Node pays before the CLI's own stages. */
const floorScript = join(out, 'floor.cjs');
const withFloor = process.env.BENCH_FLOOR !== '0';
if (withFloor) await build({ entryPoints: [join(root, 'bench', 'floor.ts')], bundle: true, format: 'cjs', platform: 'node', outfile: floorScript, logLevel: 'silent' });
const floorModes = ['bytes', 'lines', 'scan'];
const literals = [...new Set(rules.flatMap((r) => [...(r.match ?? []), ...(r.context ?? []), ...(r.unless ?? [])].flatMap((m) => m.literals)))];
const patternFile = join(out, 'literals.ere');
writeFileSync(patternFile, literals.map(escapeEre).join('\n') + '\n');
const result = join(out, 'stdout.txt');

const cliArgs = '--format json --fail-on never';
async function runCli(command) {
  const r = await measure(command, { stdoutPath: result });
  if (r.code !== 0) throw new Error(`exit ${r.code}: ${command}\n${r.stderr.slice(0, 500)}`);
  return { ...r, findings: JSON.parse(readFileSync(result, 'utf8')).findings.length };
}

const load = [];
const noteLoad = () => load.push(loadavg()[0]);

const rows = [];
for (const mb of sizes) {
  const file = join(out, `build-${mb}MB.log`);
  if (!existsSync(file) || Math.abs(statSync(file).size - mb * 1e6) > mb * 2e5) await generateLog(file, mb * 1e6, 42);
  const bytes = statSync(file).size;
  await measure(`cat ${q(file)}`); // warm the page cache for all three
  noteLoad();
  const runs = mb >= 1000 ? 1 : 3;
  const best = async (f) => {
    let kept = null;
    for (let i = 0; i < runs; i++) {
      const r = await f();
      if (kept === null || r.cpu < kept.cpu) kept = { ...r, rssMb: Math.max(r.rssMb, kept?.rssMb ?? 0) };
    }
    return kept;
  };
  const grep = await best(() => measure(`grep -c -E -f ${q(patternFile)} ${q(file)}`, { stdoutPath: result }));
  const fromFile = await best(() => runCli(`${node} --require ${q(hook)} ${q(cli)} ${q(file)} ${cliArgs}`));
  const fromPipe = await best(() => runCli(`cat ${q(file)} | ${node} --require ${q(hook)} ${q(cli)} - ${cliArgs}`));
  const floor = {};
  if (withFloor) for (const m of floorModes) floor[m] = await best(() => measure(`${node} --require ${q(hook)} ${q(floorScript)} ${q(file)} ${m}`));
  const row = { mb, bytes, grep, fromFile, fromPipe, floor };
  rows.push(row);
  console.error(
    `${mb} MB: grep ${fmt(mbps(bytes, grep.cpu), 0)} MB/s CPU; file ${fmt(mbps(bytes, fromFile.cpu))} MB/s CPU (${fmt(grep.cpu / fromFile.cpu, 2)} × grep), ` +
      `pipe ${fmt(mbps(bytes, fromPipe.cpu))} MB/s CPU (${fmt(grep.cpu / fromPipe.cpu, 2)} × grep); peak tree RSS ${fmt(fromFile.rssMb, 0)} / ${fmt(fromPipe.rssMb, 0)} MB`,
  );
  if (withFloor) console.error(`${mb} MB: Node's floor ${floorModes.map((m) => `${m} ${fmt(mbps(bytes, floor[m].cpu), 0)} MB/s (${fmt(grep.cpu / floor[m].cpu, 2)} × grep)`).join(', ')}`);
  if (!process.env.BENCH_KEEP && mb >= 1000) rmSync(file);
}

// A build of 200,000 small steps: memory that grows with steps, not lines.
const stepsFile = join(out, 'steps-200000.log');
if (!existsSync(stepsFile)) await generateStepsLog(stepsFile, 200_000, 42);
const stepsBytes = statSync(stepsFile).size;
noteLoad();
const steps = await runCli(`${node} --require ${q(hook)} ${q(cli)} ${q(stepsFile)} ${cliArgs}`);
console.error(`200,000 steps: ${fmt(mbps(stepsBytes, steps.cpu))} MB/s CPU, peak tree RSS ${fmt(steps.rssMb, 0)} MB`);

// Rule-count scaling: the catalog plus about 10× as many custom rules, each with a literal of its
// own, up to the 500 a user's rules file may hold.
const scaleMb = sizes.includes(100) ? 100 : sizes[0];
const scaleFile = join(out, `build-${scaleMb}MB.log`);
if (!existsSync(scaleFile)) await generateLog(scaleFile, scaleMb * 1e6, 42);
const extra = Array.from({ length: Math.min(rules.length * 10, 500) }, (_, i) => ({
  id: `bench/custom-${i}`,
  title: `Custom rule ${i}`,
  severity: 'notice',
  match: [{ literals: [`bkd-marker-${i}-`], pattern: `bkd-marker-${i}-(?<what>[a-z]+)` }],
  message: 'seen {what}',
  fix: 'none',
}));
const rulesFile = join(out, 'many-rules.json');
writeFileSync(rulesFile, JSON.stringify({ rules: extra }));
noteLoad();
const base = (await runCli(`${node} ${q(cli)} ${q(scaleFile)} ${cliArgs}`)).cpu;
const many = (await runCli(`${node} ${q(cli)} ${q(scaleFile)} ${cliArgs} --rules ${q(rulesFile)}`)).cpu;

// Start-up: wall and CPU time over `node -e 0`, medians of 11 runs each.
const small = join(out, 'small-1KB.log');
const sample = readFileSync(join(root, 'fixtures', 'samples', 'cuda-multistage-failed.log'), 'utf8');
writeFileSync(small, sample.slice(0, sample.lastIndexOf('\n', 1024) + 1));
const actionDir = mkdtempSync(join(tmpdir(), 'bkd-bench-action-'));
const actionEnv = {
  ...process.env,
  'INPUT_LOG-FILE': small, INPUT_COMMENT: 'never', INPUT_SUMMARY: 'false', 'INPUT_FAIL-ON': 'never', INPUT_ANNOTATIONS: 'true',
  'INPUT_COMMENT-KEY': 'default', 'INPUT_IF-NO-LOG': 'warn', GITHUB_OUTPUT: join(actionDir, 'output'), GITHUB_WORKSPACE: actionDir,
};
writeFileSync(actionEnv.GITHUB_OUTPUT, '');
async function startup(command, env) {
  const samples = [];
  for (let i = 0; i < 11; i++) samples.push(await measure(command, { env }));
  return { wall: median(samples.map((s) => s.wall)), cpu: median(samples.map((s) => s.cpu)) };
}
noteLoad();
// One run first, so that the CLI's code cache exists, as it does for every run after a user's first.
await measure(`${node} ${q(cli)} ${q(small)} --format json`);
const start = {
  node: await startup(`${node} -e 0`),
  version: await startup(`${node} ${q(cli)} --version`),
  small: await startup(`${node} ${q(cli)} ${q(small)} --format json`),
  action: await startup(`${node} ${q(action)}`, actionEnv),
};
rmSync(actionDir, { recursive: true, force: true });
noteLoad();

const over = (s) => `+${fmt((s.wall - start.node.wall) * 1000, 0)} ms wall, +${fmt((s.cpu - start.node.cpu) * 1000, 0)} ms CPU`;
const busy = Math.max(...load);
const lines = [
  '# Benchmark results',
  '',
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ` +
    `1-minute load average during the run ${fmt(Math.min(...load))}–${fmt(busy)}${busy > cpus().length / 2 ? ' (a busy machine: wall times are inflated, compare CPU times and ratios)' : ''}. ` +
    'Generated with `npm run bench` (seeded logs from `bench/generate-log.mjs`). Each figure is for the whole process tree of one command: ' +
    'CPU is user + sys of every process in it, RSS the sum of each process\'s own peak. ' +
    `The reference is GNU grep \`-c -E -f\` with the catalog's ${literals.length} literals (escaped, one per line), on the same file in the same run. ` +
    'The CLI is the bundle (`dist/cli.cjs … --format json`): lines, redaction, grammar, build model, facts, all rules, JSON report; on the file, and on a real pipe (`cat log | buildkit-doctor -`).',
  '',
  '| log | grep MB/s (CPU) | file MB/s (CPU) | file × grep (CPU) | file × grep (wall) | pipe MB/s (CPU) | pipe × grep (CPU) | pipe × grep (wall) | peak tree RSS MB (file / pipe) | findings |',
  '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...rows.map(
    (r) =>
      `| ${r.mb} MB | ${fmt(mbps(r.bytes, r.grep.cpu), 0)} | ${fmt(mbps(r.bytes, r.fromFile.cpu))} | ${fmt(r.grep.cpu / r.fromFile.cpu, 2)} | ${fmt(r.grep.wall / r.fromFile.wall, 2)} | ` +
      `${fmt(mbps(r.bytes, r.fromPipe.cpu))} | ${fmt(r.grep.cpu / r.fromPipe.cpu, 2)} | ${fmt(r.grep.wall / r.fromPipe.wall, 2)} | ${fmt(r.fromFile.rssMb, 0)} / ${fmt(r.fromPipe.rssMb, 0)} | ${r.fromFile.findings} |`,
  ),
  '',
  ...(withFloor
    ? [
        "Node's floor on the same files in the same run (`bench/floor.ts`, CPU of the whole process, start-up included): *bytes* reads the file in 1 MiB chunks and finds every line end without decoding; *lines* also decodes each chunk as UTF-8 and cuts it into line strings, what handing lines to JavaScript regexes costs before any stage runs; *scan* also runs the CLI's own shared automaton (the redactor's, the facts' and the rules' literals) over each line, the first stage alone.",
        '',
        '| log | bytes MB/s | × grep | lines MB/s | × grep | scan MB/s | × grep | CLI (file) × lines floor |',
        '|---:|---:|---:|---:|---:|---:|---:|---:|',
        ...rows.map(
          (r) =>
            `| ${r.mb} MB | ${floorModes.map((m) => `${fmt(mbps(r.bytes, r.floor[m].cpu), 0)} | ${fmt(r.grep.cpu / r.floor[m].cpu, 2)}`).join(' | ')} | ${fmt(r.floor.lines.cpu / r.fromFile.cpu, 2)} |`,
        ),
        '',
      ]
    : []),
  `Rule-count scaling on the ${scaleMb} MB log (CPU): ${rules.length} built-in rules ${fmt(base, 2)} s; with ${extra.length} more custom rules ${fmt(many, 2)} s (${fmt(many / base, 2)} ×; target ≤ 1.5 ×).`,
  '',
  `200,000 steps (${fmt(stepsBytes / 1e6)} MB): ${fmt(mbps(stepsBytes, steps.cpu))} MB/s (CPU), peak tree RSS ${fmt(steps.rssMb, 0)} MB (targets ≥ 50 MB/s, ≤ 100 MB).`,
  '',
  `Start-up, medians of 11: \`node -e 0\` ${fmt(start.node.wall * 1000, 0)} ms wall, ${fmt(start.node.cpu * 1000, 0)} ms CPU; ` +
    `\`--version\` ${over(start.version)} (target ≤ 60 ms); a 1 KB log ${over(start.small)} (target ≤ 120 ms); ` +
    `the action on the 1 KB log, comment and summary off, ${over(start.action)} (target ≤ 200 ms).`,
  '',
];
if (process.env.BENCH_DIST === undefined) writeFileSync(join(root, 'bench', 'RESULTS.md'), lines.join('\n'));
console.log(lines.join('\n'));
