// `pip install lm-eval` with no version bound: when no release fits the image's pinned packages,
// pip's resolver walks back through every release of it (0.4.9.2 → 0.4.8 → … → 0.0.1) before
// failing, which takes minutes to hours. A `timeout` around pip is not a fix (it only makes the
// failure come sooner), so the advice is a bound that fits; a RUN that already wraps the install in
// `timeout` was bounded on purpose and is left alone.
import { code, findingAt, runSource, type StaticCheck } from './check.js';
import { pipInstalls, runsCommand } from './shell-scan.js';

interface Backtracker {
  /** Why nothing may fit. */
  why: string;
  /** A lower bound that installs next to the packages that cause the conflict, and what it fits. */
  bound: string;
  boundFits: string;
}

/**
 * Packages seen backtracking for long, by normalised name (PEP 503). Sources: lm-eval pins
 * `datasets<4.0` (EleutherAI/lm-evaluation-harness#3310, for lm_eval 0.4.9.1, pinned in #3172 after
 * datasets 4.0.0); huggingface/optimum-habana#2380 moved to lm-eval 0.4.11 "for compatibility with
 * datasets>=4.0".
 */
const KNOWN_BACKTRACKERS: ReadonlyMap<string, Backtracker> = new Map([
  [
    'lm-eval',
    {
      why: 'lm-eval 0.4.9.x requires `datasets<4.0`, so with datasets 4.x in the image pip rejects release after release',
      bound: '>=0.4.11',
      boundFits: 'lm-eval 0.4.11 installs with datasets 4.x',
    },
  ],
]);

/** Options of `pip install` that take a value in the next word. */
const OPTIONS_WITH_VALUE = new Set(['-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-i', '--index-url', '--extra-index-url', '-f', '--find-links', '--target', '-t', '--prefix', '--root', '--platform', '--python-version', '--implementation', '--abi', '--only-binary', '--no-binary', '--progress-bar', '--timeout', '--retries', '--cache-dir', '--src', '--upgrade-strategy', '--report', '--config-settings', '-C', '--global-option']);

function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** `lm-eval[api]` → name and whether the requirement carries any version specifier or URL. */
function requirement(word: string): { name: string; bounded: boolean } | null {
  let end = 0;
  while (end < word.length && /[A-Za-z0-9._-]/.test(word[end]!)) end++;
  if (end === 0 || !/[A-Za-z0-9]/.test(word[0]!)) return null;
  let rest = word.slice(end);
  // `lm-eval[api]`: extras are not a bound.
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    rest = close < 0 ? '' : rest.slice(close + 1);
  }
  // Anything after `;` is an environment marker (`; python_version < "3.12"`), not a bound.
  const spec = rest.split(';', 1)[0]!.trim();
  return { name: normaliseName(word.slice(0, end)), bounded: spec.startsWith('@') || /[<>=!~]/.test(spec) };
}

export const pipUnboundedResolve: StaticCheck = {
  id: 'dockerfile/pip-unbounded-resolve',
  title: 'pip install of a package known to backtrack for hours',
  severity: 'warning',
  sameProblemAs: ['pip/resolver-backtracking', 'pip/resolution-impossible'],
  docs: 'https://pip.pypa.io/en/stable/topics/dependency-resolution/',
  check(dockerfile) {
    const findings = [];
    for (const stage of dockerfile.stages) {
      for (const run of stage.instructions) {
        if (run.keyword !== 'RUN') continue;
        const source = runSource(run);
        if (runsCommand(source, 'timeout')) continue;
        for (const install of pipInstalls(source)) {
          const hit = packagesIn(install.words).find((r) => !r.bounded && KNOWN_BACKTRACKERS.has(r.name));
          if (hit === undefined) continue;
          const known = KNOWN_BACKTRACKERS.get(hit.name)!;
          // quoted: an unquoted `>=` is a shell redirection
          const bounded = install.words.map((w) => (w === hit.word ? `"${w}${known.bound}"` : /[<>|&;]/.test(w) ? `"${w}"` : w));
          findings.push(
            findingAt(pipUnboundedResolve, dockerfile, run, {
              message: `${code(`pip install ${hit.word}`)} has no version bound: ${known.why}. When nothing fits, pip tries every release in turn ("pip is looking at multiple versions of ${hit.name}"), for minutes to hours, before failing.`,
              fix: [
                `Bound it to releases that fit (${known.boundFits}), so pip resolves at once or fails at once:`,
                '```dockerfile',
                `RUN pip install ${bounded.join(' ')}`,
                '```',
                `If the image must keep packages that no ${hit.name} release accepts, leave it out of the default build with a build argument (\`ARG INSTALL_${hit.name.toUpperCase().replace(/-/g, '_')}=false\`) or install it in its own image.`,
              ].join('\n'),
            }),
          );
          break;
        }
      }
    }
    return findings;
  },
};

function packagesIn(words: string[]): { name: string; word: string; bounded: boolean }[] {
  const packages: { name: string; word: string; bounded: boolean }[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word.startsWith('-')) {
      if (OPTIONS_WITH_VALUE.has(word)) i++;
      continue;
    }
    const parsed = requirement(word);
    if (parsed !== null) packages.push({ ...parsed, word });
  }
  return packages;
}
