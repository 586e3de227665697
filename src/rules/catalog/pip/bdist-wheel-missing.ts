// setuptools could not build a wheel because it has no `bdist_wheel` command: distutils' `error: invalid command
// 'bdist_wheel'` (its `invalid command '%s'`, setuptools/_distutils/dist.py). It comes from `python setup.py bdist_wheel`
// run by hand in a fresh venv (oobabooga/textgen#2719) and from pip's legacy `setup.py bdist_wheel` build
// (Tecnativa/doodba#651), where pip's own `Failed building wheel` lines follow: this rule names the cause, so
// pip/wheel-build-failed (specificity 2) gives way in that step.
//
// The advice: before setuptools 70.1 the command came from the `wheel` package; setuptools 70.1.0 adopted it ("Adopted
// the bdist_wheel command from the wheel project", setuptools changelog v70.1.0, pypa/setuptools#4369), and the wheel
// README's historical note says the same. wheel 0.46.0 (2025-04) "Removed the bdist_wheel setuptools command implementation
// and entry point" (wheel's changelog, docs/news.rst), so with a setuptools older than 70.1 an installed wheel 0.46.0 / 0.46.1
// gives the same error: pypa/wheel#662 ("v0.46.1 results in invalid command 'bdist_wheel'", 2025-04-09), docker-library/python
// #1021 (alpine image rebuilt with wheel 0.46: "Installing wheel using `pip install wheel` does nothing"), Tecnativa/doodba#651
// ("Upgrading setuptools fixes this"). wheel 0.46.2 (2026-01-22) "Restored the bdist_wheel command for compatibility with
// setuptools older than v70.1", but with such a setuptools its command still failed (`ImportError: cannot import name
// '_setuptools_logging' from 'wheel'` when running bdist_wheel), fixed in 0.46.3 (2026-01-29, pypa/wheel#676, wheel's
// changelog): so the first wheel 0.46 that works beside a setuptools older than 70.1 is 0.46.3. So the log's one line
// does not tell a missing wheel from a 0.46.0 / 0.46.1 one: the fix that covers both is setuptools >= 70.1 (and a current wheel),
// and `pip show` tells which it was. pypa/packaging-problems#192 (benoit-pierre): "You need to have the wheel
// package installed for the bdist_wheel command to be available". The merged fix of oobabooga/textgen#2719 is
// `pip3 install --upgrade pip setuptools wheel` in the build's venv. `python3 -m pip` is the pip of the Python that
// runs it, so after the venv is activated it installs into the venv.
// A tool that makes its own venv and installs into it in the same command (frappe's `bench init`) is out of reach of a pip
// install before it: frappe/frappe_docker#1607 / #1611 (python:3.11-slim-bookworm of 2025-04-08), "Even when installing
// wheel globally ... it's not available inside the venv created by bench init". What reaches it: that venv's own pip once
// it exists, or a build under PEP 517, which pip runs in an isolated environment with the build backend's requirements;
// a project without pyproject.toml gets setuptools' `__legacy__` backend (pip's "Build System Interface" reference, PEP 517's
// fallback). bench's maintainers fixed it by passing `--use-pep517` to the pip install bench runs (frappe_docker#1607).
import type { RuleInput } from '../../schema.js';

export const bdistWheelMissing: RuleInput = {
  id: 'pip/bdist-wheel-missing',
  title: 'No `bdist_wheel` command: setuptools older than 70.1 without a `wheel` that provides it',
  severity: 'error',
  match: [{ literals: ["invalid command 'bdist_wheel'"], pattern: "error: invalid command 'bdist_wheel'" }],
  scope: 'step',
  only: 'failed-step',
  specificity: 3,
  message:
    'setuptools has no `bdist_wheel` command in the Python environment that builds the wheel: `error: invalid command ' +
    '\'bdist_wheel\'`. Before setuptools 70.1 the command comes from the `wheel` package: either this environment (a fresh ' +
    'venv, an old base image) has no `wheel`, or it has wheel 0.46.0 or 0.46.1, which removed the command (2025-04; it works ' +
    'again with older setuptools from 0.46.3), so `pip install wheel` alone changes nothing there.',
  fix: [
    'Upgrade setuptools to 70.1 or later, which ships `bdist_wheel` itself (a current `wheel` with it), with the same Python ' +
      'that runs the build, before the build: in a Dockerfile, in the same `RUN` after the venv is activated (an activation ' +
      'does not outlive its `RUN`):',
    '',
    '```sh',
    "python3 -m pip install --upgrade 'setuptools>=70.1' wheel",
    '```',
    '`python3 -m pip show wheel setuptools` in that environment says which case it was: no wheel, or wheel 0.46.0 / 0.46.1 ' +
      "beside a setuptools older than 70.1. If setuptools must stay as it is, pin `'wheel<0.46'` (or take wheel 0.46.3 or later, " +
      'the first release whose restored command works with it) instead.',
    '',
    'If the failing command makes its own virtual environment and builds in it (a tool such as frappe\'s `bench init`, or a ' +
      '`python3 -m venv X && …` in the same `RUN`), a pip install before it does not reach that environment: install into it ' +
      'with its own pip once it exists (`X/bin/python -m pip install --upgrade setuptools wheel`), or have the tool\'s pip ' +
      'build with `--use-pep517` (an isolated build environment with its own setuptools), or a release of the tool that does.',
  ].join('\n'),
  docs: 'https://setuptools.pypa.io/en/latest/history.html#v70-1-0',
};
