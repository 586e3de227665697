// The action's `build-ref` input: which build records to read (src/core/build-record.ts).
//   auto          the records this job produced (created since the job started)
//   REF           a record's id, `builder/node/id` as buildx prints it, or `^N`; one per line for several
//   {…}           docker/build-push-action's `metadata` output: its `buildx.build.ref` is
//                 `builder/node/id`; docker/bake-action's has one object per target, each with its own
// A ref that names its builder is read from that builder (setup-buildx-action's builder need not
// be the current one).
import { InputError } from '../core/errors.js';

export interface RecordRef {
  /** The record id, or `^N`. */
  ref: string;
  /** The builder the ref names (`builder/node/id`), null for the current one. */
  builder: string | null;
}

export type BuildRefInput = { kind: 'auto' } | { kind: 'refs'; refs: RecordRef[] };

const ID = /^[a-z0-9]{1,64}$/;
const METADATA_KEY = 'buildx.build.ref';

/** `builder/node/id`, `id` or `^N` → a ref; an InputError naming the input for anything else. */
export function recordRefOf(text: string): RecordRef {
  const value = text.trim();
  if (/^\^\d{1,6}$/.test(value)) return { ref: value, builder: null };
  const parts = value.split('/');
  const id = parts.at(-1) ?? '';
  if (!ID.test(id) || parts.length > 3 || parts.some((p) => p === '')) {
    throw new InputError(`input build-ref: "${value.slice(0, 80)}" is not a build record ref (auto, a record id, builder/node/id, ^N, or build-push-action's metadata output)`);
  }
  return { ref: id, builder: parts.length === 3 ? parts[0]! : null };
}

/** Every `buildx.build.ref` of a metadata object: at its top (build-push-action) or one level down (bake-action). */
function metadataRefs(doc: unknown): string[] {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return [];
  const record = doc as Record<string, unknown>;
  if (typeof record[METADATA_KEY] === 'string') return [record[METADATA_KEY]];
  return Object.values(record).flatMap((value) => {
    const inner = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[METADATA_KEY] : undefined;
    return typeof inner === 'string' ? [inner] : [];
  });
}

export function parseBuildRef(raw: string): BuildRefInput | null {
  const value = raw.trim();
  if (value === '') return null;
  if (value.toLowerCase() === 'auto') return { kind: 'auto' };
  if (value.startsWith('{')) {
    let doc: unknown;
    try {
      doc = JSON.parse(value);
    } catch {
      throw new InputError('input build-ref: not valid JSON (give build-push-action\'s metadata output as it is: ${{ steps.build.outputs.metadata }})');
    }
    const refs = metadataRefs(doc);
    if (refs.length === 0) throw new InputError(`input build-ref: the metadata has no "${METADATA_KEY}" (it comes from docker/build-push-action or docker/bake-action with buildx 0.11 or later)`);
    return { kind: 'refs', refs: refs.map(recordRefOf) };
  }
  const lines = value.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  return { kind: 'refs', refs: lines.map(recordRefOf) };
}
