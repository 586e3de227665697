// `apt-get install` exited with code 100 and the log keeps none of apt's `E:` lines: apt-get returns
// 100 on any error (apt-get(8), DIAGNOSTICS), so the fix first gets apt to say which, and, for a
// package that needs a component besides Debian's main (knowledge/debian-components.ts), names it
// with the line that adds the component in Debian 12's images. With an `E:` line in the log the
// rules that read it (apt/unable-to-locate-package, …) explain the failure instead.
import type { RuleInput } from '../../schema.js';

const seeTheError = [
  "To see apt's reason, rebuild the step with its output kept: `docker build --progress=plain …`, with any `-qq`,",
  "`> /dev/null` or `2> /dev/null` taken off the `apt-get` commands of that RUN line first; apt's `E:` lines say which",
  'package or source failed. Or ask apt in a container of the same base image, without installing anything:',
  '',
  '```sh',
  "apt-get update && apt-get install -s --no-install-recommends {enrich.packages}",
  '```',
].join('\n');

const componentsFix = [
  'Enable the components `{enrich.components}` before the install. In a Debian 12 (bookworm) image, whose',
  '`/etc/apt/sources.list.d/debian.sources` lists `Components: main`:',
  '',
  '```dockerfile',
  '{enrich.componentsLine}',
  'RUN apt-get update && apt-get install -y --no-install-recommends {enrich.packages}',
  '```',
  '',
  "Debian 12's `{enrich.componentPackage}` is version {enrich.bookwormVersion}; for another CUDA, build on an",
  '`nvidia/cuda` image instead.',
].join('\n');

export const aptInstallExit100: RuleInput = {
  id: 'apt/install-exit-100',
  title: 'apt-get install failed (exit code 100)',
  severity: 'error',
  trigger: { kind: 'failure' },
  specificity: 2,
  enrich: 'apt-exit',
  when: 'enrich.aptExit',
  message:
    "`apt-get install` exited with code 100, apt-get's code for any error (apt-get(8), DIAGNOSTICS), and the log keeps " +
    "none of apt's `E:` lines that say which.",
  fix: seeTheError,
  variants: [
    {
      when: 'enrich.componentPackage&enrich.bookworm',
      message:
        "`apt-get install` exited with code 100 (apt-get's code for any error) and the log keeps none of apt's `E:` lines. " +
        "The build is on Debian 12, which ships `{enrich.componentPackage}` in {enrich.componentNeeds}, " +
        "while Debian's images enable only main: apt has no candidate for it.",
      fix: componentsFix,
    },
    {
      when: 'enrich.componentPackage&!enrich.otherOs',
      message:
        "`apt-get install` exited with code 100 (apt-get's code for any error) and the log keeps none of apt's `E:` lines. " +
        "It installs `{enrich.componentPackage}`, which Debian 12 ships in {enrich.componentNeeds}, " +
        "while Debian's images enable only main: on such a base apt has no candidate for it. The log " +
        "does not show the base's release: its image tag says it (`bookworm` is Debian 12), or `cat /etc/os-release` in the image.",
      fix: `${componentsFix}\n\n${seeTheError}`,
    },
    {
      // Under emulation apt runs many times slower, and a slow or failing mirror fetch ends it with 100 too
      // (prefix-dev/pixi-docker#172: a multi-platform CI build; the rerun passed). `Acquire::Retries`: apt.conf(5),
      // "Number of retries to perform. If this is non-zero APT will retry failed files the given number of times."
      when: 'enrich.emulated',
      message:
        "`apt-get install` exited with code 100, apt-get's code for any error (apt-get(8), DIAGNOSTICS), in a step BuildKit ran " +
        'under QEMU emulation (`/dev/.buildkit_qemu_emulator`: a platform other than the builder\'s). The log keeps none of apt\'s ' +
        '`E:` lines. Emulated apt is slow, and a mirror fetch that times out ends it the same way: a network hiccup is as likely as a package problem.',
      fix: [
        'Run the job again first: a passing rerun says the fetch was transient. To make such a step sturdier, let apt retry its downloads:',
        '',
        '```dockerfile',
        'RUN apt-get -o Acquire::Retries=3 update && apt-get -o Acquire::Retries=3 install -y --no-install-recommends {enrich.packages}',
        '```',
        '',
        'If it fails again, see apt\'s reason: rebuild with `--progress=plain` (and without `-qq` or output redirects on the `apt-get` commands); ' +
          'its `E:` lines name the package or source. Building that platform on a native runner (an arm64 runner for `linux/arm64`) avoids emulation.',
      ].join('\n'),
      retryable: true,
    },
  ],
  docs: 'https://manpages.debian.org/bookworm/apt/apt-get.8.en.html',
};
