// A shared library outside any Python package (under /opt, /usr, /usr/local: a toolkit's or the distribution's) was loaded
// and the loader found no definition of a symbol it needs, in the process's other libraries:
//   `ImportError: /opt/hpcx/ucx/lib/libucs.so.0: undefined symbol: ucm_set_global_opts` (Mohinta2892/catena#23: `import torch`
//   in an image; torch loads HPC-X's UCX from /opt/hpcx, whose libucs needs `ucm_set_global_opts` from the libucm of the same
//   UCX build, and another libucm, of another build, was found first; the author's fix reinstalled the distribution's MPI
//   stack, `apt-get install --reinstall … libmpich-dev hwloc-nox libmpich12 mpich`, after NVlabs/curobo discussion 170).
// The loader's own wording for a program is `symbol lookup error: <lib>: undefined symbol: <symbol>` (ld.so(8)). The class:
// two builds of one library family on the loader path, the library reporting it built against one and resolving its
// companion from the other. `ldd <lib>` prints the file each of its libraries resolves to (ldd(1)); LD_LIBRARY_PATH is
// searched before the system's directories (ld.so(8)), so its order picks which copy wins.
// Not this rule: a Python extension inside a package directory (site-packages / dist-packages, an egg, a `.cpython-` module),
// whose missing symbol is its own build's or torch's (runtime/torch-symbol-mismatch for c10 / at / torch symbols; the
// nomatch fixture of a symbol of torch's own library under site-packages).
import type { RuleInput } from '../../schema.js';

const LD_SO_DOCS = 'https://man7.org/linux/man-pages/man8/ld.so.8.html';

const DIAGNOSE = [
  '```sh',
  'ldd {lib}           # the file each library it needs resolves to',
  'echo "$LD_LIBRARY_PATH"',
  '```',
].join('\n');

const READ = [
  'A library that resolves to another directory than `{libDir}` (a second copy, from the distribution\'s packages or another toolkit) is ' +
    'the build that lacks `{symbol}`. Make the two come from one build:',
  '',
  '- put `{libDir}` before the other copy\'s directory in LD_LIBRARY_PATH (the loader searches it in order, before the system\'s directories), or',
  '- remove the other copy, or the LD_LIBRARY_PATH entry that brings it, if nothing else needs it, or',
  '- if nothing needs `{libDir}` itself, take it out of LD_LIBRARY_PATH so the distribution\'s copies are used together.',
].join('\n');

export const librarySymbolMismatch: RuleInput = {
  id: 'runtime/library-symbol-mismatch',
  title: 'A system library was loaded with another build of a library it needs (undefined symbol)',
  severity: 'error',
  match: [
    // `ImportError: /opt/hpcx/ucx/lib/libucs.so.0: undefined symbol: ucm_set_global_opts`; `symbol lookup error: /usr/lib/…: undefined symbol: …`
    {
      literals: [': undefined symbol: '],
      pattern:
        '(?:Error: |symbol lookup error: |^\\s{0,20})(?<lib>(?![\\w./+-]{0,300}(?:site-packages|dist-packages|\\.egg))(?<libDir>/[\\w./+-]{0,300})/lib[\\w.+-]{0,100}\\.so(?:\\.[\\d.]{1,20})?): undefined symbol: (?<symbol>[A-Za-z_]\\w{0,300})',
    },
  ],
  scope: 'step',
  specificity: 3,
  message:
    '`{lib}` needs `{symbol}` from a library it was built together with, and the copy of that library the loader found first is of another ' +
    'build, without it: two builds of one library family are on the loader\'s path, and `{libDir}` is only one of them.',
  fix: ['Where it fails (in the container, for an image), see which copy each library it needs resolves to:', '', DIAGNOSE, '', READ, '', `The loader's search order: ${LD_SO_DOCS}.`].join('\n'),
  variants: [
    {
      when: 'fact.place=image-build',
      fix: [
        'In a `RUN` step of the image (or `docker run --rm IMAGE ldd {lib}`), see which copy each library it needs resolves to:',
        '',
        DIAGNOSE,
        '',
        READ,
        '',
        `In the Dockerfile, that is an \`ENV LD_LIBRARY_PATH=…\` line (or the install step that brings the other copy). The loader's search order: ${LD_SO_DOCS}.`,
      ].join('\n'),
    },
    {
      when: 'fact.place=docker-run',
      fix: [
        'In the container, see which copy each library it needs resolves to:',
        '',
        DIAGNOSE,
        '',
        READ,
        '',
        `A fix made in a running container is lost with it: put it in the Dockerfile (an \`ENV LD_LIBRARY_PATH=…\` line, or the install step that brings the other copy) and rebuild. The loader's search order: ${LD_SO_DOCS}.`,
      ].join('\n'),
    },
  ],
  docs: LD_SO_DOCS,
};
