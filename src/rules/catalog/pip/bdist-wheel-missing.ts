// setuptools could not build a wheel because it has no `bdist_wheel` command: distutils' `error: invalid command
// 'bdist_wheel'` (its `invalid command '%s'`, setuptools/_distutils/dist.py). It comes from `python setup.py bdist_wheel`
// run by hand in a fresh venv (oobabooga/textgen#2719) and from pip's legacy `setup.py bdist_wheel` build
// (Tecnativa/doodba#651), where pip's own `Failed building wheel` lines follow: this rule names the cause, so
// pip/wheel-build-failed (specificity 2) gives way in that step.
//
// The advice: before setuptools 70.1 the command came from the `wheel` package; setuptools 70.1.0 adopted it ("Adopted
// the bdist_wheel command from the wheel project", setuptools changelog v70.1.0, pypa/setuptools#4369), and the wheel
// README's historical note says the same. pypa/packaging-problems#192 (benoit-pierre): "You need to have the wheel
// package installed for the bdist_wheel command to be available". The merged fix of oobabooga/textgen#2719 is
// `pip3 install --upgrade pip setuptools wheel` in the build's venv. `python3 -m pip` is the pip of the Python that
// runs it, so after the venv is activated it installs into the venv.
import type { RuleInput } from '../../schema.js';

export const bdistWheelMissing: RuleInput = {
  id: 'pip/bdist-wheel-missing',
  title: 'No `bdist_wheel` command: the environment has no `wheel` package',
  severity: 'error',
  match: [{ literals: ["invalid command 'bdist_wheel'"], pattern: "error: invalid command 'bdist_wheel'" }],
  scope: 'step',
  only: 'failed-step',
  specificity: 3,
  message:
    'setuptools has no `bdist_wheel` command in the Python environment that builds the wheel: `error: invalid command ' +
    '\'bdist_wheel\'`. Before setuptools 70.1 the command comes from the `wheel` package, and this environment (a fresh ' +
    'venv, an old base image) does not have it.',
  fix: [
    'Install `wheel` (and a current setuptools, which ships `bdist_wheel` itself from 70.1 on) with the same Python that ' +
      'runs the build, before the build: in a Dockerfile, in the same `RUN` after the venv is activated (an activation does ' +
      'not outlive its `RUN`):',
    '',
    '```sh',
    'python3 -m pip install --upgrade pip setuptools wheel',
    '```',
    'Check it in that environment: `python3 -m pip show wheel setuptools`.',
  ].join('\n'),
  docs: 'https://setuptools.pypa.io/en/latest/history.html#v70-1-0',
};
