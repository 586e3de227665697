// A third-party apt repository added by the very step that fails, with no key for it: `RUN apt-add-repository 'deb
// http://debian.drdteam.org stable multiverse'` fails with `NO_PUBKEY 392203ABAF88540B` because nothing installed the
// repository's key before (mccarrmb/docker-doom#2, "Grab apt key before adding repository": the key was never there, no
// vendor rotated it). add-apt-repository runs `apt update` itself after writing the source line, so the update fails in
// its step. The fix installs the key into a keyring file of its own and names it in the source line's `signed-by=`
// option (sources.list(5), "signed-by"; Debian's wiki DebianRepository/UseThirdParty: the key in /usr/share/keyrings,
// not apt-key). With the key ID the log gives, gpg fetches it from a keyserver and `gpg --export` (without --armor)
// writes the binary OpenPGP keyring apt reads under a `.gpg` name (sources.list(5); an ASCII-armoured key needs the
// `.asc` name, see apt/fetch-failed's keyring-filetype variant).
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';

/** `deb http://debian.drdteam.org stable multiverse` → the parts; null for a line with options (`deb [arch=amd64] …`) or no suite. */
export function parseDebLine(line: string): { url: string; host: string; rest: string } | null {
  const words = line.trim().split(/\s+/);
  if (words[0] !== 'deb' || words.length < 3 || words.length > 11) return null;
  const url = words[1]!;
  const host = /^https?:\/\/([A-Za-z0-9.-]{1,200})(?:[/:]|$)/.exec(url)?.[1];
  const rest = words.slice(2);
  if (host === undefined || url.length > 300 || /['"]/.test(url) || !rest.every((w) => /^[A-Za-z0-9._/-]{1,60}$/.test(w))) return null;
  return { url, host: host.toLowerCase(), rest: rest.join(' ') };
}

/**
 * For a repository the failing step adds itself (`context.addRepo.line`), when apt's refusal names that repository's host
 * (`context.keyRepo.host`) and the key (`key`): `repoKeyring` (the keyring file for its key), `repoSource` (the source line
 * with `signed-by=`), `repoListFile`, `repoHost`. Empty otherwise.
 */
export function repoKeyOrderEnrich(
  captures: Readonly<Record<string, string>>,
  _step: Step | null,
  _model: BuildModel,
  _facts: FactView,
): Record<string, string> {
  const line = captures['context.addRepo.line'];
  const key = captures.key;
  const refused = captures['context.keyRepo.host']?.toLowerCase();
  if (line === undefined || key === undefined || refused === undefined) return {};
  const deb = parseDebLine(line);
  if (deb === null || deb.host !== refused || !/^[0-9A-F]{8,40}$/.test(key)) return {};
  const keyring = `/usr/share/keyrings/${deb.host}.gpg`;
  return {
    repoHost: deb.host,
    repoKeyring: keyring,
    repoSource: `deb [signed-by=${keyring}] ${deb.url} ${deb.rest}`,
    repoListFile: `/etc/apt/sources.list.d/${deb.host}.list`,
  };
}
