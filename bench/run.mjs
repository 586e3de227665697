// `npm run bench`: throughput, memory, rule-count scaling and start-up of the bundled CLI, side by
// side with GNU grep over the same file in the same run. Prints a table and writes bench/RESULTS.md.
//   BENCH_SIZES=10,100,1000   sizes in MB (default: all three)
//   BENCH_KEEP=1              keep the generated logs in bench/out/ for the next run
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, closeSync, statSync, writeFileSync, rmSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { generateLog } from './generate-log.mjs';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'bench', 'out');
mkdirSync(out, { recursive: true });
const sizes = (process.env.BENCH_SIZES ?? '10,100,1000').split(',').map(Number);
const cli = join(root, 'dist', 'cli.cjs');
const rssHook = join(root, 'bench', 'max-rss.cjs');

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

/** A JavaScript pattern as GNU ERE, or null when it has no ERE equivalent (lookarounds). */
function toEre(source) {
  if (/\(\?<?[=!]/.test(source)) return null;
  return source
    .replace(/\(\?<[A-Za-z][A-Za-z0-9]*>/g, '(')
    .replace(/\(\?:/g, '(')
    .replace(/\\d/g, '[0-9]')
    .replace(/\\s/g, '[[:space:]]')
    .replace(/\\S/g, '[^[:space:]]')
    .replace(/\\w/g, '[[:alnum:]_]')
    .replace(/\\\//g, '/');
}

function grepAccepts(pattern) {
  return spawnSync('grep', ['-E', '-e', pattern, '/dev/null']).status !== 2;
}

/** One ERE per matcher: its pattern where grep takes it, else its literals. */
function grepPatterns(rules) {
  const patterns = [];
  for (const rule of rules) {
    for (const m of rule.match ?? []) {
      const ere = m.pattern ? toEre(m.pattern) : null;
      if (ere && grepAccepts(ere)) patterns.push(ere);
      else patterns.push(...m.literals.map(escapeEre));
    }
  }
  return patterns;
}

function timed(cmd, args, options = {}) {
  const start = process.hrtime.bigint();
  const result = spawnSync(cmd, args, { maxBuffer: 1 << 30, ...options });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.error) throw result.error;
  return { seconds, result };
}

function runCli(args, stdinPath) {
  const fd = stdinPath ? openSync(stdinPath, 'r') : 'ignore';
  try {
    const { seconds, result } = timed(process.execPath, ['--require', rssHook, cli, ...args], {
      stdio: [fd, 'pipe', 'pipe'],
    });
    const stderr = result.stderr.toString();
    // The CLI may restart itself for a large input (src/cli/lean-heap.ts): the hook reports from
    // both processes, and the peak is the larger.
    const rss = Math.max(...[...stderr.matchAll(/BKD_MAXRSS_KB=(\d+)/g)].map((m) => Number(m[1]))) / 1024;
    if (result.status !== 0 && result.status !== 1) throw new Error(`cli exited ${result.status}: ${stderr.slice(0, 500)}`);
    return { seconds, rss, findings: JSON.parse(result.stdout.toString()).findings.length };
  } finally {
    if (typeof fd === 'number') closeSync(fd);
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mbps = (bytes, s) => bytes / 1e6 / s;

const rules = await loadCatalog();
const patterns = grepPatterns(rules);
const patternFile = join(out, 'patterns.txt');
writeFileSync(patternFile, patterns.join('\n') + '\n');

// The prefilter's view of the catalog: its literals, for a second reference (grep's fastest mode).
const literals = [...new Set(rules.flatMap((r) => [...(r.match ?? []), ...(r.context ?? []), ...(r.unless ?? [])].flatMap((m) => m.literals)))];
const literalFile = join(out, 'literals.txt');
writeFileSync(literalFile, literals.join('\n') + '\n');

const rows = [];
for (const mb of sizes) {
  const file = join(out, `build-${mb}MB.log`);
  if (!existsSync(file) || Math.abs(statSync(file).size - mb * 1e6) > mb * 2e5) await generateLog(file, mb * 1e6, 42);
  const bytes = statSync(file).size;
  timed('cat', [file], { stdio: ['ignore', 'ignore', 'ignore'] }); // warm the page cache for both
  const grep = timed('grep', ['-c', '-E', '-f', patternFile, file]);
  const grepF = timed('grep', ['-c', '-F', '-i', '-f', literalFile, file]);
  const fromFile = runCli([file, '--format', 'json', '--fail-on', 'never']);
  const fromStdin = runCli(['-', '--format', 'json', '--fail-on', 'never'], file);
  rows.push({
    mb, bytes,
    grepMBs: mbps(bytes, grep.seconds),
    grepFMBs: mbps(bytes, grepF.seconds),
    fileMBs: mbps(bytes, fromFile.seconds), stdinMBs: mbps(bytes, fromStdin.seconds),
    ratio: grep.seconds / fromFile.seconds,
    ratioF: grepF.seconds / fromFile.seconds,
    rss: Math.max(fromFile.rss, fromStdin.rss),
    findings: fromFile.findings,
  });
  console.error(`${mb} MB: grep -E ${rows.at(-1).grepMBs.toFixed(0)} MB/s, grep -F ${rows.at(-1).grepFMBs.toFixed(0)} MB/s, pipeline ${rows.at(-1).fileMBs.toFixed(1)} MB/s (file) ${rows.at(-1).stdinMBs.toFixed(1)} MB/s (stdin), peak RSS ${rows.at(-1).rss.toFixed(0)} MB`);
  if (!process.env.BENCH_KEEP && mb >= 1000) rmSync(file);
}

// Rule-count scaling: the catalog plus 10× as many custom rules, each with a literal of its own.
const scaleMb = sizes.includes(100) ? 100 : sizes[0];
const scaleFile = join(out, `build-${scaleMb}MB.log`);
if (!existsSync(scaleFile)) await generateLog(scaleFile, scaleMb * 1e6, 42);
const extra = Array.from({ length: rules.length * 10 }, (_, i) => ({
  id: `bench/custom-${i}`,
  title: `Custom rule ${i}`,
  severity: 'notice',
  match: [{ literals: [`bkd-marker-${i}-`], pattern: `bkd-marker-${i}-(?<what>[a-z]+)` }],
  message: 'seen {what}',
  fix: 'none',
}));
const rulesFile = join(out, 'many-rules.json');
writeFileSync(rulesFile, JSON.stringify({ rules: extra }));
const base = median([0, 1, 2].map(() => runCli([scaleFile, '--format', 'json', '--fail-on', 'never']).seconds));
const many = median([0, 1, 2].map(() => runCli([scaleFile, '--format', 'json', '--fail-on', 'never', '--rules', rulesFile]).seconds));

// Start-up: the bundled CLI on a small log against `node -e 0`.
const small = join(root, 'fixtures', 'samples', 'cuda-multistage-failed.log');
const nodeOnly = median(Array.from({ length: 11 }, () => timed(process.execPath, ['-e', '0']).seconds));
const cliSmall = median(Array.from({ length: 11 }, () => timed(process.execPath, [cli, small, '--format', 'json']).seconds));

const fmt = (n, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');
const lines = [
  '# Benchmark results',
  '',
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}. `
    + `Generated with \`npm run bench\` (seeded logs from \`bench/generate-log.mjs\`). Two references, on the same file in the same run: GNU grep \`-c -E -f\` with the catalog's ${patterns.length} patterns `
    + `(as ERE; their bounded repeats make grep's DFA slow), and GNU grep \`-c -F -i -f\` with the prefilter's ${literals.length} literals (grep's fastest mode, the floor for any per-line scan). `
    + 'The pipeline is the bundled CLI (`dist/cli.cjs … --format json`): lines, redaction, grammar, build model, all rules, JSON report.',
  '',
  '| log | grep -E MB/s | grep -F literals MB/s | pipeline MB/s (file) | pipeline MB/s (stdin) | pipeline ÷ grep -E | pipeline ÷ grep -F | peak RSS MB | findings |',
  '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...rows.map((r) => `| ${r.mb} MB | ${fmt(r.grepMBs, 0)} | ${fmt(r.grepFMBs, 0)} | ${fmt(r.fileMBs)} | ${fmt(r.stdinMBs)} | ${fmt(r.ratio, 2)} × | ${fmt(r.ratioF, 2)} × | ${fmt(r.rss, 0)} | ${r.findings} |`),
  '',
  `Rule-count scaling on the ${scaleMb} MB log: ${rules.length} built-in rules ${fmt(base, 2)} s; with ${extra.length} more custom rules ${fmt(many, 2)} s (${fmt(many / base, 2)} ×; target ≤ 1.5 ×).`,
  '',
  `Start-up: \`node -e 0\` ${fmt(nodeOnly * 1000, 0)} ms; the bundled CLI on the sample log ${fmt(cliSmall * 1000, 0)} ms (+${fmt((cliSmall - nodeOnly) * 1000, 0)} ms; target ≤ 150 ms).`,
  '',
];
writeFileSync(join(root, 'bench', 'RESULTS.md'), lines.join('\n'));
console.log(lines.join('\n'));
