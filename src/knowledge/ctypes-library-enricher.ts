// The `ctypes-library` enricher: for a library a Python package looked up with ctypes.util.find_library and did not find
// (knowledge/ctypes-libraries.ts), the OS package for the distribution family the log shows (fact `os`), as the line that
// installs it where the program runs (a Dockerfile `RUN` in an image build); with no distro in the log, the three families.
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';
import { aptInstallLine } from './apt-install-line.js';
import { familyOf } from './command-package.js';
import { ctypesLibraries } from './ctypes-libraries.js';

export function ctypesLibraryEnrich(captures: Readonly<Record<string, string>>, _step: Step | null, _model: BuildModel, facts: FactView): Record<string, string> {
  const lib = ctypesLibraries[captures['name'] ?? ''];
  if (lib === undefined) return {};
  const os = facts.value('os');
  const family = familyOf(os);
  const out: Record<string, string> = { ctModule: lib.module, ctLibrary: lib.library, ctBundled: lib.bundled, ctDebInstall: aptInstallLine(lib.deb) };
  if (family === 'deb') out.ctInstall = aptInstallLine(lib.deb);
  else if (family === 'apk') out.ctInstall = `apk add --no-cache ${lib.apk}`;
  else if (family === 'rpm') out.ctInstall = `dnf install -y ${lib.rpm}`;
  if (out.ctInstall !== undefined && os !== null) out.ctOs = os;
  out.ctFamilies = `Debian/Ubuntu \`${lib.deb}\` (apt-get), Alpine \`${lib.apk}\` (apk), Fedora/RHEL \`${lib.rpm}\` (dnf)`;
  return out;
}
