// The `vendor-no-release` enricher: a third-party apt repository with no `Release` file for the suite a line names
// (`E: The repository 'http://apt.postgresql.org/pub/repos/apt buster-pgdg Release' does not have a Release file.`).
// The suite's distribution release (`buster-pgdg` → Debian 10 (buster), release-codenames.ts), and, for a vendor that
// keeps an archive of the releases it dropped (vendor-apt-archives.ts), the archive's URL and the line rewritten to it.
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';
import { releaseOfCodename } from '../facts/release-codenames.js';
import { vendorArchiveOf } from './vendor-apt-archives.js';

export function vendorNoReleaseEnrich(captures: Readonly<Record<string, string>>, _step: Step | null, _model: BuildModel, _facts: FactView): Record<string, string> {
  const url = captures['context.vendorNoRelease.url'];
  const host = captures['context.vendorNoRelease.host'];
  const suite = captures['context.vendorNoRelease.suite'];
  if (url === undefined || host === undefined || suite === undefined) return {};
  const out: Record<string, string> = {};
  const codename = /^([a-z]+)(?:[-/]|$)/.exec(suite)?.[1];
  const release = codename === undefined ? undefined : releaseOfCodename[codename];
  if (release !== undefined) out.vendorSuiteRelease = `${release} (${codename})`;
  const archive = vendorArchiveOf(host);
  if (archive !== undefined) {
    const archiveUrl = url.replace(`//${host}`, `//${archive.archiveHost}`);
    out.vendorName = archive.vendor;
    out.vendorArchiveHost = archive.archiveHost;
    out.vendorArchiveUrl = archiveUrl;
    out.vendorPolicy = archive.policy;
    out.vendorArchiveSed = `sed -i 's|//${host}/|//${archive.archiveHost}/|g'`;
  }
  return out;
}
