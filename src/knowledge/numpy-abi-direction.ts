// The `numpy-abi-direction` enricher: which way the two numpys of Cython's size check differ, read from its two sizes
// (`Expected <header> from C header, got <object> from PyObject`: the size the extension was compiled with, and the
// size of the type in the numpy imported).
// - numpy's C structs grow within 1.x: PyArrayObject_fields (numpy.ndarray) is 80 bytes on a 64-bit Python before 1.20,
//   88 with 1.20's `void *_buffer_info` and 96 with 1.22's `PyObject *mem_handler` (numpy/_core/include/numpy/
//   ndarraytypes.h: `#if NPY_FEATURE_VERSION >= NPY_1_20_API_VERSION void *_buffer_info; #endif`, `#if NPY_FEATURE_VERSION
//   >= NPY_1_22_API_VERSION PyObject *mem_handler; #endif`). So a smaller type in the running numpy than in the header
//   means the installed numpy is older than the one the package was built against (jolibrain/joliGEN#387: `numpy.ndarray
//   … Expected 88 from C header, got 80`, fixed by upgrading numpy in the image's requirements), and the header's size
//   names the release needed: 88 is numpy 1.20 or later, 96 is 1.22 or later (UT-Austin-RPL/maple#1: `Expected 96 from
//   C header, got 80`, where a 1.20 or 1.21 numpy, 88 bytes, would fail the same way).
// - The one shrink is numpy.dtype from 1.x to 2 (96 → 88): the rule's own numpy-2 variants read it first.
// - A larger type in the running numpy (the installed numpy newer): Cython's check only warns or says nothing for
//   numpy's types (their `check_size`), but a strict check raises the same words; the package needs a release built for
//   the installed numpy, or numpy pinned to the one it was built against.
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';

/** The numpy release from which numpy.ndarray has the header's size (64-bit): 1.20's `_buffer_info`, 1.22's `mem_handler`. */
const NDARRAY_FROM: Readonly<Record<number, string>> = { 88: '1.20', 96: '1.22' };
/** The releases a smaller numpy.ndarray of the running numpy comes from (64-bit). */
const NDARRAY_SIZE_BEFORE: Readonly<Record<number, string>> = { 80: 'before numpy 1.20', 88: 'in numpy 1.20 and 1.21' };

/** `{enrich.numpyOlder}` or `{enrich.numpyNewer}`, and `{enrich.numpyUpgrade}` (the pip spec) with `{enrich.sizeNote}` for a known pair. */
export function numpyAbiDirectionEnrich(captures: Readonly<Record<string, string>>, _step: Step | null, _model: BuildModel, _facts: FactView): Record<string, string> {
  const header = Number(captures['expected']);
  const object = Number(captures['got']);
  if (!Number.isFinite(header) || !Number.isFinite(object) || header === object) return {};
  if (header < object) return { numpyNewer: 'yes' };
  const release = captures['type'] === 'ndarray' ? NDARRAY_FROM[header] : undefined;
  if (release !== undefined && NDARRAY_SIZE_BEFORE[object] !== undefined) {
    return {
      numpyOlder: 'yes',
      numpyUpgrade: `numpy>=${release}`,
      sizeNote:
        `numpy.ndarray is ${object} bytes ${NDARRAY_SIZE_BEFORE[object]} and ${header} from numpy ${release}, ` +
        "and numpy's structs only grow within 1.x",
    };
  }
  return { numpyOlder: 'yes', numpyUpgrade: 'numpy', sizeNote: "numpy's structs only grow within 1.x" };
}
