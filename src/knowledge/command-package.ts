// The `command-package` enricher: which package provides a missing command, for the distro family in
// fact `os`, and the line that installs it (a Dockerfile RUN in an image build, a shell command elsewhere).
// Only commands in the table get a package name; any other gets the command that looks it up
// (`apt-file search`, `dnf provides`), never a guess.
//
// Source of the table: `dpkg -S <path>` / `apt-cache policy` on Debian 12 (bookworm), this machine,
// 2026-12-05; the names are those of Debian's source packages, which Ubuntu inherits. Not verified for
// RPM distros, so they get `dnf provides` only.
//
// Alpine (family `apk`): `pip3` is in `py3-pip`, apart from `python3` since Alpine 3.12 (pkgs.alpinelinux.org,
// community/py3-pip; docker-in-aws/docker-in-aws#2: "`apk add python3` and `apk add python3-dev` was not providing pip3.
// We need to `apk add py3-pip`"); `gcc`, `make`, `patch` and `file` are packages of those names, the dependencies of
// the `build-base` meta package (aports main/build-base; dl-cdn.alpinelinux.org/alpine/v3.21/main/x86_64/gcc-14.2.0-r4.apk);
// `bash` is not in the base image (`apk add bash`). Any other command: the file search of pkgs.alpinelinux.org
// (`/contents?file=NAME&path=/usr/bin`), never a guessed name.
//
// With no `os` fact, the shell's own wording names the family: dash, Debian's and Ubuntu's `/bin/sh`, prints the
// line number (`/bin/sh: 1: pip3: not found`); busybox ash, Alpine's `/bin/sh`, prints none
// (`/bin/sh: pip3: not found`); bash says `command not found`. The match captures `lineNo` and `cmdWord` for it.
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';
import { aptInstallLine } from './apt-install-line.js';
import { runCommandEnrich } from './run-command-enricher.js';

const debianPackages: Readonly<Record<string, string>> = {
  git: 'git',
  cmake: 'cmake',
  wget: 'wget',
  curl: 'curl',
  make: 'make',
  gcc: 'gcc',
  'g++': 'g++',
  unzip: 'unzip',
  zip: 'zip',
  xz: 'xz-utils',
  ninja: 'ninja-build',
  patch: 'patch',
  file: 'file',
  lsb_release: 'lsb-release',
  pip3: 'python3-pip',
  ssh: 'openssh-client',
  gpg: 'gpg',
  jq: 'jq',
  xxd: 'xxd',
  rsync: 'rsync',
  sudo: 'sudo',
  ccache: 'ccache',
};

/** Alpine's packages for a command, where verified (see the top). */
const alpinePackages: Readonly<Record<string, string>> = {
  pip3: 'py3-pip',
  gcc: 'gcc',
  make: 'make',
  patch: 'patch',
  file: 'file',
  bash: 'bash',
};

export type Family = 'deb' | 'rpm' | 'apk' | null;

/** `Ubuntu 22.04`, `Debian 12` → deb; `UBI 9`, `Rocky Linux 9`, `CentOS 7`, `AlmaLinux 9` → rpm; else null. */
export function familyOf(os: string | null): Family {
  if (os === null) return null;
  const name = os.trim().toLowerCase();
  if (/^(?:ubuntu|debian)\b/.test(name)) return 'deb';
  if (/^(?:ubi|rhel|red hat|rocky|almalinux|centos|fedora|amazon linux)\b/.test(name)) return 'rpm';
  if (/^alpine\b/.test(name)) return 'apk';
  return null;
}

/** The shell that printed the not-found line, from its wording (see the top): dash, busybox ash, else null. */
export function shellOfWording(captures: Readonly<Record<string, string>>): 'dash' | 'busybox' | null {
  const lineNo = captures['lineNo'] ?? '';
  const cmdWord = captures['cmdWord'] ?? '';
  // Only the shell's own line (`sh: …`), not exec's `executable file not found` (notFoundBy is then absent).
  if (captures['notFoundBy'] !== 'sh' || captures['command'] === undefined || cmdWord !== '') return null;
  if (lineNo === '') return 'busybox';
  return /^\d/.test(lineNo) ? 'dash' : null;
}

/** The Debian/Ubuntu package that provides `command`, or null when the table does not know it. */
export function debianPackageFor(command: string): string | null {
  const name = command.slice(command.lastIndexOf('/') + 1);
  return debianPackages[name] ?? null;
}

// Package managers by the distribution family that ships them: apt-get, apt, apt-cache and dpkg are Debian's (packages
// apt and dpkg: `dpkg -S /usr/bin/apt-get` on Debian 12); apk is Alpine's: "Debian has, among others, apt; Alpine uses
// apk-tools", and Debian's `apt-get install package1 package2` is Alpine's `apk add package1 package2`
// (wiki.alpinelinux.org, "Comparison with other distros", Package management); yum, dnf, microdnf and rpm are the RHEL
// family's. A missing package manager means the step was written for another distribution: the step is rewritten with
// the image's own manager (pemtajo/badge-readme#34, ente/ente#6579: `apk add --no-cache …` replaced `apt-get install`).
const packageManagers: Readonly<Record<string, Exclude<Family, null>>> = {
  'apt-get': 'deb', apt: 'deb', 'apt-cache': 'deb', dpkg: 'deb', apk: 'apk', yum: 'rpm', dnf: 'rpm', microdnf: 'rpm', rpm: 'rpm',
};
const familyName: Readonly<Record<Exclude<Family, null>, string>> = { deb: 'Debian and Ubuntu', apk: 'Alpine', rpm: 'RHEL-like (Fedora, Rocky, UBI, CentOS)' };
const familyInstall: Readonly<Record<Exclude<Family, null>, string>> = {
  apk: 'apk add --no-cache PACKAGES',
  deb: 'apt-get update && apt-get install -y --no-install-recommends PACKAGES',
  rpm: 'dnf install -y PACKAGES',
};
// Where a family's package names are looked up: pkgs.alpinelinux.org, packages.debian.org / packages.ubuntu.com, `dnf search`.
const familyLookup: Readonly<Record<Exclude<Family, null>, string>> = {
  apk: 'Alpine\'s names often differ from Debian\'s (look each up at https://pkgs.alpinelinux.org/packages)',
  deb: 'Debian\'s names often differ (look each up at https://packages.debian.org or with apt-cache search)',
  rpm: 'the RHEL family\'s names often differ (look each up with dnf search)',
};
// A base image of the step's own family: official images tag their Debian builds by release (`-bookworm`, `-trixie`;
// python's also `-slim-bookworm`) and their Alpine builds `-alpine` / `-alpineX.Y` (docker-library/official-images,
// library/golang: `Tags: 1.27.1-bookworm …`, `1.27.1-alpine3.24 … 1.27-alpine`; docker-library/docs python/README.md).
const familyBase: Readonly<Record<Exclude<Family, null>, string>> = {
  deb: 'a Debian-based tag of the same image (official images name them -bookworm or -slim; check the image\'s tag list)',
  apk: 'an Alpine-based tag of the same image (official images name them -alpine; check the image\'s tag list)',
  rpm: 'a RHEL-like base image (rockylinux, registry.access.redhat.com/ubi9)',
};

/** The missing command is another distribution's package manager: the fields of the advice that rewrites the step (`{enrich.foreignPm}`, `{enrich.foreignPmInstall}`, `{enrich.foreignPmBase}`). */
function foreignPackageManager(name: string, family: Family, where: string, run: string): Record<string, string> {
  const own = packageManagers[name];
  if (own === undefined || family === null || own === family) return {};
  return {
    foreignPm: name,
    foreignPmOwn: familyName[own],
    foreignPmWhere: where,
    foreignPmFamily: familyName[family],
    foreignPmLookup: familyLookup[family],
    foreignPmInstall: `${run}${familyInstall[family]}`,
    foreignPmBase: familyBase[own],
  };
}

function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export function commandPackageEnrich(captures: Readonly<Record<string, string>>, step: Step | null, model: BuildModel, facts: FactView): Record<string, string> {
  // At `docker run`, the image and flags of the run line too (the rule's advice names the image).
  const run = facts.place === 'docker-run' ? runCommandEnrich(captures, step, model, facts) : {};
  return { ...run, ...packageAdvice(captures, facts) };
}

function packageAdvice(captures: Readonly<Record<string, string>>, facts: FactView): Record<string, string> {
  const command = captures['command'];
  if (command === undefined || command === '') return {};
  const name = command.slice(command.lastIndexOf('/') + 1);
  const os = facts.value('os');
  // busybox ash is also the /bin/sh of the busybox image, which has no package manager: the wording says Alpine only
  // when the base image, if the log names it, is an Alpine one.
  const base = facts.value('baseImage');
  const shell = os === null ? shellOfWording(captures) : null;
  const byWording = shell === 'dash' ? 'deb' : shell === 'busybox' && (base === null || /alpine/i.test(base)) ? 'apk' : null;
  const family = os !== null ? familyOf(os) : byWording;
  const run = facts.place === 'image-build' ? 'RUN ' : '';
  // Where the family was read: the distro, the base image's Alpine tag with busybox's wording, or the wording alone.
  const where =
    os !== null ? `this stage runs ${os}` : base !== null && byWording === 'apk' && /alpine/i.test(base) ? `this stage's base image ${base} is Alpine (busybox's wording of the not-found line agrees)` :
      byWording === 'apk' ? 'the shell\'s wording (no line number before the command) is busybox ash\'s, the /bin/sh of Alpine images' :
        'the shell\'s wording (a line number before the command) is dash\'s, the /bin/sh of Debian and Ubuntu images';
  const foreign = foreignPackageManager(name, family, where, run);
  if (foreign['foreignPm'] !== undefined) return foreign;
  // Where the family comes from: the image's distro, else the shell's wording.
  const shellNote =
    byWording === 'deb'
      ? 'The shell\'s wording (a line number before the command) is dash\'s, the /bin/sh of Debian and Ubuntu images.'
      : 'The shell\'s wording (no line number before the command) is busybox ash\'s, the /bin/sh of Alpine images.';
  const on = (text: string): string => (os !== null ? `On ${os}, ${text}` : `${shellNote} There, ${text}`);
  if (family === 'apk') {
    const apkPkg = alpinePackages[name] ?? null;
    if (apkPkg !== null) {
      return { commandPackage: apkPkg, installIntro: on(`${name} is in the package ${apkPkg}; install it in the stage that runs it:`), installLine: `${run}apk add --no-cache ${apkPkg}` };
    }
    return {
      installIntro: on(`find the Alpine package that ships ${name} (the file search of pkgs.alpinelinux.org: https://pkgs.alpinelinux.org/contents?file=${encodeURIComponent(name)}&path=/usr/bin , or path=/bin), then install it in the stage that runs it:`),
      installLine: `${run}apk add --no-cache PACKAGE`,
    };
  }
  const pkg = family === 'deb' ? debianPackageFor(name) : null;
  if (pkg !== null) {
    return {
      commandPackage: pkg,
      installIntro: on(`${name} is in the package ${pkg}; install it in the stage that runs it:`),
      installLine: `${run}${aptInstallLine(pkg)}`,
    };
  }
  const pattern = shellQuote(`bin/${name}$`);
  if (family === 'deb') {
    return {
      installIntro: os !== null ? `Find the ${os} package that provides ${name}, then install it in the stage that runs it:` : on(`find the package that provides ${name}, then install it in the stage that runs it:`),
      installLine: `${run}apt-get update && apt-get install -y apt-file && apt-file update && apt-file search --regexp ${pattern}`,
    };
  }
  if (family === 'rpm') {
    return {
      installIntro: `Find the ${facts.value('os')} package that provides ${name}, then install it in the stage that runs it:`,
      installLine: `${run}dnf provides ${shellQuote(`*/bin/${name}`)}`,
    };
  }
  return {
    installIntro: `Find the package that provides ${name} for the distribution of this stage (apt-file search on Debian and Ubuntu, dnf provides on RHEL-like images), then install it in the stage that runs it:`,
    installLine: `${run}apt-get update && apt-get install -y apt-file && apt-file update && apt-file search --regexp ${pattern}`,
  };
}
