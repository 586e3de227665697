// pip's skipped Requires-Python list read as a Python too new, and a conda step's own pin on a chain's end.
import { describe, expect, test } from 'vitest';
import { pythonWallOf } from '../../src/knowledge/requires-python-wall.js';
import { stepPinOf } from '../../src/knowledge/conda-step-pin.js';

describe('pythonWallOf', () => {
  test('most releases end at <3.12 and 3.12 fails them all: Python 3.12 or newer, 3.11 the newest they take', () => {
    const list =
      '0.12.0 Requires-Python >=3.9.0,<3.12; 0.13.0 Requires-Python <3.12,>=3.9.0; 0.55.2 Requires-Python <3.5; 0.8.6 Requires-Python <3.12,>=3.9';
    expect(pythonWallOf(list)).toEqual({ bound: '3.12', newest: '3.11', count: 3, total: 4 });
  });

  test('lower bounds only say the Python is too old: no reading', () => {
    expect(pythonWallOf('2.0 Requires-Python >=3.10; 2.1 Requires-Python >=3.10')).toBeNull();
  });

  test('a release the Python at the bound would take breaks the reading', () => {
    expect(pythonWallOf('1.0 Requires-Python <3.12; 1.1 Requires-Python <3.12; 0.9 Requires-Python >=3.12')).toBeNull();
  });

  test('a clause it cannot read (~=) gives no reading rather than a guess', () => {
    expect(pythonWallOf('1.0 Requires-Python ~=3.8; 1.1 Requires-Python <3.12')).toBeNull();
  });
});

describe('stepPinOf', () => {
  test('finds the pin whatever its case and prints the command without its version', () => {
    expect(stepPinOf('RUN conda install -y         joblib         PyYAML==3.13', 'pyyaml')).toEqual({
      spec: 'PyYAML==3.13',
      name: 'PyYAML',
      unpinned: 'conda install -y joblib PyYAML',
    });
  });

  test('an unpinned package or another package is no pin', () => {
    expect(stepPinOf('RUN conda install -y pyyaml numpy=1.16', 'pyyaml')).toBeNull();
    expect(stepPinOf('RUN pip install PyYAML==3.13', 'pyyaml')).toBeNull();
  });
});
