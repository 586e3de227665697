#!/usr/bin/env node
// `npm test`'s first half: the type check and the lint, side by side (each uses one core), each
// printing its output when it ends. Both keep a cache outside the repository, in a folder of the
// system's temporary directory named after the checkout (tsc's build info, eslint's results by
// file content), so a second run checks only what changed; a fresh machine, CI included, starts
// without one. Exits 1 when either fails.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cache = path.join(tmpdir(), 'buildkit-doctor-checks', createHash('sha256').update(root).digest('hex').slice(0, 16));

function run(name, args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => {
      process.stdout.write(`> ${name}: ${code === 0 ? 'ok' : `failed (exit ${code})`}\n${output}`);
      resolve(code === 0);
    });
  });
}

const bin = (path) => fileURLToPath(new URL(`../node_modules/${path}`, import.meta.url));
const results = await Promise.all([
  run('typecheck', [bin('typescript/bin/tsc'), '--noEmit', '--incremental', '--tsBuildInfoFile', path.join(cache, 'tsbuildinfo')]),
  run('lint', [bin('eslint/bin/eslint.js'), '--cache', '--cache-strategy', 'content', '--cache-location', path.join(cache, 'eslint') + path.sep, '.']),
]);
process.exitCode = results.every(Boolean) ? 0 : 1;
