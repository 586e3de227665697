// A step of a non-native platform that ran long: it ran under QEMU user-mode emulation, which runs
// compilers many times slower than native. The remedy Docker documents: one native runner per
// platform, push by digest, merge with `docker buildx imagetools create` (docs.docker.com
// build/ci/github-actions/multi-platform, "Distribute build across multiple runners"); arm64 hosted
// runners are labelled `ubuntu-24.04-arm` (GitHub's arm64 runners).
import type { RuleInput } from '../../schema.js';

export const emulatedSlowStep: RuleInput = {
  id: 'buildx/emulated-slow-step',
  title: 'Slow step under emulation',
  severity: 'notice',
  // Two minutes emulated is roughly ten native seconds: below that, emulation costs little.
  trigger: { kind: 'slow-step', minSeconds: 120, platform: 'foreign' },
  maxFindings: 5,
  message:
    '`{instruction}` took {duration} for {platform}, a platform this builder emulates with QEMU, which runs ' +
    'compilers many times slower than native.',
  fix: [
    'Build each platform on a native runner and merge the results into one tag: a job matrix of',
    '`runs-on: ubuntu-24.04` (linux/amd64) and `ubuntu-24.04-arm` (linux/arm64), each pushing its image by digest',
    '(`outputs: type=image,push-by-digest=true,name-canonical=true,push=true`), and a final job that joins the',
    'digests with `docker buildx imagetools create` (Docker\'s workflow: https://docs.docker.com/build/ci/github-actions/multi-platform/#distribute-build-across-multiple-runners).',
    'Or cross-compile: run the compiler in a stage `FROM --platform=$BUILDPLATFORM …` and select the target',
    'with `ARG TARGETARCH`; and cache the step (`--cache-to type=gha,mode=max --cache-from type=gha`).',
  ].join('\n'),
  docs: 'https://docs.docker.com/build/building/multi-platform/#strategies',
};
