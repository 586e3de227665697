// Preloaded into the measured process (`node --require`): prints its peak RSS as it exits, so the
// benchmark measures the real CLI, not a copy of it.
process.on('exit', () => {
  require('node:fs').writeSync(2, `\nBKD_MAXRSS_KB=${process.resourceUsage().maxRSS}\n`);
});
