// The CLI's entry point: everything happens in cli/main.ts.
import { setFlagsFromString } from 'node:v8';
import { guardOutputs } from './cli/closed-output.js';
import { runCli } from './cli/main.js';

// Flat memory on a long log: V8 doubles its young generation (up to 2 × 16 MB) each time enough
// objects have survived a scavenge, which a stream of millions of lines always reaches, though
// almost everything a line allocates is garbage by the next line. Kept at its first size, the
// young generation costs a few more (cheap) scavenges and some 20 MB less at the peak. The flag
// is read each time V8 would grow it, so it can be set here, in the same process.
setFlagsFromString('--semi-space-growth-factor=1');

let outputFailed = false;
guardOutputs([process.stdout, process.stderr], {
  onOtherError(error, stream) {
    outputFailed = true;
    if (stream !== process.stderr && !process.stderr.destroyed) {
      process.stderr.write(`buildkit-doctor: cannot write the report: ${error.message.split('\n')[0]}\n`);
    }
  },
});

runCli(process.argv.slice(2), {
  // Read only when needed: a log on stdin is read from its descriptor (stdinFd) instead.
  get stdin() {
    return process.stdin;
  },
  stdinFd: 0,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  isTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  columns: process.stdout.isTTY ? process.stdout.columns : undefined,
}).then((code) => {
  process.exitCode = outputFailed ? 2 : code;
});
