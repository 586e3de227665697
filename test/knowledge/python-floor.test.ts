// A Python too old for a pinned release: pip's own Requires-Python line for the pin, the last release pip lists for this
// Python, and the base image moved to a newer Python with its variant kept.
import { describe, expect, test } from 'vitest';
import { imageWithPython, newestBefore, pipMayHideSkipped, pythonFloorEnrich, pythonFloorOf } from '../../src/knowledge/requires-python-wall.js';
import { imageFacts } from '../../src/facts/image-facts.js';
import { factsFor } from '../../src/facts/fact-view.js';
import { makeModel } from '../support/builders.js';

const clickLine = '8.2.0 Requires-Python >=3.10; 8.2.1 Requires-Python >=3.10; 8.2.2 Requires-Python >=3.10; 8.3.0 Requires-Python >=3.10';

describe('pythonFloorOf', () => {
  test('the pin on pip\'s line with >=3.10: the Python is older than 3.10', () => {
    expect(pythonFloorOf('click==8.2.1', clickLine, null)).toEqual({ name: 'click', version: '8.2.1', spec: '>=3.10', floor: '3.10' });
    expect(pythonFloorOf('click==8.2.1', clickLine, '3.9')).toEqual({ name: 'click', version: '8.2.1', spec: '>=3.10', floor: '3.10' });
  });

  test('a pin not on the line, a range, or no exact pin: no reading', () => {
    expect(pythonFloorOf('click==8.1.9', clickLine, null)).toBeNull();
    expect(pythonFloorOf('click>=8.2', clickLine, null)).toBeNull();
  });

  test('a Python the log shows at or above the bound contradicts the reading', () => {
    expect(pythonFloorOf('click==8.2.1', clickLine, '3.12')).toBeNull();
  });

  test('a spec with an upper bound too says nothing without the Python (dataclasses 0.8: >=3.6, <3.7)', () => {
    const line = '0.7 Requires-Python >=3.6, <3.7; 0.8 Requires-Python >=3.6, <3.7';
    expect(pythonFloorOf('dataclasses==0.8', line, null)).toBeNull();
    expect(pythonFloorOf('dataclasses==0.8', line, '3.5')).toMatchObject({ floor: '3.6' });
    expect(pythonFloorOf('dataclasses==0.8', line, '3.11')).toBeNull();
  });
});

describe('newestBefore', () => {
  test('the newest final release older than the pin, pre-releases left out', () => {
    expect(newestBefore('7.1.2, 8.0.0a1, 8.0.0rc1, 8.0.0, 8.1.7, 8.1.8', '8.2.1')).toBe('8.1.8');
    expect(newestBefore('2.3.0, 2.4.0, 21.1', '23.2')).toBe('21.1');
    expect(newestBefore('1.0, 2.0.0.dev1', '0.5')).toBeNull();
  });
});

describe('imageWithPython', () => {
  test('the python image keeps its variant', () => {
    expect(imageWithPython('python:3.9.22-alpine3.21', '3.10')).toBe('python:3.10-alpine3.21');
    expect(imageWithPython('python:3.9-slim-bookworm', '3.10')).toBe('python:3.10-slim-bookworm');
    expect(imageWithPython('docker.io/library/python:3.8', '3.10')).toBe('docker.io/library/python:3.10');
  });

  test('an image whose tag names its Python', () => {
    expect(imageWithPython('tiangolo/meinheld-gunicorn-flask:python3.6', '3.7')).toBe('tiangolo/meinheld-gunicorn-flask:python3.7');
    expect(imageWithPython('tiangolo/uvicorn-gunicorn-fastapi:python3.8-slim', '3.10')).toBe('tiangolo/uvicorn-gunicorn-fastapi:python3.10-slim');
  });

  test('a tag without the Python: no rewrite', () => {
    expect(imageWithPython('ubuntu:20.04', '3.10')).toBeNull();
    expect(imageWithPython('python:latest', '3.10')).toBeNull();
    expect(imageWithPython('localhost:5000/app', '3.10')).toBeNull();
  });
});

describe('imageFacts', () => {
  test('a python3.N tag part names the Python; a word that only contains it does not', () => {
    expect(imageFacts('tiangolo/meinheld-gunicorn-flask:python3.6')).toEqual([['python', '3.6']]);
    expect(imageFacts('example/app:mypython3.6')).toEqual([]);
  });
});

describe('pythonFloorEnrich', () => {
  const noFacts = factsFor({}, null, makeModel());
  test('the pin on the line: floor, last release, and no image to rewrite when the log shows none', () => {
    const out = pythonFloorEnrich({ requirement: 'click==8.2.1', versions: '8.1.7, 8.1.8', 'context.pythonSkipped.list': clickLine }, noFacts);
    expect(out).toMatchObject({ pyFloor: '3.10', pyFloorSpec: '>=3.10', pyLast: '8.1.8', pyLastPin: 'click==8.1.8', pyTo: '3.10' });
    expect(out.pyFrom).toBeUndefined();
  });

  test('no Ignored line, a final pin newer than the whole list: the hidden reading', () => {
    expect(pythonFloorEnrich({ requirement: 'django-filter==23.2', versions: '2.4.0, 21.1' }, noFacts)).toMatchObject({
      pyHiddenNewest: '21.1',
      pyHiddenPin: '23.2',
      pyLastPin: 'django-filter==21.1',
    });
  });

  test('near misses: a pre-release pin above the list (torch==1.0.0a0, never on PyPI), a pin inside the list, no list and no Python', () => {
    expect(pythonFloorEnrich({ requirement: 'torch==1.0.0a0', versions: '0.3.1, 0.4.0, 0.4.1' }, noFacts)).toEqual({});
    expect(pythonFloorEnrich({ requirement: 'numpy==1.19.9', versions: '1.19.5, 1.20.0' }, noFacts)).toEqual({});
    expect(pythonFloorEnrich({ requirement: 'click==8.1.3' }, noFacts)).toEqual({});
  });
});

describe('pipMayHideSkipped', () => {
  // pip 22.1 added the `Ignored the following versions that require a different python version` line (NEWS, #9615);
  // 25.0 and 25.0.1 lost it below -vv (#13128), 25.1 brought it back (#13333).
  test('a pip before 22.1, pip 25.0 / 25.0.1, or no pip in the log: the line may be missing', () => {
    for (const pip of ['21.3.1', '22.0.4', '25.0', '25.0.1', null]) expect(pipMayHideSkipped(pip)).toBe(true);
  });

  test('pip 22.1 to 24.x and 25.1 and later print the line whenever they skip a release for its Python', () => {
    for (const pip of ['22.1', '23.2.1', '24.3.1', '25.1', '25.3', '26.0.1']) expect(pipMayHideSkipped(pip)).toBe(false);
  });
});
