// The environment of the command the action's `run` input wraps. The build is the pull request's
// code (its Dockerfile, its setup.py, its scripts): it must not read the token this action writes
// comments with. The runner hands the action every input as `INPUT_<NAME>` (the token as
// `INPUT_GITHUB-TOKEN`), which a plain `run:` step never sees; those go, and so does any variable
// that holds the token itself (`GITHUB_TOKEN: ${{ github.token }}` in the step's env).
//
// What this cannot stop: a process of the same user can read the action's own start-up
// environment from /proc/<pid>/environ, and GitHub-hosted runners give every step passwordless
// sudo. Give the token no more than `pull-requests: write` (README, Security).

/** The environment for the wrapped command: ours, less the inputs and anything holding a secret. */
export function commandEnvironment(env: NodeJS.ProcessEnv, secrets: readonly string[]): NodeJS.ProcessEnv {
  const values = secrets.filter((s) => s.length >= 8);
  const out: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || name.toUpperCase().startsWith('INPUT_')) continue;
    if (values.some((secret) => value.includes(secret))) continue;
    out[name] = value;
  }
  return out;
}
