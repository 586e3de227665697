// The `conda-network` enricher: for a download conda, mamba or micromamba could not make, what was
// asked for (a channel's index or a package file, the channel, the host) and the settings that let
// the tool in use ride out a passing failure. Values are plain text, one line each.
//
// Sources (read 2026 in the projects' own trees):
// - conda (conda/base/context.py): `remote_max_retries` (default 3), `remote_backoff_factor` (1),
//   `remote_connect_timeout_secs` (9.15), `remote_read_timeout_secs` (60.0), `proxy_servers`; its
//   HTTP session retries connection errors and HTTP 413 / 429 / 500 / 503 that many times
//   (conda/gateways/connection/session.py, urllib3 `Retry(status_forcelist=[413, 429, 500, 503])`).
//   conda reads `~/.condarc` among its rc files.
// - libmamba (mamba 2, micromamba; mamba 1 downloads with it too): `remote_max_retries` (default 3),
//   `remote_backoff_factor`, `remote_connect_timeout_secs` (default 10) and `proxy_servers` are rc
//   settings (libmamba/src/api/configuration.cpp), and `~/.condarc` is one of the rc files it reads
//   (same file, the user rc list). It retries HTTP 413, 429 and 5xx and most curl errors, but not
//   curl's timeout (CURLE_OPERATION_TIMEDOUT, `Download error (28)`: libmamba/src/download/curl.cpp
//   CURLHandle::can_retry), and it cancels a download slower than 30 bytes/s for 60 s unless
//   `MAMBA_NO_LOW_SPEED_LIMIT` is set to something other than 0 (libmamba/src/download/downloader.cpp,
//   get_env_remote_params; curl.cpp sets CURLOPT_LOW_SPEED_LIMIT 30 / LOW_SPEED_TIME 60).
//   rapidsai/docker#648 set both for mamba's `Download error (28) Timeout was reached` in image builds.
import type { BuildModel, Step } from '../model/types.js';
import type { FactView } from '../facts/fact-view.js';

/** The platform directories of a conda channel (conda's and libmamba's known subdirs that builds meet). */
const SUBDIRS = new Set(['noarch', 'linux-64', 'linux-aarch64', 'linux-ppc64le', 'linux-s390x', 'linux-32', 'osx-64', 'osx-arm64', 'win-64', 'win-32', 'win-arm64']);

/** What a failed download was: a channel's index, or one package file. */
export interface CondaTarget {
  /** The channel's base URL (`https://conda.anaconda.org/intel`), or null when the URL holds no subdir. */
  channel: string | null;
  /** The package file (`scipy-1.0.0-py27hf5f0f52_0.tar.bz2`), null for an index (`repodata.json`). */
  packageFile: string | null;
  /** The host (`conda.anaconda.org`), or null when the URL does not parse. */
  host: string | null;
}

/** Reads a channel URL or a URL under a channel. */
export function condaTarget(url: string): CondaTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { channel: null, packageFile: null, host: null };
  }
  const host = parsed.host;
  const segments = parsed.pathname.split('/').filter((part) => part !== '');
  const last = segments.at(-1) ?? '';
  const packageFile = last.endsWith('.tar.bz2') || last.endsWith('.conda') ? last : null;
  const subdir = segments.findIndex((part) => SUBDIRS.has(part));
  const base = (parts: string[]) => `${parsed.origin}${parts.length === 0 ? '' : `/${parts.join('/')}`}`;
  // Under a subdir: the channel is what comes before it; no subdir: the URL is the channel, unless it names a file.
  const channel = subdir >= 0 ? base(segments.slice(0, subdir)) : packageFile !== null || last.startsWith('repodata') ? null : base(segments);
  return { channel, packageFile, host };
}

/** Which downloader printed the failure: conda's own (requests) or libmamba (mamba, micromamba). */
export function downloaderOf(captures: Readonly<Record<string, string>>, facts: FactView): 'conda' | 'libmamba' {
  if (captures['context.libmamba'] !== undefined) return 'libmamba';
  if (captures['context.condaError'] !== undefined) return 'conda';
  const installer = facts.value('installer');
  return installer === 'mamba' || installer === 'micromamba' ? 'libmamba' : 'conda';
}

/**
 * The rc lines that give the downloader more tries and more time. libmamba never retries its own
 * timeout (curl error 28), so for that one only the connect timeout helps.
 */
function retrySettings(downloader: 'conda' | 'libmamba', curl: string | undefined): string[] {
  if (downloader === 'conda') return ['remote_max_retries: 6', 'remote_read_timeout_secs: 120'];
  return curl === '28' ? ['remote_connect_timeout_secs: 30'] : ['remote_max_retries: 6', 'remote_connect_timeout_secs: 30'];
}

function retryNote(downloader: 'conda' | 'libmamba', curl: string | undefined): string {
  if (downloader === 'conda') return "conda's defaults are 3 retries and a 60 s read timeout; it retries lost connections and HTTP 500 / 503.";
  if (curl === '28') return 'libmamba never retries a timeout (curl error 28) itself, so run the install again; its connect timeout is 10 s by default.';
  return 'libmamba retries HTTP 5xx and lost connections, 3 times by default, but never a timeout (curl error 28).';
}

/** The command that lists the rc files the tool reads and the channels each sets (micromamba/src/config.cpp: `config list -s`). */
function sourcesCommand(tool: string): string {
  if (tool === 'conda') return 'conda config --show-sources';
  return `${tool === 'mamba' ? 'mamba' : 'micromamba'} config list channels --sources`;
}

/** curl's names for the network errors libmamba reports as `Download error (N)` (libcurl-errors(3)). */
const curlErrors: Readonly<Record<string, string>> = {
  '5': "curl error 5, the proxy's name did not resolve",
  '6': 'curl error 6, the host name did not resolve',
  '7': 'curl error 7, no connection',
  '18': 'curl error 18, the transfer stopped early',
  '28': 'curl error 28, timed out',
  '35': 'curl error 35, the TLS handshake failed',
  '52': 'curl error 52, an empty reply',
  '55': 'curl error 55, sending failed',
  '56': 'curl error 56, receiving failed',
};

/** The failure in words: `HTTP 503`, `no HTTP answer`, `curl error 28, timed out`. */
export function statusText(captures: Readonly<Record<string, string>>): string {
  const status = captures.status ?? captures['context.errorCode.code'];
  if (status === '000' || status === 'None') return 'no HTTP answer';
  if (status !== undefined) return `HTTP ${status}`;
  const curl = captures.curl;
  return curl === undefined ? 'no answer' : (curlErrors[curl] ?? `curl error ${curl}`);
}

export function condaNetworkEnrich(
  captures: Readonly<Record<string, string>>,
  _step: Step | null,
  _model: BuildModel,
  facts: FactView,
): Record<string, string> {
  const url = captures.url ?? captures['context.channelUrl.url'] ?? '';
  const target = url === '' ? null : condaTarget(url);
  const downloader = downloaderOf(captures, facts);
  const installer = facts.value('installer');
  const tool =
    installer === 'conda' || installer === 'mamba' || installer === 'micromamba' ? installer : downloader === 'conda' ? 'conda' : 'mamba or micromamba';
  const settings = retrySettings(downloader, captures.curl);
  const out: Record<string, string> = {
    tool,
    status: statusText(captures),
    // The tool's command that drops cached channel indexes (mamba 1 hands `clean` to conda, which has the same flag).
    cleanIndex: `${tool === 'micromamba' ? 'micromamba' : downloader === 'conda' ? 'conda' : 'mamba'} clean --index-cache`,
    retrySettings: settings.join(', '),
    // One shell line that appends the settings to the user's rc file (read by conda and libmamba alike).
    rcAppend: `printf '${settings.join('\\n')}\\n' >> ~/.condarc`,
    settingsIntro:
      downloader === 'conda'
        ? 'give conda more retries and a longer read timeout'
        : captures.curl === '28'
          ? 'give libmamba more time to connect'
          : 'give libmamba more retries and more time to connect',
    retryNote: retryNote(downloader, captures.curl),
    sourcesCmd: sourcesCommand(tool),
    lowSpeedEnv: downloader === 'libmamba' ? 'MAMBA_NO_LOW_SPEED_LIMIT=1' : '',
  };
  if (target?.host) out.host = target.host;
  if (target?.channel) out.channel = target.channel;
  if (target?.packageFile) out.packageFile = target.packageFile;
  return out;
}
