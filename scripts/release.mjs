#!/usr/bin/env node
// Releases the action: checks that the commit is releasable (clean tree, dist/ what src/ builds to,
// the version is package.json's and not tagged yet), then tags it `vX.Y.Z` and moves the major tag
// `vX` to it, which is what users pin (`uses: buildkit-doctor/buildkit-doctor@v0`).
//
//   npm run release                   dry run: checks, then prints what it would do
//   npm run release -- --apply        creates the tags here
//   npm run release -- --push         creates them and pushes them (the major tag with --force)
//   npm run release -- 1.2.3          the version, when it is not package.json's (then it must be)
//
// Options: --remote NAME (default origin). Nothing is changed unless every check passes.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..');

/** `1.2.3` → its parts; null for anything that is not a plain X.Y.Z release version. */
export function parseVersion(text) {
  const m = /^v?(0|[1-9]\d{0,5})\.(0|[1-9]\d{0,5})\.(0|[1-9]\d{0,5})$/.exec(text ?? '');
  return m ? { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]), text: `${m[1]}.${m[2]}.${m[3]}` } : null;
}

/** The git commands of a release, in order: tag the version, move the major tag, push both. */
export function releaseCommands(version, { push = false, remote = 'origin' } = {}) {
  const tag = `v${version.text}`;
  const major = `v${version.major}`;
  const commands = [
    ['git', 'tag', '-a', tag, '-m', tag],
    // The major tag follows the newest release of its major version: force, it exists already.
    ['git', 'tag', '-f', '-a', major, '-m', `${major} = ${tag}`, `${tag}^{commit}`],
  ];
  if (push) commands.push(['git', 'push', remote, `refs/tags/${tag}`], ['git', 'push', '--force', remote, `refs/tags/${major}`]);
  return commands;
}

export function parseOptions(argv) {
  const options = { version: null, apply: false, push: false, remote: 'origin' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--apply') options.apply = true;
    else if (arg === '--push') options.apply = options.push = true;
    else if (arg === '--remote' && argv[i + 1] !== undefined) options.remote = argv[++i];
    else if (!arg.startsWith('-') && options.version === null) options.version = arg;
    else throw new Error(`unknown argument ${arg} (see the top of scripts/release.mjs)`);
  }
  return options;
}

function git(...args) {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
}

/** Problems that stop a release, as sentences; empty when it can go ahead. */
function check(version) {
  const problems = [];
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  if (version.text !== pkg.version) problems.push(`package.json says ${pkg.version}, not ${version.text}: bump it (and CHANGELOG.md) in a commit first`);
  if (git('status', '--porcelain') !== '') problems.push('the working tree has changes: commit or stash them');
  if (git('tag', '--list', `v${version.text}`) !== '') problems.push(`v${version.text} is tagged already`);
  // dist/ is what the action runs: it must be what this commit's src/ builds to.
  const outdir = mkdtempSync(join(tmpdir(), 'bkd-release-'));
  try {
    execFileSync(process.execPath, ['scripts/bundle.mjs'], { cwd: root, env: { ...process.env, BUNDLE_OUTDIR: outdir }, stdio: 'inherit' });
    for (const file of readdirSync(outdir)) {
      const committed = (() => {
        try {
          return git('show', `HEAD:dist/${file}`);
        } catch {
          return null;
        }
      })();
      if (committed !== readFileSync(join(outdir, file), 'utf8').trim()) problems.push(`dist/${file} is not what src/ builds to: run \`npm run build\` and commit dist/`);
    }
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
  return problems;
}

function main() {
  const options = parseOptions(process.argv.slice(2));
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const version = parseVersion(options.version ?? pkg.version);
  if (version === null) throw new Error(`"${options.version ?? pkg.version}" is not a release version (X.Y.Z)`);
  const problems = check(version);
  const commands = releaseCommands(version, options);
  if (problems.length > 0) {
    for (const p of problems) console.error(`release: ${p}`);
    console.error(`release: v${version.text} not ${options.apply ? 'tagged' : 'ready'}.`);
    process.exitCode = 1;
    return;
  }
  console.log(`release: v${version.text} at ${git('rev-parse', '--short', 'HEAD')}: checks passed.`);
  for (const command of commands) {
    console.log(`${options.apply ? '+' : 'would run:'} ${command.join(' ')}`);
    if (options.apply) execFileSync(command[0], command.slice(1), { cwd: root, stdio: 'inherit' });
  }
  if (!options.apply) console.log('release: dry run; --apply to tag here, --push to tag and push.');
  else if (!options.push) console.log(`release: tagged here; push with: git push ${options.remote} v${version.text} && git push --force ${options.remote} v${version.major}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    main();
  } catch (error) {
    console.error(`release: ${error.message}`);
    process.exitCode = 2;
  }
}
