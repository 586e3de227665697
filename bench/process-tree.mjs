// Runs one shell command and measures its whole process tree: CPU time (user + sys of every process
// the shell waited for, from bash's `times`), wall time, and peak resident memory. The peak is the
// sum, over every process of the tree, of that process's own high-water mark (VmHWM, polled from
// /proc every few milliseconds, and the exact figure a preloaded hook prints as a node process
// exits): never less than the tree's real peak, so a helper process cannot hide.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { clearInterval, setInterval } from 'node:timers';

/** The pids of `pid` and all its descendants, from /proc (Linux). */
function tree(pid) {
  const out = [pid];
  for (let i = 0; i < out.length; i++) {
    try {
      for (const child of readFileSync(`/proc/${out[i]}/task/${out[i]}/children`, 'utf8').trim().split(/\s+/)) {
        if (child) out.push(Number(child));
      }
    } catch {
      // gone already
    }
  }
  return out;
}

function highWaterKb(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

const seconds = (s) => {
  const m = /(\d+)m([\d.]+)s/.exec(s);
  return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
};

/**
 * Runs `command` with bash, stdout to `stdoutPath` (or /dev/null). Node processes in it should be
 * started with `--require <max-rss hook>`: their exact peak is read from stderr.
 */
export function measure(command, { stdoutPath = '/dev/null', env = process.env } = {}) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn('bash', ['-c', `{ ${command} ; } > '${stdoutPath}'; times >&2`], { stdio: ['ignore', 'ignore', 'pipe'], env });
    const peaks = new Map();
    const poll = () => {
      for (const pid of tree(child.pid)) {
        const kb = highWaterKb(pid);
        if (kb > (peaks.get(pid) ?? 0)) peaks.set(pid, kb);
      }
    };
    const timer = setInterval(poll, 5);
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      const wall = Number(process.hrtime.bigint() - start) / 1e9;
      // The hook's exact peaks, by pid, over what polling saw of those processes.
      for (const m of stderr.matchAll(/BKD_MAXRSS_KB=(\d+) PID=(\d+)/g)) peaks.set(Number(m[2]), Math.max(peaks.get(Number(m[2])) ?? 0, Number(m[1])));
      // The shell that ran the command is the bench's wrapper, not the measured tree.
      peaks.delete(child.pid);
      const times = stderr.trim().split('\n').slice(-1)[0] ?? '';
      const [user, sys] = times.trim().split(/\s+/).map(seconds);
      const processes = [...stderr.matchAll(/BKD_MAXRSS_KB=/g)].length;
      resolve({ code, wall, cpu: user + sys, rssMb: [...peaks.values()].reduce((a, b) => a + b, 0) / 1024, nodeProcesses: processes, stderr });
    });
  });
}
