// The `numpy-abi-direction` enricher: which way the two numpys of Cython's size check differ, read from its two sizes
// (`Expected <header> from C header, got <object> from PyObject`: the size the extension was compiled with, and the
// size of the type in the numpy imported).
// - numpy's C structs grow within 1.x: PyArrayObject_fields (numpy.ndarray) is 80 bytes on a 64-bit Python before 1.20,
//   88 with 1.20's `void *_buffer_info` (numpy/_core/include/numpy/ndarraytypes.h: `#if NPY_FEATURE_VERSION >=
//   NPY_1_20_API_VERSION void *_buffer_info; … #endif`; 1.22 adds `PyObject *mem_handler` the same way). So a smaller
//   type in the running numpy than in the header means the installed numpy is older than the one the package was built
//   against (jolibrain/joliGEN#387: `numpy.ndarray … Expected 88 from C header, got 80`, fixed by upgrading numpy in
//   the image's requirements).
// - The one shrink is numpy.dtype from 1.x to 2 (96 → 88): the rule's own numpy-2 variants read it first.
// - A larger type in the running numpy (the installed numpy newer): Cython's check only warns or says nothing for
//   numpy's types (their `check_size`), but a strict check raises the same words; the package needs a release built for
//   the installed numpy, or numpy pinned to the one it was built against.
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';

/** `{enrich.numpyOlder}` or `{enrich.numpyNewer}`, and `{enrich.numpyUpgrade}` (the pip spec) with `{enrich.sizeNote}` for a known pair. */
export function numpyAbiDirectionEnrich(captures: Readonly<Record<string, string>>, _step: Step | null, _model: BuildModel, _facts: FactView): Record<string, string> {
  const header = Number(captures['expected']);
  const object = Number(captures['got']);
  if (!Number.isFinite(header) || !Number.isFinite(object) || header === object) return {};
  if (header < object) return { numpyNewer: 'yes' };
  if (captures['type'] === 'ndarray' && object === 80) {
    return {
      numpyOlder: 'yes',
      numpyUpgrade: 'numpy>=1.20',
      sizeNote: "numpy.ndarray is 80 bytes before numpy 1.20, which added its _buffer_info field, and numpy's structs only grow within 1.x",
    };
  }
  return { numpyOlder: 'yes', numpyUpgrade: 'numpy', sizeNote: "numpy's structs only grow within 1.x" };
}
