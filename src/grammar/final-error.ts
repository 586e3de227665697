// The last line of a failed build, in every generation of the Docker tooling:
//   ERROR: failed to solve: <message>                         buildx, docker ≥ 23
//   ERROR: failed to build: failed to solve: <message>        newer buildx
//   ERROR: target web: failed to solve: <message>             bake (`target web: …` from compose)
//   error: failed to solve: <message>, failed to solve: <message>   older buildx, docker compose
//   buildx failed with: ERROR: failed to build: failed to solve: …   docker/build-push-action (below)
//   failed to solve with frontend dockerfile.v0: <message>    docker 19.03 / 20.10
//   executor failed running [/bin/sh -c …]: exit code: 2      BuildKit before 0.11 (docker 20.10)
//   ERROR: Multi-platform build is not supported for the docker driver.   buildx refusing before BuildKit starts
//   ERROR: Cache export is not supported for the docker driver.             (the same, for --cache-to)
//   ERROR: failed to receive status: rpc error: code = Unavailable desc = …  the client lost the BuildKit daemon
//   process "/bin/sh -c …" did not complete successfully: exit code: 100   the message alone, as pasted
// Plain string tests, no regular expression: the line can be as long as the cap.
//
// docker/build-push-action fails the job with buildx's last stderr line behind its own lead (src/main.ts of the action):
// `buildx failed with: ` since v2.6.1, `buildx call failed with: ` in v2.0 to v2.5. The job log has it as
// `##[error]buildx failed with: …` (the line stage drops the marker), GitHub's web view as `Error: buildx failed with: …`.
// The lead is the only sign in such a line that the build ran in a GitHub Actions job: `buildPushActionLead` tells it.

const BUILD_PUSH_ACTION_LEADS = ['buildx failed with: ', 'buildx call failed with: '];
const LEADS = ['ERROR: ', 'error: ', 'Error: '];
const SOLVE = ['failed to solve with frontend dockerfile.v0: ', 'failed to solve: '];
// What buildx prints, in place of `failed to solve`, when it refuses a build before BuildKit runs it (recorded on the
// engines: fixtures/real/*/multi-platform-*.log). Only after an `ERROR: ` lead: pip and apt print `ERROR: …` too, so a
// refusal is known by its words, never by the lead alone.
const REFUSALS = [
  'Multi-platform build is not supported for the docker driver',
  'multiple platforms feature is currently not supported for docker driver',
  'docker exporter does not currently support exporting manifest lists',
  // `--cache-to` (build-push-action's `cache-to:`) on the docker driver: buildx 0.13 and 0.29 on the engines, and an older buildx.
  'Cache export is not supported for the docker driver',
  'Cache export feature is currently not supported for docker driver',
];
// The client lost its connection to BuildKit mid-build: BuildKit's client wraps the error of the daemon's status stream as
// `failed to receive status` (client/solve.go, `errors.Wrap(err, "failed to receive status")`), and buildx prints it as the
// build's last line (`ERROR: failed to receive status: rpc error: code = Unavailable desc = error reading from server: EOF`,
// microsoft/vscode-remote-release#7958, docker/buildx#2380, docker/buildx#2789; `error: …` from older buildx, RasaHQ/rasa#11304).
// No build ends well after it, whatever its steps printed: the message is the build's error. Only after a lead, as the refusals.
const CLIENT_LOST = ['failed to receive status: '];
const REFUSED_OR_LOST = [...REFUSALS, ...CLIENT_LOST];

/** The length of docker/build-push-action's lead at the start of the line (`Error: ` included), 0 when it has none. */
export function buildPushActionLead(text: string): number {
  const from = text.startsWith('Error: ') ? 7 : 0;
  for (const lead of BUILD_PUSH_ACTION_LEADS) {
    if (text.startsWith(lead, from)) return from + lead.length;
  }
  return 0;
}

/**
 * A line pasted inside double quotes (`"ERROR: failed to solve: process "/bin/sh -c …" did not
 * complete successfully: exit code: 1"`, as people quote an error in an issue): the line itself.
 */
function unquoted(text: string): string {
  return text.length > 2 && text.charCodeAt(0) === 34 && text.charCodeAt(text.length - 1) === 34 ? text.slice(1, -1) : text;
}

/** The message of a final error line, or null when the line is not one. */
export function parseFinalError(quoted: string): string | null {
  const text = unquoted(quoted);
  if (text.startsWith('executor failed running [')) return text;
  let rest = text.slice(buildPushActionLead(text));
  for (let round = 0; round < 2; round++) {
    for (const lead of LEADS) {
      if (rest.startsWith(lead)) {
        rest = rest.slice(lead.length);
        break;
      }
    }
  }
  if (rest.startsWith('target ')) {
    const colon = rest.indexOf(': ');
    if (colon < 0 || rest.slice(7, colon).includes(' ')) return null;
    rest = rest.slice(colon + 2);
  }
  if (rest.startsWith('failed to build: ')) rest = rest.slice('failed to build: '.length);
  for (const solve of SOLVE) {
    if (rest.startsWith(solve)) return rest.slice(solve.length);
  }
  if (rest !== text && REFUSED_OR_LOST.some((refusal) => rest.startsWith(refusal))) return rest;
  if (rest.startsWith('executor failed running [') && rest !== text) return rest;
  // The message alone, pasted without its `ERROR: failed to solve: ` (prefix-dev/pixi-docker#172: `process
  // "/dev/.buildkit_qemu_emulator /bin/sh -c apt-get update && …" did not complete successfully: exit code: 100`).
  // BuildKit's own wording from both ends: the `process "` start and the closing words with the exit code.
  if (rest.startsWith('process "') && rest.includes('" did not complete successfully: exit code: ')) return rest;
  return null;
}

export { exitCodeOf } from './exit-code.js';

const PARSE_ERROR = 'dockerfile parse error ';

/**
 * The Dockerfile line a parse error names, for engines that print no excerpt: BuildKit 0.8
 * (docker 20.10) ends with `failed to solve with frontend dockerfile.v0: failed to create LLB
 * definition: dockerfile parse error line 3: unknown instruction: COPPY`; newer frontends say
 * `… on line 3: …`, and some capitalise `Dockerfile`. Null when the message names no line.
 */
export function parseErrorLineOf(message: string): number | null {
  const at = message.toLowerCase().indexOf(PARSE_ERROR);
  if (at < 0) return null;
  let rest = message.slice(at + PARSE_ERROR.length);
  if (rest.startsWith('on ')) rest = rest.slice(3);
  if (!rest.startsWith('line ')) return null;
  let end = 5;
  while (end < rest.length && end < 15 && rest.charCodeAt(end) >= 48 && rest.charCodeAt(end) <= 57) end++;
  if (end === 5 || end >= 15 || rest[end] !== ':') return null;
  const line = Number(rest.slice(5, end));
  return line >= 1 ? line : null;
}
