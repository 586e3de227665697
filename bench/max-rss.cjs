// Preloaded into every node process the benchmark starts (`node --require`): prints its own peak
// RSS and pid as it exits, so the benchmark adds up the whole process tree, helpers included.
process.on('exit', () => {
  require('node:fs').writeSync(2, `\nBKD_MAXRSS_KB=${process.resourceUsage().maxRSS} PID=${process.pid}\n`);
});
