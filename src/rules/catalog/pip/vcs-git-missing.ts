// uv fetches a `git+https://…` requirement (or a `[tool.uv.sources]` git source) with the git binary, and the
// stage has none: `Git operation failed` then `Git executable not found. Ensure that Git is installed and
// available.` (astral-sh/uv crates/uv-git/src/git.rs, `GitError::GitNotFound`, raised when `which git` finds
// nothing; the wording since astral-sh/uv#9206). Before that pull request (2024-11), uv 0.1.8 and later (which dropped the embedded git library for
// the git program, astral-sh/uv#1781) only tried to run it: `Caused by: could not execute process \`git fetch …\` (never
// executed)` then `Caused by: No such file or directory (os error 2)` (astral-sh/uv#1914). "never executed" is the
// process-error text of cargo-util, which uv's git code came from, for a process that did not launch at all
// (rust-lang/cargo crates/cargo-util/src/process_error.rs: status `None`); ENOENT says the program is not on PATH.
// Slim Python and CUDA runtime images ship no git, so a lock or a
// requirements file that names a git dependency fails at the install step.
// Not matched: a git operation that fails for another reason (authentication, a missing ref), where git exists and ran
// (`process didn't exit successfully: \`/usr/bin/git rev-parse …\` (exit status: 128)`, astral-sh/uv#12788).
//
// The advice: install git in the stage that runs the installer, before that step. The package is `git` on
// Debian and Ubuntu (`dpkg -S /usr/bin/git` on Debian 12; knowledge/command-package.ts); the install line
// follows fact `os` through the `git-install` enricher. Alpine's package is `git` (alpinelinux/aports main/git/APKBUILD),
// Fedora/RHEL's `git` (src.fedoraproject.org/rpms/git, git.spec `Name: git`; koji builds git-<version>.fc<N>.x86_64.rpm).
// The docs anchor `#git` is the "### Git" heading under "Dependency sources" (astral-sh/uv docs/concepts/projects/dependencies.md,
// which links to it itself as `(#git)`). A multi-stage build needs git only in the stage that
// resolves the dependency, not in the runtime stage that copies the environment.
import type { RuleInput } from '../../schema.js';
import { aptInstallLine } from '../../../knowledge/apt-install-line.js';

const uvWording = 'Git executable not found. Ensure that Git is installed';
const uvSpawnWording = 'could not execute process `git';
const uvSpawnPattern = 'could not execute process `git [^`]*` \\(never executed\\)';
// pip's: `Cannot find command 'git' - do you have 'git' installed and in your PATH?` (pip 23.2's
// src/pip/_internal/vcs/versioncontrol.py raises it as `BadCommand` when running git gives FileNotFoundError),
// printed after `ERROR: ` (GokuMohandas/follow#9, pip 21); older pip printed `Cannot find command 'git'` alone
// (pypa/pipenv#2278, 2018). Not matched: pip's note that it cannot tell an editable install's
// version without git (`git command not found in path`, certbot/certbot#4382), which fails nothing.
const pipWording = "Cannot find command 'git'";
const pipPattern = "^(?:ERROR: )?Cannot find command 'git'";

/** The same advice for pip, which clones a `git+…` requirement with the git program. */
function pipVariant(when: string, fix: string) {
  return {
    when,
    message:
      'pip clones a requirement from a git repository (`git+https://…`) with the git program, and this environment has ' +
      'none: "Cannot find command \'git\'". The `Collecting … git+…` line above it names the requirement.',
    fix,
  };
}

// The distro is unknown: the Debian/Ubuntu line, how to tell the distro, and the other families' commands.
function dockerfileVariant(when: string) {
  return {
    when,
    message:
      'uv fetches a dependency from a git repository (`git+https://…`) with the git program, and this stage of ' +
      'the image has none: uv could not start `git`. The lines above it name the dependency.',
    fix: [
      'Install git in the same stage, before the `uv` step. On a Debian or Ubuntu base (python:*-slim, nvidia/cuda ' +
        'and most ML images; `cat /etc/os-release` in the stage tells):',
      '',
      '```dockerfile',
      `RUN ${aptInstallLine('git')}`,
      '```',
      'The package is also `git` on Alpine (`apk add --no-cache git`) and RHEL-like images (`dnf install -y git`). In a ' +
        'multi-stage build only the stage that runs uv needs git; the runtime stage that copies the environment does not.',
    ].join('\n'),
  };
}

export const vcsGitMissing: RuleInput = {
  id: 'pip/vcs-git-missing',
  title: 'git is not installed, and the installer needs it for a git dependency',
  severity: 'error',
  match: [
    { literals: [uvWording], pattern: 'Git executable not found\\. Ensure that Git is installed' },
    { literals: [uvSpawnWording], pattern: uvSpawnPattern },
    { literals: [pipWording], pattern: pipPattern },
  ],
  context: [{ name: 'pipGit', literals: [pipWording], pattern: pipPattern }],
  scope: 'step',
  only: 'failed-step',
  specificity: 3,
  enrich: 'git-install',
  message:
    'uv fetches a dependency from a git repository (`git+https://…`) with the git program, and this environment ' +
    'has none: uv could not start `git`. The lines above it name the dependency and what requires it.',
  fix: [
    'Install git where uv runs, then rerun the install; `git --version` checks it. The package is `git` on every ' +
      'common distribution (apt-get, dnf, apk).',
  ].join('\n'),
  variants: [
    pipVariant(
      'pipGit&fact.place=image-build&enrich.commandPackage',
      ['{enrich.installIntro} add this before the `pip install`, in the same stage:', '', '```dockerfile', '{enrich.installLine}', '```'].join('\n'),
    ),
    pipVariant(
      'pipGit&fact.place=image-build',
      [
        'Install git in the same stage, before the `pip install`. On a Debian or Ubuntu base (`cat /etc/os-release` in the stage tells):',
        '',
        '```dockerfile',
        `RUN ${aptInstallLine('git')}`,
        '```',
        'The package is also `git` on Alpine (`apk add --no-cache git`) and RHEL-like images (`dnf install -y git`).',
      ].join('\n'),
    ),
    pipVariant(
      'pipGit',
      'Install git where pip runs (the package is `git` on Debian, Ubuntu, Alpine and RHEL-like systems: `apt-get install -y git`, ' +
        '`apk add git`, `dnf install -y git`; in a Dockerfile, a `RUN` before the `pip install` in the same stage), then rerun the ' +
        'install; `git --version` checks it.',
    ),
    {
      // The base image's distro is known: the install line for it, in the Dockerfile.
      when: 'fact.place=image-build&enrich.commandPackage',
      message:
        'uv fetches a dependency from a git repository (`git+https://…`) with the git program, and this stage of ' +
        'the image ({fact.os}) has none: uv could not start `git`. The lines above it name the dependency.',
      fix: [
        '{enrich.installIntro} add this before the `uv` step, in the same stage:',
        '',
        '```dockerfile',
        '{enrich.installLine}',
        '```',
        'In a multi-stage build only the stage that runs uv needs git; the runtime stage that copies the environment does not.',
      ].join('\n'),
    },
    dockerfileVariant('fact.place=image-build'),
    // A pasted log without the Dockerfile excerpt: BuildKit's `process "/bin/sh -c …"` error still shows a RUN step.
    dockerfileVariant('enrich.failedRun'),
  ],
  docs: 'https://docs.astral.sh/uv/concepts/projects/dependencies/#git',
};
