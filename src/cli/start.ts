// The CLI process: output guarded, the command run, its exit code set. Loaded by cli.ts (the bin)
// once it knows there is more to do than print the version.
import { usePrefilterTableStore } from '../match/prefilter.js';
import { guardOutputs } from './closed-output.js';
import { runCli } from './main.js';
import { prefilterTableStore } from './prefilter-cache.js';

let outputFailed = false;
guardOutputs([process.stdout, process.stderr], {
  onOtherError(error, stream) {
    outputFailed = true;
    if (stream !== process.stderr && !process.stderr.destroyed) {
      process.stderr.write(`buildkit-doctor: cannot write the report: ${error.message.split('\n')[0]}\n`);
    }
  },
});

// The automaton of the scan is kept beside the code cache (this file is dist/cli-main.cjs once bundled).
usePrefilterTableStore(prefilterTableStore(__filename));

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
