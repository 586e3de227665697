// `ENV PIP_NO_CACHE_DIR=1` (or `pip install --no-cache-dir`) with
// `RUN --mount=type=cache,target=/root/.cache/pip`: pip never writes to the cache the mount keeps,
// so every build downloads every wheel again and the mount only costs time. (`--no-cache-dir` turns
// pip's cache directory off entirely: pip install --help, pip 23.2.1.)
import type { DockerfileInstruction, DockerfileStage } from '../dockerfile.js';
import { code, findingAt, runSource, type StaticCheck } from './check.js';
import { pipInstalls } from './shell-scan.js';

/** The cache mount's target when it is pip's cache directory. */
function pipCacheMount(run: DockerfileInstruction): string | null {
  for (const flag of run.flags) {
    if (flag.name !== 'mount' || flag.value === null) continue;
    const fields = new Map(flag.value.split(',').map((kv) => [kv.slice(0, kv.indexOf('=') < 0 ? kv.length : kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
    if (fields.get('type') !== 'cache') continue;
    const target = fields.get('target') ?? fields.get('dst') ?? fields.get('destination') ?? '';
    let end = target.length;
    while (end > 1 && target[end - 1] === '/') end--;
    const path = target.slice(0, end);
    if (path.endsWith('.cache/pip') || (path.endsWith('/pip') && path.includes('cache'))) return target;
  }
  return null;
}

/** pip reads PIP_NO_CACHE_DIR as a boolean option; a false value leaves the cache on. */
function disablesCache(value: string | undefined): boolean {
  return value !== undefined && !['0', 'false', 'no', 'off', ''].includes(value.toLowerCase());
}

function envLine(stage: DockerfileStage, before: DockerfileInstruction): DockerfileInstruction | null {
  let found: DockerfileInstruction | null = null;
  for (const i of stage.instructions) {
    if (i.line >= before.line) break;
    if (i.keyword === 'ENV' && /(?:^|\s)PIP_NO_CACHE_DIR[=\s]/.test(i.args)) found = i;
  }
  return found;
}

export const pipNoCacheDefeatsCacheMount: StaticCheck = {
  id: 'dockerfile/pip-no-cache-defeats-cache-mount',
  title: "pip's cache is turned off where a cache mount keeps it",
  severity: 'warning',
  docs: 'https://docs.docker.com/build/cache/optimize/#use-cache-mounts',
  check(dockerfile) {
    const findings = [];
    const reportedEnv = new Set<DockerfileInstruction>();
    for (const stage of dockerfile.stages) {
      for (const run of stage.instructions) {
        if (run.keyword !== 'RUN') continue;
        const target = pipCacheMount(run);
        if (target === null) continue;
        const installs = pipInstalls(runSource(run));
        if (installs.length === 0) continue;
        if (installs.some((install) => install.words.includes('--no-cache-dir'))) {
          findings.push(
            findingAt(pipNoCacheDefeatsCacheMount, dockerfile, run, {
              message: `This RUN mounts a cache at ${code(target)} and then runs pip with ${code('--no-cache-dir')}: pip neither reads nor writes that cache, so every build downloads every package again.`,
              fix: `Drop ${code('--no-cache-dir')} from the pip commands of this RUN: the cache mount is not part of the image, so it does not make the image bigger.`,
            }),
          );
          continue;
        }
        if (!disablesCache(run.variables.get('PIP_NO_CACHE_DIR'))) continue;
        const env = envLine(stage, run);
        if (env !== null && reportedEnv.has(env)) continue;
        if (env !== null) reportedEnv.add(env);
        findings.push(
          findingAt(pipNoCacheDefeatsCacheMount, dockerfile, env ?? run, {
            message: `${code('PIP_NO_CACHE_DIR')} is set, which turns pip's cache off for every pip command, including the one at line ${run.line} that mounts a cache at ${code(target)}: the mount stays empty and every build downloads every package again.`,
            fix: [
              `Remove ${code('PIP_NO_CACHE_DIR')} from the ENV; the cache mount is not part of the image, so the image does not grow. Where a RUN has no cache mount and must not leave a cache in the layer, give that pip command ${code('--no-cache-dir')} instead.`,
            ].join('\n'),
          }, env === null ? [run] : [env, run]),
        );
      }
    }
    return findings;
  },
};
