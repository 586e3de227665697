import type { RuleInput } from '../../schema.js';

/** A step of a non-native platform that ran long: it ran under QEMU, about ten times slower. */
export const emulatedSlowStep: RuleInput = {
  id: 'buildx/emulated-slow-step',
  title: 'Slow step under emulation',
  severity: 'notice',
  // Two minutes emulated is roughly ten native seconds: below that, emulation costs little.
  trigger: { kind: 'slow-step', minSeconds: 120, platform: 'foreign' },
  maxFindings: 5,
  message:
    '`{instruction}` took {duration} for {platform}, a platform this builder emulates with QEMU (about 10x ' +
    'slower than native).',
  fix: [
    'Build each platform on a native runner and merge the results into one tag, e.g. a matrix of',
    '`runs-on: ubuntu-24.04` and `ubuntu-24.04-arm` pushing by digest, then:',
    '',
    '```sh',
    'docker buildx imagetools create -t registry.example.com/myimage:1.0 \\',
    '  registry.example.com/myimage@sha256:AMD64_DIGEST registry.example.com/myimage@sha256:ARM64_DIGEST',
    '```',
    'Or cross-compile: run the compiler in a stage `FROM --platform=$BUILDPLATFORM …` and select the target',
    'with `ARG TARGETARCH`; and cache the step (`--cache-to type=gha,mode=max --cache-from type=gha`).',
  ].join('\n'),
  docs: 'https://docs.docker.com/build/building/multi-platform/#strategies',
};
