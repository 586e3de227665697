// The files `npm run new-rule -- family/name` writes: the rule in the house style, a match and a
// nomatch fixture and the fixtures' provenance. Every text an author must replace says SCAFFOLD, and
// the registration test and the advice lint fail on that word: a scaffold works end to end (its
// fixtures run, its expected output is recorded) but cannot be committed as if it were a rule.
import { catalogDir, exportNameOf, fixturesDir, ruleIdPattern, SCAFFOLD } from './catalog.js';

export interface ScaffoldFile {
  /** Repository-relative path. */
  file: string;
  text: string;
}

/** The line the scaffolded rule matches, and its match fixture prints. */
export const scaffoldLine = `${SCAFFOLD}: the line the tool prints, copied from the match fixture`;

function ruleFile(id: string): string {
  return [
    `// ${SCAFFOLD}: what this rule recognises, in the words the tool prints, and the lines like it that it`,
    `// must not match (a warning, a benign sibling, a build that passed), with why. Where its advice comes`,
    `// from: every fact in the fix (package, version boundary, flag, URL) checked against its source and`,
    '// cited here; a fact the log does not show is never guessed: the fix says how to find it out.',
    "import type { RuleInput } from '../../schema.js';",
    '',
    `export const ${exportNameOf(id)}: RuleInput = {`,
    `  id: '${id}',`,
    `  title: '${SCAFFOLD}: what broke, in a few words',`,
    "  severity: 'error',",
    '  match: [',
    `    // ${SCAFFOLD}: the line quoted from the match fixture; a literal the prefilter can look for.`,
    `    { literals: ['${scaffoldLine}'] },`,
    '  ],',
    "  scope: 'step',",
    "  only: 'failed-step',",
    '  // 3 names the root cause; 2 a tool-level error (CMake Error, wheel build failed); 1 the fallback.',
    '  specificity: 3,',
    `  message: '${SCAFFOLD}: what broke, in the facts of the log.',`,
    `  fix: '${SCAFFOLD}: how to fix it, fitted to the build (CUDA version, distro, installer, image build or shell).',`,
    '};',
    '',
  ].join('\n');
}

/** The files of a new rule `family/name`, none of which may exist yet. */
export function scaffoldFiles(id: string): ScaffoldFile[] {
  if (!ruleIdPattern.test(id)) throw new Error(`${id}: a rule id is family/name in lower-case kebab (cuda/cuda-home-not-set)`);
  const fixtures = `${fixturesDir}/${id}`;
  return [
    { file: `${catalogDir}/${id}.ts`, text: ruleFile(id) },
    {
      file: `${fixtures}/match-scaffold.log`,
      text: [
        `${SCAFFOLD}: replace this file with real log lines that show the failure, kept byte for byte: from a public issue`,
        `${SCAFFOLD}: thread or a committed log, or printed by a real build on this machine. Never write a log line by hand.`,
        `${SCAFFOLD}: rename it match-<what it shows>.log and say where it comes from in README.md beside it.`,
        scaffoldLine,
        '',
      ].join('\n'),
    },
    {
      file: `${fixtures}/nomatch-scaffold.log`,
      text: [
        `${SCAFFOLD}: replace this file with real log lines the rule must not match (a warning with the same words, a`,
        `${SCAFFOLD}: benign sibling line, the build that passed), kept byte for byte with their provenance in README.md;`,
        `${SCAFFOLD}: rename it nomatch-<what it shows>.log.`,
        '',
      ].join('\n'),
    },
    {
      file: `${fixtures}/README.md`,
      text: [
        `# Provenance of the ${id} fixtures`,
        '',
        `${SCAFFOLD}: for each fixture, where its lines come from: the issue thread or committed log (repository,`,
        'number or path, author, date), or the command and versions that printed it on this machine.',
        '',
      ].join('\n'),
    },
  ];
}
