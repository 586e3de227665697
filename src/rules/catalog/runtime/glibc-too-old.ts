// A program (or library) was linked against a newer GNU C library than the one where it runs: the
// dynamic loader's `<prog>: /lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.39' not found (required by
// rustnet)` (domcyrus/rustnet#6, 2025; iwillspeak/docket#28, 2026: one line per missing symbol version).
// In images it is nearly always a multi-stage build whose build stage runs a newer distro release than the
// stage that ships (crab.fit#305: a `rust:latest` builder on Debian 12, glibc 2.36, and a `debian:bullseye-slim`
// runtime, glibc 2.31), or a binary built on the host and copied in. glibc keeps old symbol versions, so a
// program built against an older glibc runs on a newer one, not the reverse (the loader names the version it
// lacks). The fix does not guess release numbers: `ldd --version` prints the glibc of an image (its first
// line, e.g. `ldd (Ubuntu GLIBC 2.35-0ubuntu3.9) 2.35`, MVS-sysgen/sysgen#61: the nomatch fixture).
import type { RuleInput } from '../../schema.js';

export const glibcTooOld: RuleInput = {
  id: 'runtime/glibc-too-old',
  title: 'Program needs a newer glibc than the image has',
  severity: 'error',
  match: [
    // `rustnet: /lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.39' not found (required by rustnet)`
    {
      literals: ["' not found"],
      pattern: "(?<lib>[\\w./+-]{0,200}lib[cm]\\.so\\.6): version .?GLIBC_(?<needs>2\\.\\d{1,3})' not found \\(required by (?<by>[^)\\s]{1,200})\\)",
    },
  ],
  context: [
    // every symbol version the loader lacks, one line each: the highest is what the target must have
    { name: 'versions', literals: ["' not found"], pattern: "version .?GLIBC_(?<needs>2\\.\\d{1,3})' not found", tally: true },
  ],
  scope: 'step',
  specificity: 3,
  message:
    '`{by}` was built against a newer GNU C library than the system it runs on has (`{lib}` lacks the symbol versions ' +
    '{context.versions.needs:all}): ' +
    'glibc runs programs built against older releases, never newer ones. In an image this is usually a build stage on a ' +
    'newer distro release than the stage that ships, or a binary built on another machine and copied in.',
  fix: [
    'Compare the C libraries of the two places: `ldd --version` prints an image\'s glibc on its first line. Run it in the',
    'image that runs `{by}` (on its `docker run`: `--entrypoint ldd` before the image name, `--version` after it) and in the',
    'stage or machine that built `{by}`. Then build where it runs: make the build stage and the final stage the same distro',
    'release (the same `FROM` family and version), or move the final stage to a release whose glibc has the highest version',
    'listed above. A binary built on the host: build it in the image instead.',
  ].join('\n'),
  docs: 'https://man7.org/linux/man-pages/man8/ld.so.8.html',
};
