// What a person meets first: --help that fits an 80-column terminal, the version under both of its
// usual spellings, and one line naming the option meant when one is mistyped.
import { describe, expect, it } from 'vitest';
import { cli } from './harness.js';
import { VERSION } from '../../src/version.js';
import { closestOption, optionsIn } from '../../src/cli/suggest.js';
import { USAGE } from '../../src/cli/args.js';

describe('--help', () => {
  it('fits in 80 columns', async () => {
    const { code, stdout } = await cli(['--help']);
    expect(code).toBe(0);
    const wide = stdout.split('\n').filter((l) => [...l].length > 80);
    expect(wide).toEqual([]);
    expect(stdout).toContain('--fail-on LEVEL');
  });
});

describe('the version', () => {
  it.each([['-v'], ['-V'], ['--version']])('%s prints it', async (flag) => {
    expect(await cli([flag])).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
  });
});

describe('a mistyped option', () => {
  it.each([
    [['--fromat', 'json', 'build.log'], 'buildkit-doctor: unknown option --fromat: did you mean --format? (see --help)\n'],
    [['--failon', 'never'], 'buildkit-doctor: unknown option --failon: did you mean --fail-on? (see --help)\n'],
    [['--dock', 'Dockerfile'], 'buildkit-doctor: unknown option --dock: did you mean --dockerfile? (see --help)\n'],
    [['--verbose'], 'buildkit-doctor: unknown option --verbose (see --help)\n'],
    [['--format'], 'buildkit-doctor: --format needs a value (see --help)\n'],
  ])('%j: one line, exit 2', async (argv, message) => {
    expect(await cli(argv)).toEqual({ code: 2, stdout: '', stderr: message });
  });

  it('is matched against the options the help names', () => {
    expect(optionsIn(USAGE)).toEqual(expect.arrayContaining(['--format', '--dockerfile', '--rules', '--fail-on', '--help', '--version']));
    expect(closestOption('--rule', optionsIn(USAGE))).toBe('--rules');
    expect(closestOption('--x', optionsIn(USAGE))).toBeNull();
  });
});
