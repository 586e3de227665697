// A BuildKit vertex name → what it says about the step. Names look like
//   [builder 7/10] RUN python setup.py build       (stage builder, 7th of 10 instructions)
//   [ 3/10] RUN make                               (no stage name; k padded to the width of n)
//   [linux/arm64 builder 3/7] RUN …                (platform first, in multi-platform builds)
//   [web builder 2/5] RUN …                        (bake / compose target first)
//   [internal] load build definition from Dockerfile, [web internal] …, [auth] …, [context cuda] …
//   exporting to image, resolve image config for docker.io/…
// Only `k/n` marks a Dockerfile instruction; everything else is BuildKit's own work (internal).
import type { StepHeader } from './events.js';

function isCount(token: string): boolean {
  const slash = token.indexOf('/');
  if (slash <= 0 || slash === token.length - 1) return false;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (i !== slash && (c < 48 || c > 57)) return false;
  }
  return true;
}

/** `linux/arm64`, `linux/arm/v7`, `linux/amd64->arm64`: a platform has a `/` and starts with a letter. */
function isPlatform(token: string): boolean {
  const c = token.charCodeAt(0);
  return token.includes('/') && ((c >= 97 && c <= 122) || (c >= 65 && c <= 90));
}

export function parseVertexName(id: number, name: string): StepHeader {
  const header: StepHeader = {
    id,
    stage: null,
    index: null,
    total: null,
    instruction: name,
    platform: null,
    target: null,
    internal: true,
  };
  if (!name.startsWith('[')) return header;
  const close = name.indexOf(']');
  if (close < 0) return header;
  // The words between the brackets, cut by hand: this runs for every header of a bake of thousands of steps.
  const words: string[] = [];
  for (let i = 1, start = 1; i <= close; i++) {
    if (i < close && name.charCodeAt(i) !== 32) continue;
    if (i > start) words.push(name.slice(start, i));
    start = i + 1;
  }
  header.instruction = name.slice(close + 1).trimStart();
  const last = words[words.length - 1];
  if (last !== undefined && isCount(last)) {
    const slash = last.indexOf('/');
    header.index = Number(last.slice(0, slash));
    header.total = Number(last.slice(slash + 1));
    header.internal = false;
    words.pop();
  }
  const names: string[] = [];
  for (const word of words) {
    if (header.platform === null && isPlatform(word)) header.platform = word;
    else if (word === 'internal' || word === 'auth') header.internal = true;
    else names.push(word);
  }
  if (header.index !== null) {
    // `[web builder 2/5]`: target then stage; `[builder 2/5]`: a stage (a bake target alone
    // cannot be told from a stage name in one line, and stages are far more common).
    header.stage = names.length > 0 ? names[names.length - 1]! : null;
    header.target = names.length > 1 ? names[0]! : null;
  } else if (names.length === 2 && names[0] === 'context') {
    // `[context cuda] load from client`: a named build context (`--build-context cuda=…`), not a target.
    header.internal = true;
    header.namedContext = names[1]!;
  } else {
    // `[web] exporting to image`, `[web internal] load …`: only a target can stand here.
    header.target = names.length > 0 ? names[0]! : null;
  }
  return header;
}

/**
 * `[worker 1/4] FROM …` reads as stage `worker`, but in a bake or compose log it is target `worker`
 * building a Dockerfile whose stages have no names (BuildKit prints none for `FROM x` without
 * `AS`). Every target's `[worker internal] load build definition …` comes before its first
 * instruction, so a single name that is a target seen earlier in the log is that target.
 */
export function withKnownTarget(header: StepHeader, targets: ReadonlySet<string>): StepHeader {
  if (header.target !== null || header.stage === null || header.index === null || !targets.has(header.stage)) return header;
  return { ...header, target: header.stage, stage: null };
}
