// What the rules about a failed or endless flash-attn compile (wheel build failed, compiler killed,
// job timed out, runner lost, no nvcc / CUDA_HOME, torch missing at build time) share: the lines that
// show flash-attn was compiled from source and for what, and the advice of the `flash-attn-wheel`
// enricher (knowledge/flash-attn-wheel-enricher.ts) in a rule's fix. Where the release published the
// wheel for this build, the fix installs it instead of compiling; where it did not, or the log does
// not tell, `{enrich.faNote}` says so after the rule's own fix.
import type { RuleInput, RuleVariant as Variant } from '../../schema.js';

type Context = NonNullable<RuleInput['context']>[number];

const FA_VERSION = '(?<version>\\d{1,3}\\.\\d{1,3}(?:\\.\\d{1,3})?(?:\\.post\\d{1,3})?)';

export const flashAttnWheelContexts: readonly Context[] = [
  // flash-attn compiled from source: its sdist, its wheel build (pip's `Failed building wheel for flash-attn`, pip 25's
  // `Failed to build flash-attn` / `Failed to build 'flash-attn' when …`), uv's `flash-attn@2.7.3` / `flash-attn==2.7.4.post1`, setup.py's guess.
  {
    name: 'faSource',
    literals: ['Building wheel for flash', 'Failed building wheel for flash', 'Failed to build flash', "Failed to build 'flash", 'flash_attn-', 'flash-attn@', '`flash-attn==', 'Guessing wheel URL'],
    pattern: "(?:Failed b|B)uilding wheel for flash[-_]attn\\b|Failed to build '?flash[-_]attn\\b|" +
      'flash_attn-\\d[\\w.]{0,30}\\.tar\\.gz|`flash-attn(?:@|==)\\d|Guessing wheel URL:\\s{0,4}https://github\\.com/Dao-AILab/flash-attention/',
  },
  // The release: `Collecting flash-attn==2.6.3`, `Downloading flash_attn-2.6.3.tar.gz`, uv's `flash-attn@2.7.3`.
  {
    name: 'faVersion',
    literals: ['flash-attn==', 'flash_attn==', 'flash_attn-', 'flash-attn@'],
    pattern: `(?:flash[-_]attn==|flash_attn-|flash-attn@)${FA_VERSION}(?![\\w])(?:\\.tar\\.gz|[\\s\`'"]|$)`,
  },
  // setup.py's own guess: `Guessing wheel URL:  https://github.com/Dao-AILab/flash-attention/releases/download/v2.7.2.post1/flash_attn-2.7.2.post1+cu12torch2.4cxx11abiFALSE-cp310-cp310-linux_x86_64.whl`
  {
    name: 'faGuess',
    literals: ['Guessing wheel URL'],
    pattern:
      'Guessing wheel URL:\\s{1,4}(?<url>https://github\\.com/Dao-AILab/flash-attention/releases/download/v[\\w.]{1,40}/flash_attn-' +
      `${FA_VERSION}\\+(?<cuda>cu\\d{2,3})torch(?<torch>\\d{1,2}\\.\\d{1,2})cxx11abi(?<abi>TRUE|FALSE)-cp(?<py>3\\d{1,2})-cp3\\d{1,2}-(?<plat>[a-z0-9_]{1,40})\\.whl)`,
  },
  { name: 'faNotFound', literals: ['Precompiled wheel not found'] },
  // flash-attn's setup.py prints the torch it imported: `torch.__version__  = 2.3.0a0+ebedce2`
  { name: 'faTorch', literals: ['torch.__version__'], pattern: 'torch\\.__version__\\s{1,4}=\\s{1,4}(?<version>\\d[\\w.+]{0,40})' },
];

/** The fix when the release published the wheel: install it, and the rule's way to compile anyway. */
function wheelFix(imageBuild: boolean, compileAnyway: string): string {
  const block = imageBuild
    ? ['```dockerfile', 'RUN {enrich.faWheelCommand}', '```']
    : ['```sh', '{enrich.faWheelCommand}', '```'];
  return [
    '{enrich.faWheel}',
    '',
    ...block,
    '{enrich.faWheelNote}',
    '',
    `To compile it anyway: ${compileAnyway}`,
  ].join('\n');
}

/**
 * The variants to put first in a rule's list: the wheel install when the table says the release published it,
 * in a Dockerfile for an image build. `compileAnyway` is the rule's own advice in one sentence; `message` and
 * `title` keep the rule's own where given.
 */
export function flashAttnWheelVariants(compileAnyway: string, keep: Pick<Variant, 'title' | 'message'> = {}): Variant[] {
  return [
    { when: 'enrich.faWheelUrl&fact.place=image-build', ...keep, fix: wheelFix(true, compileAnyway) },
    { when: 'enrich.faWheelUrl', ...keep, fix: wheelFix(false, compileAnyway) },
  ];
}

/** A rule's fix with the enricher's note after it (empty unless flash-attn was compiled here and published no wheel, or the log lacks a fact). */
export function withFlashAttnNote(fix: string): string {
  return `${fix}\n\n{enrich.faNote}`;
}

/** Variants with the enricher's note after each fix. */
export function withFlashAttnNotes(variants: readonly Variant[]): Variant[] {
  return variants.map((v) => (v.fix === undefined ? v : { ...v, fix: withFlashAttnNote(v.fix) }));
}

/** A rule's variants behind the wheel-install ones, each fix followed by the enricher's note. */
export function withFlashAttnVariants(compileAnyway: string, variants: readonly Variant[], keep: Pick<Variant, 'title' | 'message'> = {}): Variant[] {
  return [...flashAttnWheelVariants(compileAnyway, keep), ...withFlashAttnNotes(variants)];
}
