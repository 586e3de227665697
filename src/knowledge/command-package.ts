// The `command-package` enricher: which package provides a missing command, for the distro family in
// fact `os`, and the line that installs it (a Dockerfile RUN in an image build, a shell command elsewhere).
// Only commands in the table get a package name; any other gets the command that looks it up
// (`apt-file search`, `dnf provides`), never a guess.
//
// Source of the table: `dpkg -S <path>` / `apt-cache policy` on Debian 12 (bookworm), this machine,
// 2026-12-05; the names are those of Debian's source packages, which Ubuntu inherits. Not verified for
// RPM distros, so they get `dnf provides` only.
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';
import { aptInstallLine } from './apt-install-line.js';

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

export type Family = 'deb' | 'rpm' | null;

/** `Ubuntu 22.04`, `Debian 12` → deb; `UBI 9`, `Rocky Linux 9`, `CentOS 7`, `AlmaLinux 9` → rpm; else null. */
export function familyOf(os: string | null): Family {
  if (os === null) return null;
  const name = os.trim().toLowerCase();
  if (/^(?:ubuntu|debian)\b/.test(name)) return 'deb';
  if (/^(?:ubi|rhel|red hat|rocky|almalinux|centos|fedora|amazon linux)\b/.test(name)) return 'rpm';
  return null;
}

/** The Debian/Ubuntu package that provides `command`, or null when the table does not know it. */
export function debianPackageFor(command: string): string | null {
  const name = command.slice(command.lastIndexOf('/') + 1);
  return debianPackages[name] ?? null;
}

function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export function commandPackageEnrich(captures: Readonly<Record<string, string>>, _step: Step | null, _model: BuildModel, facts: FactView): Record<string, string> {
  const command = captures['command'];
  if (command === undefined || command === '') return {};
  const name = command.slice(command.lastIndexOf('/') + 1);
  const family = familyOf(facts.value('os'));
  const run = facts.place === 'image-build' ? 'RUN ' : '';
  const pkg = family === 'deb' ? debianPackageFor(name) : null;
  if (pkg !== null) {
    return {
      commandPackage: pkg,
      installIntro: `On ${facts.value('os')}, ${name} is in the package ${pkg}; install it in the stage that runs it:`,
      installLine: `${run}${aptInstallLine(pkg)}`,
    };
  }
  const pattern = shellQuote(`bin/${name}$`);
  if (family === 'deb') {
    return {
      installIntro: `Find the ${facts.value('os')} package that provides ${name}, then install it in the stage that runs it:`,
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
