// The rule format: rules are data (built-in catalog and users' files alike), validated with zod.
// Nothing in a rule is ever executed: patterns are regular expressions checked for linear time,
// templates are plain `{name}` substitution, enrichers are named built-in functions.
import { z } from 'zod';

const idPattern = /^[a-z0-9-]+\/[a-z0-9-]+$/;

/** One thing to look for in a line. */
export const matcherSchema = z.object({
  /**
   * Literal substrings, one of which every matching line contains (case-sensitive unless
   * `ignoreCase`): the prefilter. A line without any of them never reaches `pattern`.
   */
  literals: z.array(z.string().min(2)).min(1),
  /** A JavaScript regular expression source with named groups; omitted = the literal is enough. */
  pattern: z.string().optional(),
  ignoreCase: z.boolean().optional(),
});

/** A matcher whose hits are remembered (per scope) and offered to templates and conditions. */
export const contextMatcherSchema = matcherSchema.extend({
  /** Name under which the hit is known: `{context.<name>}` in templates, `when: <name>` in variants. */
  name: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/),
});

const templateSchema = z.string().max(8000);

export const ruleSchema = z
  .object({
    id: z.string().regex(idPattern, 'ids are "family/name" in lower-case kebab'),
    title: z.string().min(3).max(200),
    severity: z.enum(['error', 'warning', 'notice']),
    /** What makes a line count. Several matchers = any of them. */
    match: z.array(matcherSchema).min(1),
    /** Lines seen before or after in the same scope that change the story (`Found CUPTI` before a NOTFOUND). */
    context: z.array(contextMatcherSchema).optional(),
    /** A line matching one of these anywhere in the scope cancels the finding. */
    unless: z.array(matcherSchema).optional(),
    /** `step`: one finding per step (default); `build`: one finding for the whole log. */
    scope: z.enum(['step', 'build']).default('step'),
    /** At least this many matching lines in the scope before the rule fires. */
    minCount: z.number().int().min(1).default(1),
    /** Only in a step that failed (`error`) / only when the whole build failed. */
    only: z.enum(['failed-step', 'failed-build', 'any']).default('any'),
    /**
     * How specific the rule is, for ranking and for suppressing generic explanations of the same
     * failure: 3 = names the root cause (nvcc arch, OOM), 2 = tool-level (CMake Error, wheel build
     * failed), 1 = the step-failed fallback. In one failed step, error findings below the highest
     * specificity are dropped.
     */
    specificity: z.number().int().min(0).max(3).default(3),
    /** Message and fix templates: `{capture}`, `{capture:all}`, `{capture:counts}`, `{count}`,
     * `{stage}`, `{instruction}`, `{step}`, `{seconds}`, `{exitCode}`, `{context.name}`, `{enrich.key}`. */
    message: templateSchema,
    fix: templateSchema,
    /** Alternative message / fix (and severity) when a named context matcher was seen. First wins. */
    variants: z
      .array(
        z.object({
          when: z.string(),
          title: z.string().optional(),
          severity: z.enum(['error', 'warning', 'notice']).optional(),
          message: templateSchema.optional(),
          fix: templateSchema.optional(),
        }),
      )
      .optional(),
    /** Named built-in enricher that adds `{enrich.*}` values (e.g. `cuda-arches`). */
    enrich: z.string().optional(),
    /** Documentation link. */
    docs: z.string().url().optional(),
    /** Users: `false` turns a built-in rule with this id off. */
    enabled: z.boolean().default(true),
  })
  .strict();

export type Matcher = z.infer<typeof matcherSchema>;
export type ContextMatcher = z.infer<typeof contextMatcherSchema>;
export type Rule = z.infer<typeof ruleSchema>;
/** What rule files are written as (defaults not yet applied). */
export type RuleInput = z.input<typeof ruleSchema>;

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
