// Which installer a RUN instruction calls: the lock tools' own lock and check commands are that
// tool's steps, so a step that fails in `poetry check --lock` is not taken for the pip step that
// installed poetry.
import { describe, expect, test } from 'vitest';
import { installersIn } from '../../src/facts/fact-patterns.js';

describe('installersIn', () => {
  test.each([
    ['RUN pip install poetry', ['pip']],
    ['RUN poetry check --lock', ['poetry']],
    ['RUN pip install poetry && poetry install --no-root', ['pip', 'poetry']],
    ['RUN pdm install --check --prod --no-editable', ['pdm']],
    ['RUN pipenv install --deploy --system', ['pipenv']],
    ['RUN uv lock --locked', ['uv']],
    ['RUN uv sync --locked --no-dev', ['uv']],
    ['RUN micromamba install -y -n base -f env.yaml', ['micromamba']],
    ['RUN python3 -m pip install -r requirements.txt', ['pip']],
  ])('%s', (instruction, expected) => {
    expect(installersIn(instruction)).toEqual(expected);
  });

  test.each([
    'RUN poetry --version',
    'RUN pdm config python.use_venv false',
    'RUN uv venv /opt/venv',
    'RUN echo "run pip to install"',
    'COPY pyproject.toml poetry.lock ./',
  ])('no installer command in %s', (instruction) => {
    expect(installersIn(instruction)).toEqual([]);
  });
});
