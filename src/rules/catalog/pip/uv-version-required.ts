// The project pins the uv that may run it (`required-version` under `[tool.uv]` in pyproject.toml, or in
// uv.toml) and the uv in this stage is outside that range, so uv refuses every command before doing
// anything. uv's wording (crates/uv/src/lib.rs, "Enforce the required version"):
//   error: Required uv version `>=0.10` does not match the running version `0.9.30`
// builds with the self-update feature add `. Update `uv` by running `uv self update[ 0.11.19]`.` after it; the
// binaries in uv's Docker images print the line without that hint. Not matched: black's
// `The required version `…` does not match the running version `…`!` (another tool, other wording).
//
// The advice:
// - uv's Docker guide (https://docs.astral.sh/uv/guides/integration/docker/) installs uv into any image with
//   `COPY --from=ghcr.io/astral-sh/uv:<tag> /uv /uvx /bin/`, and its distroless images are tagged
//   `{major}.{minor}.{patch}` (that release) and `{major}.{minor}` (the latest patch of that minor). So `>=0.10` is
//   met by tag `0.10`, `==0.11.19` by tag `0.11.19`; any other range names no single tag, and the fix says how to
//   pick one.
// - The copy goes to /usr/local/bin: it precedes /usr/bin and /bin on the PATH Docker's images set
//   (`/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin`), so the new uv wins over one the base image
//   already ships; `uv --version` in the next RUN shows which one runs.
// - `required-version` is a uv setting (https://docs.astral.sh/uv/reference/settings/#required-version); relaxing
//   it is the other way out when the project does not need the newer uv.
// - The setting is a PEP 440 specifier (`>=0.5`, `>=0.4.25,<0.5`), and a bare version (`0.5.0`) means `==0.5.0`
//   (crates/uv-configuration/src/required_version.rs, `RequiredVersion::from_str`: "Treat `0.5.0` as `==0.5.0`, for
//   backwards compatibility"). uv prints it back as that specifier (`==0.5.0`); a bare version in the
//   message still gets `uv==0.5.0` for pip, which rejects `uv0.5.0` as an invalid requirement.
import type { RuleInput } from '../../schema.js';

const relax =
  'Or, if the project does not need that uv, relax `required-version` under `[tool.uv]` in pyproject.toml (or in uv.toml) ' +
  'to a range that includes `{running}` (uv settings reference).';

/** The Dockerfile lines that put uv `tag` in the stage, before its first uv command; `minorTag`: a `{major}.{minor}` tag. */
function copyUv(tag: string, minorTag: boolean): string[] {
  return [
    'Put a uv that satisfies `{required}` in the stage, before its first `uv` command: copy it from uv\'s image for that ' +
      `release (uv's Docker guide${minorTag ? `; tag \`${tag}\` is the latest patch of that minor release` : ''}):`,
    '',
    '```dockerfile',
    `COPY --from=ghcr.io/astral-sh/uv:${tag} /uv /uvx /usr/local/bin/`,
    'RUN uv --version',
    '```',
    '',
    '`/usr/local/bin` comes first on the image\'s PATH, so this uv runs even where the base image (a `ghcr.io/astral-sh/uv:…` ' +
      'image, say) ships an older one elsewhere; `uv --version` shows the one that runs.',
    '',
    relax,
  ];
}

/**
 * Not known to be an image build: uv's own hint, for a uv from its standalone installer; a pip-installed uv
 * moves with pip (`pipRequirement`: the requirement pip reads, `uv>=0.10` or `uv==0.5.0`); the Dockerfile form
 * only named.
 */
function updateUv(pipRequirement: string): string {
  return [
    'Update the uv that runs to a release inside `{required}`: `uv self update` when uv came from its standalone ' +
      `installer (the command uv suggests), \`pip install -U "${pipRequirement}"\` when it came from pip; then \`uv --version\`. ` +
      'In a Dockerfile, copy `/uv` and `/uvx` of that release into `/usr/local/bin/` from its image instead ' +
      '(`ghcr.io/astral-sh/uv:` with the release number as the tag; uv\'s Docker guide).',
    '',
    relax,
  ].join('\n');
}

export const uvVersionRequired: RuleInput = {
  id: 'pip/uv-version-required',
  title: "The uv that runs is outside the project's required-version",
  severity: 'error',
  match: [
    // `error: Required uv version `>=0.10` does not match the running version `0.9.30`` (open5e/open5e-api#958)
    {
      literals: ['does not match the running version `'],
      pattern: 'Required uv version `(?<required>[^`]{1,100})` does not match the running version `(?<running>[^`]{1,40})`',
    },
  ],
  context: [
    // A lower bound alone (`>=0.10`, `>=0.10.2`): the `{major}.{minor}` tag holds the latest patch of it.
    {
      name: 'atLeast',
      literals: ['Required uv version `>='],
      pattern: 'Required uv version `>=(?<minor>\\d{1,4}\\.\\d{1,4})(?:\\.\\d{1,4})?`',
    },
    // One release (`==0.11.19`, or a uv that prints the setting's bare `0.11.19`): its own tag.
    {
      name: 'exact',
      literals: ['Required uv version `'],
      pattern: 'Required uv version `(?:==)?(?<version>\\d{1,4}\\.\\d{1,4}\\.\\d{1,4})`',
    },
    // A bare version (`0.5.0`, `0.5`): uv reads it as `==0.5.0`, and pip needs the `==` said.
    {
      name: 'bare',
      literals: ['Required uv version `'],
      pattern: 'Required uv version `(?<version>\\d[\\d.]{0,40})`',
    },
  ],
  scope: 'step',
  only: 'failed-step',
  specificity: 3,
  message:
    'The project requires uv `{required}` (`required-version` in its pyproject.toml `[tool.uv]` or uv.toml), and the uv that ' +
    'runs here is `{running}`: uv refuses every project command until the two agree.',
  fix: [
    'Pick the newest uv release inside `{required}` (https://github.com/astral-sh/uv/releases) and copy that release\'s ' +
      'binaries from its image (`ghcr.io/astral-sh/uv:` followed by the release number; uv\'s Docker guide) into ' +
      '`/usr/local/bin/` before the first `uv` command, with `RUN uv --version` after it to show which uv runs.',
    '',
    relax,
  ].join('\n'),
  variants: [
    { when: 'atLeast&fact.place=image-build', fix: copyUv('{context.atLeast.minor}', true).join('\n') },
    { when: 'exact&fact.place=image-build', fix: copyUv('{context.exact.version}', false).join('\n') },
    { when: 'bare&!fact.place=image-build', fix: updateUv('uv=={context.bare.version}') },
    { when: '!fact.place=image-build', fix: updateUv('uv{required}') },
  ],
  docs: 'https://docs.astral.sh/uv/reference/settings/#required-version',
};
