// The CLI's entry point: everything happens in cli/main.ts.
import { guardOutputs } from './cli/closed-output.js';
import { restartWithLeanHeap, wantsLeanHeap } from './cli/lean-heap.js';
import { runCli } from './cli/main.js';

let outputFailed = false;
guardOutputs([process.stdout, process.stderr], {
  onOtherError(error, stream) {
    outputFailed = true;
    if (stream !== process.stderr && !process.stderr.destroyed) {
      process.stderr.write(`buildkit-doctor: cannot write the report: ${error.message.split('\n')[0]}\n`);
    }
  },
});

const argv = process.argv.slice(2);

function analyseHere(): void {
  runCli(argv, {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    isTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    columns: process.stdout.isTTY ? process.stdout.columns : undefined,
  }).then((code) => {
    process.exitCode = outputFailed ? 2 : code;
  });
}

const script = process.argv[1];
if (script !== undefined && wantsLeanHeap(argv, process.env, process.execArgv)) {
  void restartWithLeanHeap(script, argv, process.execArgv).then((code) => {
    // The restart could not even start (a sandbox without spawn): analyse here after all.
    if (code === -1) analyseHere();
    else process.exitCode = code;
  });
} else {
  analyseHere();
}
