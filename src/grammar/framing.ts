// What the grammars and the build model agree on: which formats frame a build (their steps are
// the build; text outside them is not a step), and how many steps either keeps at most.
import type { LogFormat } from './events.js';

export const FRAMED_FORMATS: ReadonlySet<LogFormat> = new Set<LogFormat>(['buildkit-plain', 'buildkit-tty', 'buildkit-rawjson', 'classic', 'buildah']);

/** Steps registered at most; a build with more is far beyond any real Dockerfile. */
export const MAX_STEPS = 5000;
