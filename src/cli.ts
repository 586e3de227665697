// The CLI's entry point, kept small: it prints the version at once, and otherwise loads the rest
// of the CLI (dist/cli-main.cjs, from cli/start.ts) through a V8 code cache (cli/compile-cache.ts).
import { setFlagsFromString } from 'node:v8';
import { join } from 'node:path';
import { requireCached } from './cli/compile-cache.js';
import { VERSION } from './version.js';

// Flat memory on a long log, in this one process. V8 doubles its young generation (up to 2 × 16 MB)
// each time enough objects have survived a scavenge, which a stream of millions of lines always
// reaches, though almost all a line allocates is garbage by the next line: kept at its first size,
// it costs a few more cheap scavenges and some 25 MB less at the peak. What a small young
// generation promotes early is collected from the old one when it has grown by half, not by the
// default factor of up to four. Both flags are read each time V8 resizes, so they take effect
// when set here.
setFlagsFromString('--semi-space-growth-factor=1');
setFlagsFromString('--heap-growing-percent=50');

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v' || argv[0] === '-V')) {
  process.stdout.write(VERSION + '\n');
} else {
  // The bundle's own directory: this file is dist/cli.cjs once bundled.
  requireCached(join(__dirname, 'cli-main.cjs'));
}
