import { describe, expect, test } from 'vitest';
import { escapeData, escapeProperty, fenceText, startCommandFence } from '../../src/security/workflow-commands.js';

describe('escapeData / escapeProperty (the rules of @actions/core)', () => {
  test('data: %, CR and LF are encoded, nothing else', () => {
    expect(escapeData('100% done\r\n::set-output name=x::y')).toBe('100%25 done%0D%0A::set-output name=x::y');
    expect(escapeData('a:b,c')).toBe('a:b,c');
  });

  test('property: also : and , so a value cannot add a property or end the command', () => {
    expect(escapeProperty('Dockerfile,line=1::x')).toBe('Dockerfile%2Cline=1%3A%3Ax');
    expect(escapeProperty('50%\n')).toBe('50%25%0A');
  });

  test('an escaped value never contains a raw line break or ::', () => {
    const hostile = '::error::pwned\n::add-mask::x\r::stop-commands::t';
    expect(escapeProperty(hostile)).not.toMatch(/[\r\n]|::/);
    expect(escapeData(hostile)).not.toMatch(/[\r\n]/);
  });
});

describe('command fence', () => {
  test('start and end use one random 128-bit token', () => {
    const fence = startCommandFence();
    expect(fence.token).toMatch(/^[0-9a-f]{32}$/);
    expect(fence.start).toBe(`::stop-commands::${fence.token}`);
    expect(fence.end).toBe(`::${fence.token}::`);
  });

  test('tokens differ from run to run', () => {
    const tokens = new Set(Array.from({ length: 50 }, () => startCommandFence().token));
    expect(tokens.size).toBe(50);
  });

  test('fenceText wraps log text so that its commands are inert', () => {
    const fence = startCommandFence();
    const out = fenceText('#5 0.1 ::add-mask::x\n#5 0.2 ::set-output name=a::b', fence);
    const lines = out.split('\n');
    expect(lines[0]).toBe(fence.start);
    expect(lines[1]).toBe('#5 0.1 ::add-mask::x');
    expect(lines[3]).toBe(fence.end);
    expect(out.endsWith('\n')).toBe(true);
  });

  test('empty text needs no fence', () => {
    expect(fenceText('')).toBe('');
  });
});
