// `push-by-digest=true` with a tagged name. BuildKit's push (moby/buildkit util/push/push.go, Push): `if byDigest &&
// !reference.IsNameOnly(parsed) { return errors.Errorf("can't push tagged ref %s by digest", parsed.String()) }`: a push
// by digest takes the repository name only (`ref = parsed.Name()`), and the exporter wraps the error as `failed to push
// <name>: …`. The tag comes from the build's tags, which buildx hands to the image exporter as names: build-push-action's
// `tags:` (mikesvoboda/nemotron-v3-home-security-intelligence#3291: "When `push-by-digest=true` is set, you cannot also
// provide tags … Remove the `tags:` parameter from the build step … The tags are correctly applied in the merge job"),
// a bake target's `tags` (moby/moby#45930: the bake definition fell back to a `moby-bin:local` tag, "Just setting
// `--set "*.tags="` fixes this issue"), `-t` on `docker buildx build`, or a `:tag` inside `name=`.
// The workflow that pushes by digest: Docker's "Multi-platform image with GitHub Actions"
// (docs.docker.com/build/ci/github-actions/multi-platform/, "Distribute build across multiple runners"): the
// per-platform build-push-action step has no `tags:` and `outputs: type=image,name=${{ env.REGISTRY_IMAGE }},
// push-by-digest=true,name-canonical=true,push=true`; its bake form sets `*.tags=` and `*.output=type=image,"name=…",
// push-by-digest=true,name-canonical=true,push=true`; the merge job applies the tags with `docker buildx imagetools create
// -t … <image>@sha256:<digest> …` over the digests the build jobs uploaded.
import type { RuleInput } from '../../schema.js';

export const pushByDigestTagged: RuleInput = {
  id: 'buildx/push-by-digest-tagged',
  title: 'Push by digest with a tagged image name',
  severity: 'error',
  scope: 'build',
  maxFindings: 1,
  match: [
    // `#65 ERROR: failed to push moby-bin:local: can't push tagged ref docker.io/library/moby-bin:local by digest`, and a CI
    // line pasted without the `#NN` frame (`ERROR: failed to push ghcr.io/.../frontend:latest: can't push tagged ref ... by digest`)
    { literals: ["can't push tagged ref"], pattern: "can't push tagged ref \\S{1,300} by digest" },
  ],
  context: [
    { name: 'bake', literals: ['buildx bake', 'bake-action', 'docker-bake.'] },
  ],
  message:
    'The image was pushed with `push-by-digest=true` and a name that carries a tag: a push by digest pushes the image under ' +
    'its repository name with no tag, and BuildKit refuses a tagged name. The tag came from the build\'s tags (build-push-action\'s ' +
    '`tags:`, a bake target\'s `tags`, `-t`) or from `name=`.',
  fix: [
    'In the per-platform build, name the repository only, no tag, and give it no tags; the tags go on the merged image later.',
    '',
    '- docker/build-push-action: remove `tags:` from the step and name the repository in `outputs:`:',
    '',
    '```yaml',
    '- name: Build and push by digest',
    '  id: build',
    '  uses: docker/build-push-action@v6',
    '  with:',
    '    platforms: ${{{{ matrix.platform }}}}',
    '    labels: ${{{{ steps.meta.outputs.labels }}}}',
    '    outputs: type=image,name=${{{{ env.REGISTRY_IMAGE }}}},push-by-digest=true,name-canonical=true,push=true',
    '```',
    '- bake (docker/bake-action or `docker buildx bake`): clear the targets\' tags, `--set "*.tags="` (bake-action: `set: *.tags=`),',
    '  with `--set "*.output=type=image,\\"name=ghcr.io/owner/app\\",push-by-digest=true,name-canonical=true,push=true"`.',
    '- `docker buildx build`: no `-t`, and `--output type=image,name=ghcr.io/owner/app,push-by-digest=true,name-canonical=true,push=true`.',
    '',
    'The merge job then tags the multi-platform image from the digests the build jobs pushed and uploaded (one empty file per',
    'digest, named by it, downloaded into /tmp/digests):',
    '',
    '```sh',
    'cd /tmp/digests',
    'docker buildx imagetools create -t ghcr.io/owner/app:1.0 -t ghcr.io/owner/app:latest $(printf \'ghcr.io/owner/app@sha256:%s \' *)',
    '```',
    'Docker\'s workflow with both jobs: https://docs.docker.com/build/ci/github-actions/multi-platform/#distribute-build-across-multiple-runners',
  ].join('\n'),
  variants: [
    {
      when: 'bake',
      fix: [
        'In the per-platform bake, clear the targets\' tags (a target\'s own `tags`, or those of docker/metadata-action\'s bake file) and',
        'name the repository only in the output; the tags go on the merged image later:',
        '',
        '```sh',
        'docker buildx bake --set "*.tags=" \\',
        '  --set "*.output=type=image,\\"name=ghcr.io/owner/app\\",push-by-digest=true,name-canonical=true,push=true"',
        '```',
        'With docker/bake-action, the same in `set:` (`*.tags=` on a line of its own). The merge job then tags the multi-platform image',
        'from the digests the build jobs pushed and uploaded (one empty file per digest, named by it, downloaded into /tmp/digests):',
        '',
        '```sh',
        'cd /tmp/digests',
        'docker buildx imagetools create -t ghcr.io/owner/app:1.0 $(printf \'ghcr.io/owner/app@sha256:%s \' *)',
        '```',
        'Docker\'s workflow with both jobs (section "With Bake"): https://docs.docker.com/build/ci/github-actions/multi-platform/#with-bake',
      ].join('\n'),
    },
  ],
  docs: 'https://docs.docker.com/build/ci/github-actions/multi-platform/',
};
