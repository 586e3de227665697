// What any Node process pays before a line pipeline does its own work, measured on the bench's
// files beside grep and the CLI: the floor under the CLI's throughput on this machine. Bundled and
// run by bench/run.mjs as `node floor.cjs FILE MODE`:
//   bytes  read the file in 1 MiB chunks and find every line end in the bytes (Buffer.indexOf),
//          nothing decoded: what a reader costs that never makes a string
//   lines  the same, each chunk decoded as UTF-8 and cut into line strings: what handing lines to
//          JavaScript regexes costs, however the stages after it are written
//   scan   the same, and each line scanned by the CLI's own shared automaton (every stage's
//          literals: the redactor's, the facts', the rules'), hits and all: the first stage alone
// It prints the number of lines (and of automaton hits), so that the work cannot be skipped.
import { closeSync, openSync, readSync } from 'node:fs';
import { SharedScan } from '../src/match/shared-scan.js';
import { Redactor } from '../src/security/redact.js';
import { FactCollector } from '../src/facts/collect-facts.js';
import { RuleEngine } from '../src/rules/engine.js';
import { enabledBuiltinRules } from '../src/rules/builtin-rules.js';

const [file, mode] = process.argv.slice(2);
if (file === undefined || !['bytes', 'lines', 'scan'].includes(mode ?? '')) {
  console.error('usage: floor.cjs FILE bytes|lines|scan');
  process.exit(2);
}

/** The automaton the CLI builds: the same stages register the same literals in the same order. */
function cliAutomaton(): SharedScan {
  const scan = new SharedScan();
  new Redactor(scan);
  new FactCollector(scan);
  new RuleEngine(enabledBuiltinRules(), scan);
  return scan;
}

const scan = mode === 'scan' ? cliAutomaton().prefilter : null;
const fd = openSync(file!, 'r');
const chunk = Buffer.allocUnsafe(1 << 20);
let lines = 0;
let hits = 0;
let carry = '';
let unended = false;
for (;;) {
  const n = readSync(fd, chunk, 0, chunk.length, null);
  if (n === 0) break;
  if (mode === 'bytes') {
    // A line cut by the chunk's end is counted where it ends, in the next chunk.
    for (let at = chunk.indexOf(10, 0); at >= 0 && at < n; at = chunk.indexOf(10, at + 1)) lines++;
    unended = chunk[n - 1] !== 10;
    continue;
  }
  // Decoded whole chunks at a time, as the CLI's reader does; a multi-byte character cut by the
  // chunk's end is rare enough in these logs not to change the cost (the count stays exact).
  const text = carry + chunk.toString('utf8', 0, n);
  let start = 0;
  for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
    const line = text.slice(start, end);
    lines++;
    if (scan !== null) hits += scan.find(line);
    start = end + 1;
  }
  carry = text.slice(start);
}
closeSync(fd);
if (carry.length > 0 || unended) lines++;
console.log(`${lines} lines${scan === null ? '' : `, ${hits} hits`}`);
