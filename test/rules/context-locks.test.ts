import { describe, expect, test } from 'vitest';
import { ScopeState } from '../../src/rules/scope-state.js';

// A `locks` context (schema: contextMatcherSchema.locks) settles another context: pip's `Failed building wheel for X`
// names the package that failed, and the next wheel pip starts after it must not replace it
// (fixtures/rules/pip/wheel-build-failed/match-no-gcc-aarch64-psutil-next-wheel-built.log).
describe('context locks', () => {
  test('a locked context keeps its hit against later keep-last hits', () => {
    const state = new ScopeState();
    state.addContext('named', 'Building wheel for psutil (setup.py): started', { name: 'psutil' }, true);
    state.lockContext('named', 'ERROR: Failed building wheel for psutil', { name: 'psutil' });
    state.addContext('named', 'Building wheel for python-multipart (setup.py): started', { name: 'python-multipart' }, true);
    expect(state.contexts.get('named')?.groups.name).toBe('psutil');
  });

  test('the first lock wins; without a lock keep-last still moves on', () => {
    const locked = new ScopeState();
    locked.lockContext('named', 'Failed building wheel for a', { name: 'a' });
    locked.lockContext('named', 'Failed building wheel for b', { name: 'b' });
    expect(locked.contexts.get('named')?.groups.name).toBe('a');
    const open = new ScopeState();
    open.addContext('named', 'Building wheel for a (setup.py): started', { name: 'a' }, true);
    open.addContext('named', 'Building wheel for b (setup.py): started', { name: 'b' }, true);
    expect(open.contexts.get('named')?.groups.name).toBe('b');
  });
});
