// uv's lock (or a `[tool.uv.sources]` entry) names a local path dependency or workspace member, and the directory is
// not in the image when the install runs: `error: Failed to determine installation plan` then `Caused by:
// Distribution not found at: file:///app/package` (astral-sh/uv crates/uv-distribution-types/src/error.rs,
// `Error::NotFound`, the URL of the missing source). In an image build it is a dependency layer that copies
// pyproject.toml and uv.lock but not the directory the lock points at, or a `.dockerignore` that leaves it out.
// Not matched: a remote distribution uv cannot fetch (an `https://` URL: a network or index failure).
//
// The advice, from uv's Docker guide (https://docs.astral.sh/uv/guides/integration/docker/, "Intermediate
// layers"): copy what the lock points at before the `uv sync` that needs it; or keep the dependency layer free of
// local sources with `--no-install-project` (the project) / `--no-install-workspace` (the project and every
// workspace member), then copy the sources and run `uv sync` again. A plain path dependency outside the workspace is
// still installed by that first sync, so it must be copied first.
import type { RuleInput } from '../../schema.js';

const pathPattern = 'Distribution not found at: file://(?<path>/[^\\s`]{1,300})';

const layerFix = [
  'Or keep the dependency layer free of the local sources, as uv\'s Docker guide does ("Intermediate layers"): the ' +
    'first `uv sync` with `--no-install-workspace` (the project and its workspace members; `--no-install-project` ' +
    'for the project alone) and the step\'s other flags, then `COPY . .`, then `uv sync` with the same flags. A path ' +
    'dependency that is not a workspace member is installed by the first sync too, so copy it before it either way. ' +
    'If the Dockerfile already copies it, check `.dockerignore` and that the directory is in the checkout (a git ' +
    'submodule, a path outside the build context).',
];

export const uvPathSourceMissing: RuleInput = {
  id: 'pip/uv-path-source-missing',
  title: 'uv.lock points at a local directory that is not in the image',
  severity: 'error',
  match: [{ literals: ['Distribution not found at: file://'], pattern: pathPattern }],
  // The directory's own name, the last segment of the URL: the `COPY` source beside pyproject.toml.
  context: [{ name: 'dir', literals: ['Distribution not found at: file://'], pattern: '/(?<dir>[^/\\s`]{1,200})/?$' }],
  scope: 'step',
  only: 'failed-step',
  specificity: 3,
  message:
    'uv cannot plan the install: the lock names a local path dependency (or workspace member) at `{path}`, and ' +
    'there is nothing there ("Distribution not found at: file://{path}").',
  fix: [
    'Put the directory at `{path}` before uv runs (in an image build, a `COPY` of it before the `uv sync` step), or ' +
      'check the path in `[tool.uv.sources]` / uv.lock, which is relative to the project.',
    '',
    ...layerFix,
  ].join('\n'),
  variants: [
    {
      when: 'fact.place=image-build&dir',
      message:
        'uv cannot plan the install: the lock names a local path dependency (or workspace member) at `{path}`, and ' +
        'that directory is not in the image at this step ("Distribution not found at: file://{path}"). The usual ' +
        'cause is a layer that copies pyproject.toml and uv.lock before the install, and `{context.dir.dir}` only later or not at all.',
      fix: [
        'Copy the directory before the `uv sync` step. If it lies at `{context.dir.dir}/` in the build context (beside ' +
          'pyproject.toml, the layout the lock\'s relative path implies when the project is at the WORKDIR):',
        '',
        '```dockerfile',
        'COPY {context.dir.dir}/ {path}/',
        '```',
        ...layerFix,
      ].join('\n'),
    },
  ],
  docs: 'https://docs.astral.sh/uv/guides/integration/docker/#intermediate-layers',
};
