// The CLI's entry point: everything happens in cli/main.ts.
import { guardOutputs } from './cli/closed-output.js';
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

runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  isTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
}).then((code) => {
  process.exitCode = outputFailed ? 2 : code;
});
