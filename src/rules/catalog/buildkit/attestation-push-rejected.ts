// The registry took the image's layers and manifest and refused the attestation manifest BuildKit pushes beside them.
// buildx attaches a provenance attestation to an image it pushes by default (mode=min) since buildx 0.10; it goes in the
// image index as an extra manifest (`vnd.docker.reference.type: attestation-manifest`, platform `unknown/unknown`).
// Docker's docs (build/metadata/attestations): "Provenance attestations are enabled by default, with mode=min. You can
// disable provenance attestations using the --provenance=false flag, or by setting the BUILDX_NO_DEFAULT_ATTESTATIONS
// environment variable" (buildx build/build.go reads that variable and then leaves `attest:provenance` unset); the
// maintainer in docker/buildx#1507: "This is the new provenance feature, which is enabled by default". docker/build-push-action
// takes `provenance: false` and `sbom: false` (its inputs `provenance`, `sbom`).
// Wordings:
// - Alibaba Cloud ACR (matrixorigin/matrixone-operator#613): `ERROR: failed to push registry.cn-hangzhou.aliyuncs.com/…:
//   denied: unknown manifest class for application/vnd.oci.empty.v1+json`, after `pushing manifest for …@sha256:… done`;
//   the thread: the rejected object is the provenance attestation manifest, fixed with `provenance: false` (and sbom off).
// `application/vnd.oci.empty.v1+json` is the OCI empty descriptor's media type (image-spec, "Guidance for an empty
// descriptor"), which an image's own manifest never has as its config: the registry's refusal naming it names the attestation.
// Not buildkit/push-denied: the credentials and the repository are fine (push-denied has an `unless` for this wording).
import type { RuleInput } from '../../schema.js';

/** docker/build-push-action's inputs that turn the default attestations off (its README: `provenance`, `sbom`). */
const ACTION_WITHOUT_ATTESTATIONS = [
  '```yaml',
  '- uses: docker/build-push-action@v7',
  '  with:',
  '    push: true',
  '    provenance: false',
  '    sbom: false',
  '```',
];

/** The refusal naming the empty media type: the attestation manifest, not the image. */
export const ATTESTATION_REFUSAL = {
  literals: ['vnd.oci.empty.v1+json'],
  pattern: '(?:denied|unknown manifest|unsupported|invalid|not supported|rejected)[^\\n]{0,200}application/vnd\\.oci\\.empty\\.v1\\+json',
  ignoreCase: true,
};

export const attestationPushRejected: RuleInput = {
  id: 'buildkit/attestation-push-rejected',
  title: 'Registry refused the build attestation pushed with the image',
  severity: 'error',
  match: [
    // `failed to push registry.cn-hangzhou.aliyuncs.com/mocloud/matrixone-operator:nightly-…: denied: unknown manifest class for application/vnd.oci.empty.v1+json`
    {
      literals: ATTESTATION_REFUSAL.literals,
      pattern: `(?:failed to push (?<ref>\\S{1,300}): )?(?<reason>${ATTESTATION_REFUSAL.pattern})`,
      ignoreCase: true,
    },
  ],
  scope: 'step',
  maxFindings: 1,
  specificity: 3,
  message:
    'The image was built and its layers and manifest pushed, but the registry refused the attestation manifest buildx pushes with ' +
    'it ({reason}): buildx adds a provenance attestation to every pushed image by default, as a manifest of its own in the image ' +
    'index, and the media type the registry names (`application/vnd.oci.empty.v1+json`, the OCI empty descriptor) is that ' +
    'manifest\'s, not the image\'s. The login and the repository are fine.',
  fix: [
    'Push without attestations, unless you need them in this registry. With `docker buildx build`: `--provenance=false`',
    '(and `--sbom=false` if the build asks for an SBOM), or `BUILDX_NO_DEFAULT_ATTESTATIONS=1` in the environment of the build.',
    'In GitHub Actions, on docker/build-push-action:',
    '',
    ...ACTION_WITHOUT_ATTESTATIONS,
    '',
    'To keep the attestations, the registry has to accept image indexes with attestation manifests: its documentation or support says',
    'whether it does (or push them to another registry).',
  ].join('\n'),
  variants: [
    {
      when: 'fact.runner',
      fix: [
        'Turn the attestations off on docker/build-push-action (they are on by default), unless you need them in this registry:',
        '',
        ...ACTION_WITHOUT_ATTESTATIONS,
        '',
        'With `docker buildx build` in a `run:` step: `--provenance=false --sbom=false`, or `BUILDX_NO_DEFAULT_ATTESTATIONS=1` in its `env:`.',
      ].join('\n'),
    },
  ],
  docs: 'https://docs.docker.com/build/metadata/attestations/',
};
