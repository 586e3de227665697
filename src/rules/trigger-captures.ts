// The captures each trigger kind offers to templates. Apart from the schema, so that compiling the
// built-in catalog does not load the schema's validator (zod), which only a user's rules file needs.
import type { Trigger } from './schema.js';

/** Captures a trigger offers to templates, by kind. */
export const triggerCaptures: Readonly<Record<Trigger['kind'], readonly string[]>> = {
  failure: [],
  'slow-step': [],
  'toolkit-copy': ['from', 'path', 'proof', 'runtimeImage'],
  'runtime-library': ['library', 'file', 'from', 'linkedBy', 'image', 'lack', 'libDir', 'remedy', 'program'],
  'cold-cache': ['ran', 'ranFor'],
};
