// A source added by the failing step before any key for it: the keyring and signed-by source line for that repository.
import { describe, expect, test } from 'vitest';
import { parseDebLine, repoKeyOrderEnrich } from '../../src/knowledge/apt-repo-key-order.js';
import { factsFor } from '../../src/facts/fact-view.js';
import { makeModel } from '../support/builders.js';

const noFacts = factsFor({}, null, makeModel());

describe('parseDebLine', () => {
  test('a plain one-line source', () => {
    expect(parseDebLine('deb http://debian.drdteam.org stable multiverse')).toEqual({
      url: 'http://debian.drdteam.org',
      host: 'debian.drdteam.org',
      rest: 'stable multiverse',
    });
  });

  test('options or no suite: no reading', () => {
    expect(parseDebLine('deb [arch=amd64] https://download.docker.com/linux/ubuntu focal stable')).toBeNull();
    expect(parseDebLine('deb http://example.org')).toBeNull();
  });
});

describe('repoKeyOrderEnrich', () => {
  const base = { 'context.addRepo.line': 'deb http://debian.drdteam.org stable multiverse', key: '392203ABAF88540B' };

  test('the refused repository is the one the step adds: keyring and signed-by source', () => {
    expect(repoKeyOrderEnrich({ ...base, 'context.keyRepo.host': 'debian.drdteam.org' }, null, makeModel(), noFacts)).toEqual({
      repoHost: 'debian.drdteam.org',
      repoKeyring: '/usr/share/keyrings/debian.drdteam.org.gpg',
      repoSource: 'deb [signed-by=/usr/share/keyrings/debian.drdteam.org.gpg] http://debian.drdteam.org stable multiverse',
      repoListFile: '/etc/apt/sources.list.d/debian.drdteam.org.list',
    });
  });

  test('another repository refused (one added by an earlier step), or no key ID: nothing', () => {
    expect(repoKeyOrderEnrich({ ...base, 'context.keyRepo.host': 'apt.kitware.com' }, null, makeModel(), noFacts)).toEqual({});
    expect(repoKeyOrderEnrich({ 'context.addRepo.line': base['context.addRepo.line'], 'context.keyRepo.host': 'debian.drdteam.org' }, null, makeModel(), noFacts)).toEqual({});
  });
});
