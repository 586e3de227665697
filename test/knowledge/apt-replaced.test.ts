// apt's "not available, but is referred to by another package" blocks, and the `apt-replaced` enricher.
import { describe, expect, test } from 'vitest';
import { aptReplacedEnrich, readObsolete, successorOf } from '../../src/knowledge/apt-replaced.js';
import { makeModel, makeStep } from '../support/builders.js';
import { factsFor } from '../../src/facts/fact-view.js';
import type { Step } from '../../src/model/types.js';

const block = (name: string, list: string[] | null): string[] => [
  `Package ${name} is not available, but is referred to by another package.`,
  'This may mean that the package is missing, has been obsoleted, or',
  'is only available from another source',
  ...(list === null ? [] : ['However the following packages replace it:', ...list]),
  '',
];

function step(instruction: string, tail: string[]): Step {
  return makeStep({ instruction, tail });
}

const facts = factsFor({}, null, makeModel());

describe('reading apt\'s blocks', () => {
  test('the list of each name, wrapped lines joined, arch suffixes kept', () => {
    const r = readObsolete([
      ...block('python-dev', ['  python2-dev:i386 python2:i386 python2-dev python2', '  python-dev-is-python3']),
      ...block('python-numpy', null),
      "E: Package 'python-dev' has no installation candidate",
      "E: Package 'python-numpy' has no installation candidate",
    ]);
    expect(r.obsolete).toBe(true);
    expect(r.failed).toEqual(['python-dev', 'python-numpy']);
    expect(r.aptLists.get('python-dev')).toEqual(['python2-dev:i386', 'python2:i386', 'python2-dev', 'python2', 'python-dev-is-python3']);
    expect(r.aptLists.has('python-numpy')).toBe(false);
  });

  test('Unable to locate alone is not an obsolete name', () => {
    const r = readObsolete(['E: Unable to locate package nvtop']);
    expect(r.obsolete).toBe(false);
    expect(r.failed).toEqual(['nvtop']);
  });
});

describe('the apt-replaced enricher', () => {
  test('the step\'s own install line with the swaps made, -y added where apt-get had it before install', () => {
    const s = step('RUN apt-get -y install curl python make g++', [...block('python', ['  python-is-python3 2to3']), "E: Package 'python' has no installation candidate"]);
    const out = aptReplacedEnrich({}, s, makeModel(), facts);
    expect(out.replacedSwaps).toBe('python → python3 python-is-python3');
    expect(out.replacedInstall).toBe('-y curl python3 python-is-python3 make g++');
    expect(out.replacedAptSaid).toContain('python-is-python3 2to3');
    expect(out.replacedPython2).toBeUndefined();
  });

  test('apt\'s only replacement of a name the table does not know is taken as it is', () => {
    const s = step('RUN apt-get install -y libpython-dev', [...block('libpython-dev', ['  libpython2-dev']), "E: Package 'libpython-dev' has no installation candidate"]);
    expect(aptReplacedEnrich({}, s, makeModel(), facts).replacedInstall).toBe('-y libpython2-dev');
  });

  test('a Python 2 module with no list: its Python 3 name to check, no install line', () => {
    const s = step('RUN docker-apt-install python-casacore', [...block('python-casacore', null), "E: Package 'python-casacore' has no installation candidate"]);
    const out = aptReplacedEnrich({}, s, makeModel(), facts);
    expect(out.replacedCheck).toBe('python3-casacore');
    expect(out.replacedInstall).toBeUndefined();
  });

  test('several listed names and none the table knows: nothing chosen for the user', () => {
    const s = step('RUN apt-get install -y foo', [...block('foo', ['  foo-a foo-b']), "E: Package 'foo' has no installation candidate"]);
    const out = aptReplacedEnrich({}, s, makeModel(), facts);
    expect(out.replacedSwaps).toBeUndefined();
    expect(out.replacedOpen).toBe('foo');
  });

  test('one name of the dropped-packages table is left to that story; no block, no values', () => {
    const pip = step('RUN apt-get install -y python-pip', [...block('python-pip', ['  python3-pip']), "E: Package 'python-pip' has no installation candidate"]);
    expect(aptReplacedEnrich({}, pip, makeModel(), facts)).toEqual({});
    const bare = step('RUN apt-get install -y python', ['E: Unable to locate package python']);
    expect(aptReplacedEnrich({}, bare, makeModel(), facts)).toEqual({});
  });

  test('a block among names apt cannot locate at all (no lists: the installed packages refer to it) is the missing lists\' story', () => {
    // Ubuntu 14.04 with no apt-get update (hughperkins/howto-jenkins-ssl#2): bash Replaces bash-completion.
    const s = step('RUN apt-get install -y git bash-completion nginx', [
      ...block('bash-completion', ['  bash']),
      'E: Unable to locate package git',
      'E: Unable to locate package nginx',
    ]);
    expect(aptReplacedEnrich({}, s, makeModel(), facts)).toEqual({});
  });

  test('python-pip keeps its table replacement when it fails with another name', () => {
    expect(successorOf('python-pip')?.install).toEqual(['python3-pip']);
    expect(successorOf('libgl1')).toBeNull();
  });
});
