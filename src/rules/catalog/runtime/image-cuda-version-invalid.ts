// The NVIDIA runtime refused to start a container because the image's CUDA requirement is not a version it can read:
//   docker: Error response from daemon: … OCI runtime create failed: failed to create NVIDIA Container Runtime: failed to
//   construct OCI spec modifier: requirements not met: failed to get image requirements: failed to get version: invalid CUDA
//   version cu12.6: invalid version string: unknown
// (InternLM/lmdeploy#3953, `docker run --runtime nvidia` on a Jetson Orin of an image built from the project's Dockerfile.jetson).
//
// What the NVIDIA Container Toolkit does (NVIDIA/nvidia-container-toolkit, internal/config/image/cuda_image.go and
// internal/modifier/csv.go, since v1.11.0): an image is "legacy" when it has `CUDA_VERSION` in its environment and no
// `NVIDIA_REQUIRE_CUDA` (`IsLegacy`); for a legacy image the requirement is `cuda>=<major.minor of CUDA_VERSION>`, read with a
// semantic-version parser (`legacyVersion` → `parseMajorMinorVersion`: Masterminds/semver now, golang.org/x/mod/semver in v1.11),
// and a value it cannot read fails with `invalid CUDA version <value>: invalid version string` (from v1.14.0, commit 6750ce16
// "Print invalid version on parse error"; before it `invalid CUDA version: invalid version string`, without the value, a wording
// this rule does not read: no log of it is at hand). The CSV mode (Jetson) wraps it in `failed to get image requirements`;
// the runtime hook in `failed to get requirements`. `NVIDIA_DISABLE_REQUIRE` set to a true boolean (`strconv.ParseBool`: `1`,
// `true`) skips the requirement checks altogether (`HasDisableRequire`, checked first by both). The variable names are the
// toolkit's (internal/config/image/envvars.go: `CUDA_VERSION`, `NVIDIA_REQUIRE_CUDA`, `NVIDIA_DISABLE_REQUIRE`).
//
// So the image's `CUDA_VERSION` holds something else than a version (`cu12.6`: a wheel-index suffix, set with `ENV` in the
// Dockerfile or inherited from the base). An `ARG` is not in the image's environment, an `ENV` is.
import { RUN_COMMAND_CONTEXT } from './run-command.js';
import type { RuleInput } from '../../schema.js';

const INSPECT =
  "docker inspect --format '{{{{range .Config.Env}}}}{{{{println .}}}}{{{{end}}}}' {enrich.runImage|<image>} | grep -E '^(CUDA_VERSION|NVIDIA_REQUIRE_|NVIDIA_DISABLE_REQUIRE)'";

/**
 * The fix; `known` when the value shows the release as a dotted number (`cu12.6`). A value without one (`cu126`, `latest`)
 * is not read as a release (`cu126` is 12.6 by PyTorch's wheel convention, but nothing in the log says the image follows
 * it): the fix then says where to read the image's CUDA release.
 */
function fix(known: boolean): string {
  const version = known ? '{context.invalid.plain}' : '<major.minor>';
  return [
    "See the image's CUDA variables:",
    '',
    '```sh',
    INSPECT,
    '```',
    '',
    'Then, where the image is built, give `CUDA_VERSION` a plain version, or move the value the Dockerfile needs (a wheel suffix such as',
    '`cu126`) to an `ARG` or a variable of another name, which the runtime does not read:',
    '',
    '```dockerfile',
    `ENV CUDA_VERSION=${version}`,
    '```',
    '',
    ...(known
      ? []
      : [
          '`<major.minor>` is the CUDA release the image carries: the `/usr/local/cuda-*` directory in it (`ls -d /usr/local/cuda-*` in the image),',
          'or the CUDA release of its base image\'s tag.',
          '',
        ]),
    `An image with \`NVIDIA_REQUIRE_CUDA\` set (\`ENV NVIDIA_REQUIRE_CUDA="cuda>=${version}"\`) is checked against that`,
    'instead of `CUDA_VERSION`. To start the image as it is, skip the runtime\'s requirement checks for this container (it then does',
    'not check the driver\'s CUDA either): `docker run -e NVIDIA_DISABLE_REQUIRE=1 …`.',
  ].join('\n');
}

export const imageCudaVersionInvalid: RuleInput = {
  id: 'runtime/image-cuda-version-invalid',
  title: "The NVIDIA runtime cannot read the image's CUDA_VERSION",
  severity: 'error',
  match: [
    // `… failed to get image requirements: failed to get version: invalid CUDA version cu12.6: invalid version string: unknown`
    { literals: ['invalid CUDA version '], pattern: 'failed to get (?:image )?requirements:? [^\\n]{0,200}?invalid CUDA version (?<value>[^\\s:]{0,100}): invalid version string' },
  ],
  context: [
    RUN_COMMAND_CONTEXT,
    // `cu12.6`, `cu126`: the digits as a dotted version where the value shows one
    { name: 'invalid', literals: ['invalid CUDA version '], pattern: 'invalid CUDA version [A-Za-z_-]{1,20}(?<plain>\\d{1,2}\\.\\d{1,2})(?::|\\s)' },
  ],
  scope: 'step',
  specificity: 3,
  message:
    "The NVIDIA runtime reads the image's `CUDA_VERSION` as the CUDA release the image needs, and `{value}` is not a version it can " +
    'read, so it refuses to start the container. The variable comes from the image (an `ENV` of its Dockerfile or of its base) or from an `-e CUDA_VERSION=` of the run.',
  fix: fix(false),
  variants: [{ when: 'invalid', fix: fix(true) }],
  enrich: 'run-command',
  docs: 'https://github.com/NVIDIA/nvidia-container-toolkit/blob/main/internal/config/image/cuda_image.go',
};
