// The `vendor-apt-key` enricher: for apt's refusal of a third-party repository whose vendor documents its key file
// (vendor-apt-keys.ts), the vendor, the key file's URL, and the commands that write it into the vendor's own keyring and,
// for a source without `signed-by=`, into trusted.gpg.d. Every key is absent for a host not in the table.
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';
import { vendorAptKeyOf, vendorKeyCommand } from './vendor-apt-keys.js';

export function vendorAptKeyEnrich(captures: Readonly<Record<string, string>>, _step: Step | null, _model: BuildModel, _facts: FactView): Record<string, string> {
  const host = captures['context.keyRepo.host'];
  if (host === undefined) return {};
  const key = vendorAptKeyOf(host);
  if (key === undefined) return {};
  const out: Record<string, string> = {
    keyVendor: key.vendor,
    keyUrl: key.keyUrl,
    trustedKeyCommand: vendorKeyCommand(key, key.trustedFile),
  };
  if (key.keyring !== undefined) {
    out.vendorKeyring = key.keyring;
    out.vendorKeyCommand = vendorKeyCommand(key, key.keyring);
  }
  return out;
}
