// `pip install lm-eval` with no version bound: when no release fits the image's pinned packages,
// pip's resolver walks back through every release of it (0.4.9.2 → 0.4.8 → … → 0.0.1), which took
// 19 minutes on amd64 and 29 hours under arm64 emulation before failing.
import { code, findingAt, runSource, type StaticCheck } from './check.js';
import { pipInstalls, runsCommand } from './shell-scan.js';

/**
 * Packages seen backtracking for hours, by normalised name (PEP 503), with why. Source: the
 * project's field notes (GPU devbox learnings, "Pip Resolver Backtracking Can Take Hours": lm-eval
 * requires datasets<4.0 while NVIDIA's PyTorch 25.11 image pins datasets 4.4.1).
 */
const KNOWN_BACKTRACKERS: ReadonlyMap<string, string> = new Map([
  ['lm-eval', 'lm-eval has dozens of releases and requires `datasets<4.0`, which conflicts with images that pin datasets 4.x'],
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
          findings.push(
            findingAt(pipUnboundedResolve, dockerfile, run, {
              message: `${code(`pip install ${hit.name}`)} has no version bound and no time limit: ${KNOWN_BACKTRACKERS.get(hit.name)}. When nothing fits, pip tries every release in turn ("pip is looking at multiple versions of ${hit.name}") for minutes to hours (29 hours under arm64 emulation) before failing.`,
              fix: [
                'Bound the version to one known to install here, and put a time limit on the step so a conflict fails fast:',
                '```dockerfile',
                `RUN timeout 300 pip install "${hit.name}==<version that fits>"`,
                '```',
                `Or make it optional with a build argument (\`ARG INSTALL_${hit.name.toUpperCase().replace(/-/g, '_')}=false\`) until a release fits the image's pinned packages.`,
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

function packagesIn(words: string[]): { name: string; bounded: boolean }[] {
  const packages: { name: string; bounded: boolean }[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word.startsWith('-')) {
      if (OPTIONS_WITH_VALUE.has(word)) i++;
      continue;
    }
    const parsed = requirement(word);
    if (parsed !== null) packages.push(parsed);
  }
  return packages;
}
