// The rule format: rules are data (built-in catalog and users' files alike), validated with zod.
// Nothing in a rule is ever executed: patterns are regular expressions checked for linear time,
// templates are plain `{name}` substitution, enrichers are named built-in functions.
//
// Changes to this format since the first draft (all additive, existing rules stay valid):
// - `match` may be omitted when the rule has a `trigger` (a step-level condition instead of lines:
//   `{kind: 'failure'}` for the step-failed fallback, `{kind: 'slow-step', …}` for slow steps).
// - A context matcher can look at the step's instruction instead of its lines
//   (`source: 'instruction'`), and a variant's `when` can be negated (`when: '!name'`).
// - `maxFindings` caps how many findings one rule yields (default 20).
// - Templates also know `{platform}`, `{error}` (the step's error, or the solve error) and
//   `{duration}` (`8m 32s`); `{context.name.group}` is a named group of a context hit;
//   `{name|text}` writes `text` when `name` has no value; `{capture:words}` joins values with spaces;
//   `{any:sh}` writes a value as one shell word (quoted when it needs it); `${VAR}` (shell syntax) is left alone;
//   `{{` / `}}` write literal braces.
// - `only: 'passed-step'` (a step the log shows ending DONE), and a context can be `required`
//   (no finding in a scope without it): what a passing step printed, such as a failure it swallowed.
// - A rule can have a `when` of its own (the conditions of a variant's `when`): it fires only when
//   that holds (an instruction context, a fact); `repeated` names a capture one of whose values
//   must have been seen twice in the scope (the same wheel downloaded twice).
// - `evidence: 'last'`: the finding shows the scope's last matching line instead of its first ones
//   (where a build stopped: the last `[N/M]` progress line of a compile).
// - A condition can be `enrich.<key>`: one of the rule's enrichers gave that key a non-empty value
//   (a comparison no pattern can make, such as two CUDA versions seen on different lines).
// - A fact condition can order the fact's release against a value (`fact.os<=Ubuntu 20.04`, `fact.cuda>=12.0`):
//   it holds neither way when the fact is unknown or names another family (`Debian 12` against `Ubuntu …`).
// - Triggers `toolkit-copy` (a COPY --from of a builder's whole toolkit tree), `runtime-library` (a
//   program linked against a CUDA library copied into an image without it) and `cold-cache` (a
//   CI build that took nothing from a cache): step-level conditions with captures of their own.
// - Error findings of a build that did not fail are reported as warnings (an error explains why
//   a build failed), unless the log is an unframed paste whose outcome is unknown.
import { z } from 'zod';

const idPattern = /^[a-z0-9-]+\/[a-z0-9-]+$/;
const namePattern = /^[a-zA-Z][a-zA-Z0-9]*$/;
/**
 * One condition: a context name, `fact.<name>` with an optional `=value` (words may be separated by one space:
 * `fact.os=Ubuntu 22.04`) or an order `<=value`, `<value`, `>=value`, `>value` (`fact.os<=Ubuntu 20.04`: see
 * factOrder in render-finding.ts), or `enrich.<key>` (an enricher of the rule gave the key a value); `!` negates.
 */
const conditionSource = String.raw`!?(?:[a-zA-Z][a-zA-Z0-9]*|fact\.[a-zA-Z]+(?:(?:=|[<>]=?)[\w./-]+(?: [\w./-]+)*)?|enrich\.[a-zA-Z][a-zA-Z0-9]*)`;
const whenPattern = new RegExp(`^${conditionSource}(?:&${conditionSource})*$`);

const severitySchema = z.enum(['error', 'warning', 'notice']);

/** One thing to look for in a line. */
export const matcherSchema = z
  .object({
    /**
     * Literal substrings, one of which every matching line contains (case-sensitive unless
     * `ignoreCase`): the prefilter. A line without any of them never reaches `pattern`.
     */
    literals: z.array(z.string().min(2).max(200)).min(1),
    /** A JavaScript regular expression source with named groups; omitted = the literal is enough. */
    pattern: z.string().min(1).max(2000).optional(),
    /** Literals and pattern ignore case. */
    ignoreCase: z.boolean().optional(),
  })
  .strict();

/**
 * A rule's own line matcher. `atEnd`: the hit counts only when nothing but blank lines follows it in the log, or when the
 * grammar marks the log clipped right after it: for a wording cut off mid-word where a paste or a log stops
 * (`ImportError: libcudart.so.12: cannot open shared o`); the same prefix with more lines after it is no hit.
 */
export const lineMatcherSchema = matcherSchema.extend({ atEnd: z.boolean().optional() }).strict();

/** A matcher whose hits are remembered (per scope) and offered to templates and conditions. */
export const contextMatcherSchema = matcherSchema
  .extend({
    /** Name under which the hit is known: `{context.<name>}` in templates, `when: <name>` in variants. */
    name: z.string().regex(namePattern),
    /**
     * `line` (default): the scope's lines; `instruction`: the Dockerfile instruction of the step
     * (`RUN apt-get update && …`). An instruction context is unknown (neither `x` nor `!x` holds)
     * when the line is in no known step. `service`: the docker compose services whose lines the log shows, as compose's
     * prefix names them (`vllm` from `vllm_1   | …`, which the line stage takes off the text the other contexts read).
     */
    source: z.enum(['line', 'instruction', 'service']).optional(),
    /**
     * Count the hits' captures, not only the first: each distinct combination of the captures
     * once. With groups `candidate` and `version`, `{context.<name>.candidate:counts}` writes each
     * package with the number of its versions seen (`lm_eval (15), datasets (3)`).
     */
    tally: z.boolean().optional(),
    /**
     * Which hit `{context.<name>…}` shows: the `first` (default) or the `last` one of the scope
     * (pip names the package it stopped on last, after every `Collecting` before it).
     */
    keep: z.enum(['first', 'last']).optional(),
    /**
     * A hit of this context also becomes the hit of the context named here, and stays it: later
     * hits of that context no longer replace it. For a `keep: 'last'` context that a definite line
     * must win over: pip's `Failed building wheel for psutil` names the package that failed, and a
     * `Building wheel for python-multipart` that pip starts after it does not.
     */
    locks: z.string().regex(namePattern).optional(),
    /**
     * The finding needs this context: without a hit (or, for an instruction context, when the
     * step is unknown) the rule yields nothing in that scope.
     */
    required: z.boolean().optional(),
  })
  .strict();

/** A step-level condition, checked once per step when the build ends, instead of line matchers. */
export const triggerSchema = z.discriminatedUnion('kind', [
  /** Each failed step, or the solve error itself when no step failed. Evidence: the step's last lines. */
  z.object({ kind: z.literal('failure') }).strict(),
  /** A finished step that ran at least `minSeconds`; `foreign`: only on a platform other than the native one. */
  z
    .object({
      kind: z.literal('slow-step'),
      minSeconds: z.number().positive(),
      platform: z.enum(['foreign', 'any']).default('any'),
    })
    .strict(),
  /**
   * A finished `COPY --from=<stage>` of a whole tree that holds a CUDA toolkit when the stage
   * has one (`/usr/local`, `/usr/local/cuda`, `/opt/conda`). Captures `{from}`, `{path}`, `{proof}`,
   * and `{runtimeImage}` when the stage's devel image has a runtime counterpart.
   */
  z.object({ kind: z.literal('toolkit-copy') }).strict(),
  /**
   * A `COPY --from=<stage>` into the stage that ships, of a program the stage linked against CUPTI,
   * cuDNN or NCCL, when the log shows the shipping stage's base lacks the library and no step of it
   * brings the library. Captures `{library}`, `{file}`, `{from}`, `{linkedBy}`, `{image}`, `{lack}`,
   * `{libDir}`, `{program}`, and `{remedy}` when the base is an nvidia/cuda image.
   */
  z.object({ kind: z.literal('runtime-library') }).strict(),
  /**
   * A passing build on a GitHub-hosted runner in which no Dockerfile step came from the cache, at least
   * `minSeconds` of steps ran, and no cache was imported. Captures `{ran}` (steps that ran) and
   * `{ranFor}` (their time).
   */
  z.object({ kind: z.literal('cold-cache'), minSeconds: z.number().positive() }).strict(),
]);

const templateSchema = z.string().max(8000);

export const ruleSchema = z
  .object({
    id: z.string().regex(idPattern, 'ids are "family/name" in lower-case kebab'),
    title: z.string().min(3).max(200),
    severity: severitySchema,
    /** What makes a line count. Several matchers = any of them. Omitted only with a `trigger`. */
    match: z.array(lineMatcherSchema).min(1).optional(),
    /** A step-level condition instead of lines (see triggerSchema). */
    trigger: triggerSchema.optional(),
    /** Lines seen before or after in the same scope that change the story (`Found CUPTI` before a NOTFOUND). */
    context: z.array(contextMatcherSchema).optional(),
    /**
     * The rule fires only when this holds: the conditions of a variant's `when` (context names,
     * `fact.x`, `fact.x=value`, `!`, `&`).
     */
    when: z.string().regex(whenPattern).optional(),
    /** The rule fires only when one value of this named capture was seen at least twice in the scope. */
    repeated: z.string().regex(namePattern).optional(),
    /** A line matching one of these anywhere in the scope cancels the finding. */
    unless: z.array(matcherSchema).optional(),
    /** `step`: one finding per step (default); `build`: one finding for the whole log. */
    scope: z.enum(['step', 'build']).default('step'),
    /** At least this many matching lines in the scope before the rule fires. */
    minCount: z.number().int().min(1).default(1),
    /**
     * Only in a step that failed / only when the whole build failed. A log with no steps at all
     * (an unframed paste) says nothing about success and satisfies both. `passed-step`: only in a
     * step the log shows ending DONE (what a passing step printed, e.g. a failure it swallowed).
     */
    only: z.enum(['failed-step', 'failed-build', 'passed-step', 'any']).default('any'),
    /**
     * How specific the rule is, for ranking and for suppressing generic explanations of the same
     * failure: 3 = names the root cause (nvcc arch, OOM), 2 = tool-level (CMake Error, wheel build
     * failed), 1 = the step-failed fallback. In one failed step, error findings below the highest
     * specificity are dropped.
     */
    specificity: z.number().int().min(0).max(3).default(3),
    /** Message and fix templates: `{capture}`, `{capture:all}`, `{capture:words}`, `{capture:counts}`, `{any:sh}` (one shell word), `{count}`,
     * `{stage}`, `{instruction}`, `{step}`, `{seconds}`, `{duration}`, `{exitCode}`, `{platform}`,
     * `{error}`, `{context.name}`, `{context.name.group}`, `{enrich.key}`; `{name|fallback text}`. */
    message: templateSchema,
    fix: templateSchema,
    /** Alternative message / fix (and severity) when a named context matcher was (`x`) or was not (`!x`) seen. First wins. */
    variants: z
      .array(
        z
          .object({
            /**
             * `name` / `!name`: a context matcher was (not) seen; `fact.cuda`: the log shows the fact;
             * `fact.place=image-build`: the fact has that value; `fact.os<=Ubuntu 20.04`: the fact's release is
             * that one or older (`<`, `>=`, `>` alike; unknown, or another family, holds neither way); `enrich.key`: an enricher of the
             * rule gave `key` a non-empty value. `a&b`: all of them.
             */
            when: z.string().regex(whenPattern),
            title: z.string().min(3).max(200).optional(),
            severity: severitySchema.optional(),
            message: templateSchema.optional(),
            fix: templateSchema.optional(),
            retryable: z.boolean().optional(),
          })
          .strict(),
      )
      .optional(),
    /**
     * Named built-in enrichers that add `{enrich.*}` values (e.g. `cuda-arches`). The fallback buildkit/step-failed names
     * the likeliest cause of a cut log from several (exit, flash-attn, torch, apk pins, an apt release moved off its mirrors).
     */
    enrich: z.union([z.string(), z.array(z.string()).min(1).max(6)]).optional(),
    /**
     * Whether running the job again can help: a DNS failure, a registry 5xx or rate limit, a lost
     * runner (true); a deterministic failure such as a compiler error (false, the default).
     */
    retryable: z.boolean().default(false),
    /** Documentation link. */
    docs: z.string().url().optional(),
    /**
     * Which matching lines the finding shows: the first ones (default), or only the `last` one of the
     * scope (a progress line that says where a build stopped).
     */
    evidence: z.enum(['first', 'last']).optional(),
    /** At most this many findings from this rule (one per step at most); the rest are dropped. */
    maxFindings: z.number().int().min(1).max(1000).default(20),
    /** Users: `false` turns a built-in rule with this id off. */
    enabled: z.boolean().default(true),
  })
  .strict()
  .refine((rule) => rule.match !== undefined || rule.trigger !== undefined, {
    message: 'a rule needs "match" (line matchers) or "trigger"',
    path: ['match'],
  });

export type Matcher = z.infer<typeof matcherSchema>;
export type ContextMatcher = z.infer<typeof contextMatcherSchema>;
export type Trigger = z.infer<typeof triggerSchema>;
export type Rule = z.infer<typeof ruleSchema>;
/** What rule files are written as (defaults not yet applied). */
export type RuleInput = z.input<typeof ruleSchema>;
/** One alternative message / fix of a rule, as a catalog module writes it. */
export type RuleVariant = NonNullable<RuleInput['variants']>[number];

/** A user's rule file: `{ rules: [...] }`. A rule with a built-in id replaces it; `{id, enabled: false}` disables it. */
export const ruleFileSchema = z
  .object({
    rules: z.array(
      z.union([
        z.object({ id: z.string().regex(idPattern), enabled: z.literal(false) }).strict(),
        ruleSchema,
      ]),
    ),
  })
  .strict();
