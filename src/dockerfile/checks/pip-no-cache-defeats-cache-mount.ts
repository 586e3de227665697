// A cache mount for pip's (or uv's) cache on a RUN whose installer has its cache turned off:
// `RUN --mount=type=cache,target=/root/.cache/pip pip install --no-cache-dir …`, or the same with
// `ENV PIP_NO_CACHE_DIR=1` earlier in the stage. The installer never writes to the cache the mount
// keeps, so every build downloads every wheel again and the mount only costs time. Waste, not a broken
// image: a notice. The log rule pip/cache-mount-unused reports the flag form once the build ran.
// - pip: `--no-cache-dir` "Disable the cache." (pip 23.2.1 `pip install --help`); PIP_NO_CACHE_DIR is
//   the same option from the environment, read as a boolean.
// - uv: `--no-cache` (short `-n`, alias `--no-cache-dir`, environment UV_NO_CACHE) makes uv "avoid
//   reading from or writing to the cache, instead using a temporary directory for the duration of
//   the operation" (uv's CacheArgs, crates/uv-cache/src/cli.rs); its cache is `$HOME/.cache/uv`.
import type { DockerfileInstruction, DockerfileStage } from '../dockerfile.js';
import { code, findingAt, runSource, type StaticCheck } from './check.js';
import { commands, pipInstalls } from './shell-scan.js';

interface Installer {
  name: 'pip' | 'uv';
  /** The last part of the cache directory a mount must target. */
  cacheDir: string;
  /** The environment variable that turns the cache off. */
  env: string;
  /** The flag as the fix names it. */
  flag: string;
  /** The words of each install command of the RUN (after the command name). */
  installs(source: string): string[][];
  /** Whether a command's words turn the cache off. */
  offByFlag(words: string[]): boolean;
}

const pip: Installer = {
  name: 'pip',
  cacheDir: 'pip',
  env: 'PIP_NO_CACHE_DIR',
  flag: '--no-cache-dir',
  installs: (source) => pipInstalls(source).map((i) => i.words),
  offByFlag: (words) => words.includes('--no-cache-dir'),
};

const uv: Installer = {
  name: 'uv',
  cacheDir: 'uv',
  env: 'UV_NO_CACHE',
  flag: '--no-cache',
  installs: (source) => {
    const out: string[][] = [];
    for (const command of commands(source)) {
      const at = command.findIndex((w) => w === 'uv' || w.endsWith('/uv'));
      if (at >= 0 && /^(?:pip|sync|add|tool|run)$/.test(command[at + 1] ?? '')) out.push(command.slice(at + 1));
    }
    return out;
  },
  offByFlag: (words) => words.some((w) => w === '--no-cache' || w === '-n' || w === '--no-cache-dir'),
};

const installers: readonly Installer[] = [pip, uv];

/** The cache mount's target when it is the installer's cache directory. */
function cacheMount(run: DockerfileInstruction, installer: Installer): string | null {
  for (const flag of run.flags) {
    if (flag.name !== 'mount' || flag.value === null) continue;
    const fields = new Map(flag.value.split(',').map((kv) => [kv.slice(0, kv.indexOf('=') < 0 ? kv.length : kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
    if (fields.get('type') !== 'cache') continue;
    const target = fields.get('target') ?? fields.get('dst') ?? fields.get('destination') ?? '';
    let end = target.length;
    while (end > 1 && target[end - 1] === '/') end--;
    const path = target.slice(0, end);
    if (path.endsWith(`.cache/${installer.cacheDir}`) || (path.endsWith(`/${installer.cacheDir}`) && path.includes('cache'))) return target;
  }
  return null;
}

/** pip and uv read these variables as booleans; a false value leaves the cache on. */
function disablesCache(value: string | undefined): boolean {
  return value !== undefined && !['0', 'false', 'no', 'off', ''].includes(value.toLowerCase());
}

function envLine(stage: DockerfileStage, before: DockerfileInstruction, variable: string): DockerfileInstruction | null {
  let found: DockerfileInstruction | null = null;
  const assigns = new RegExp(`(?:^|\\s)${variable}[=\\s]`);
  for (const i of stage.instructions) {
    if (i.line >= before.line) break;
    if (i.keyword === 'ENV' && assigns.test(i.args)) found = i;
  }
  return found;
}

export const pipNoCacheDefeatsCacheMount: StaticCheck = {
  id: 'dockerfile/pip-no-cache-defeats-cache-mount',
  title: "The installer's cache is turned off where a cache mount keeps it",
  severity: 'notice',
  docs: 'https://docs.docker.com/build/cache/optimize/#use-cache-mounts',
  sameProblemAs: ['pip/cache-mount-unused'],
  check(dockerfile) {
    const findings = [];
    const reportedEnv = new Set<DockerfileInstruction>();
    for (const stage of dockerfile.stages) {
      for (const run of stage.instructions) {
        if (run.keyword !== 'RUN') continue;
        for (const installer of installers) {
          const target = cacheMount(run, installer);
          if (target === null) continue;
          const installs = installer.installs(runSource(run));
          if (installs.length === 0) continue;
          if (installs.some((words) => installer.offByFlag(words))) {
            findings.push(
              findingAt(pipNoCacheDefeatsCacheMount, dockerfile, run, {
                message: `This RUN mounts a cache at ${code(target)} and then runs ${installer.name} with its cache turned off (${code(installer.flag)}): ${installer.name} neither reads nor writes that cache, so every build downloads every package again.`,
                fix: `Drop ${code(installer.flag)} from the ${installer.name} commands of this RUN: the cache mount is not part of the image, so it does not make the image bigger.`,
              }),
            );
            continue;
          }
          if (!disablesCache(run.variables.get(installer.env))) continue;
          const env = envLine(stage, run, installer.env);
          if (env !== null && reportedEnv.has(env)) continue;
          if (env !== null) reportedEnv.add(env);
          findings.push(
            findingAt(pipNoCacheDefeatsCacheMount, dockerfile, env ?? run, {
              message: `${code(installer.env)} is set, which turns ${installer.name}'s cache off for every ${installer.name} command, including the one at line ${run.line} that mounts a cache at ${code(target)}: the mount stays empty and every build downloads every package again.`,
              fix: `Remove ${code(installer.env)} from the ENV; the cache mount is not part of the image, so the image does not grow. Where a RUN has no cache mount and must not leave a cache in the layer, give that ${installer.name} command ${code(installer.flag)} instead.`,
            }, env === null ? [run] : [env, run]),
          );
        }
      }
    }
    return findings;
  },
};
