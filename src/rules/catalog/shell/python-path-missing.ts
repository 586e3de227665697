// A command that goes into a Python package directory written out in full (`cd /usr/local/lib/python3.10/dist-packages/
// torch/lib`), in an image where it is not: the path names one Python's site-packages, and the base image (or the
// installer) now has another Python, or puts packages elsewhere (facefusion/facefusion-docker#26: the Dockerfile's `RUN cd
// /usr/local/lib/python3.10/dist-packages/torch/lib && ln -s …`; the maintainer: "the base container must have been
// updated").
//
// The shells' words for a `cd` into a directory that is not there: dash (Debian's and Ubuntu's /bin/sh) `/bin/sh: 1: cd:
// can't cd to DIR`, busybox ash `cd: can't cd to DIR`, bash `cd: DIR: No such file or directory`.
// Where Python keeps a package is Python's to say: a package's `__path__` lists the directories it was imported from
// (Python reference, "The import system", `__path__`), so `list(torch.__path__)[0]` is torch's directory whatever the
// Python version, scheme (`site-packages` / Debian's `dist-packages`), venv or conda env. `__path__`, not `__file__`: the
// `nvidia` directory pip's CUDA wheels share (`…/dist-packages/nvidia/cudnn/lib`) is a namespace package, whose
// `__file__` is None, so `os.path.dirname(nvidia.__file__)` fails where `__path__` works for both kinds (checked with
// Python 3.11 here). `site.getsitepackages()` lists the site-packages directories of that Python (Python docs, `site` module).
// Must not match: a `cd` into another missing directory (a clone that failed, `cd: can't cd to repo`): only a path through
// a `pythonX.Y/…-packages/` directory.
import type { RuleInput } from '../../schema.js';

const PY_PATH = '(?<path>/[\\w./+-]{0,200}?/python(?<python>\\d\\.\\d{1,2})/(?:site|dist)-packages/(?<package>[A-Za-z_][\\w]{0,100})(?<rest>/[\\w./+-]{0,200})?)';

export const pythonPathMissing: RuleInput = {
  id: 'shell/python-path-missing',
  title: 'A path written for another Python version is not in the image',
  severity: 'error',
  match: [
    // dash / busybox: `/bin/sh: 1: cd: can't cd to /usr/local/lib/python3.10/dist-packages/torch/lib`
    { literals: ["cd: can't cd to /"], pattern: `cd: can't cd to ${PY_PATH}\\s*$` },
    // bash: `bash: line 1: cd: /usr/local/lib/python3.10/site-packages/torch/lib: No such file or directory`
    { literals: ['-packages/'], pattern: `\\bcd: ${PY_PATH}: No such file or directory` },
  ],
  scope: 'step',
  only: 'failed-step',
  specificity: 3,
  message:
    'The step goes into `{path}`, a package directory of Python {python} written out in full, and the image has no such ' +
    'directory: its Python is another version now (a newer base image, or an installer that brings its own Python), or it ' +
    'keeps packages somewhere else (`site-packages` or `dist-packages`, a venv, a conda env).',
  fix: [
    'Ask the image\'s Python where the package is instead of writing the path, so the step keeps working when the Python',
    'changes:',
    '',
    '```sh',
    'cd "$(python3 -c \'import {package}; print(list({package}.__path__)[0])\'){rest|}"',
    '```',
    '',
    'To see which Python the image has and where it installs packages: `python3 --version` and',
    '`python3 -c \'import site; print(site.getsitepackages())\'`. If the command in the same step needs the old Python\'s files',
    '(a library of a given build, as in a `ln -s` to it), check that they still exist under the new path.',
  ].join('\n'),
  docs: 'https://docs.python.org/3/library/site.html#site.getsitepackages',
};
