// The wheels pip downloaded, per step, and how long each took by the log's own clock: pip prints
// `Downloading <file or URL> (67.1 MB)` when it starts and its next line (the finished progress
// bar, or the next `Collecting`) when it is done, and BuildKit stamps both with the seconds since
// the step started (`#11 6.508 …`). A download with no later stamped line of its step has no time.
// Bounded: a log of any length keeps at most MAX_DOWNLOADS entries.

/** One download, as the log shows it. */
export interface Download {
  step: number;
  /** The wheel's file name (the last part of a URL). */
  file: string;
  /** The size as pip prints it: `67.1 MB`. */
  size: string;
  /** Seconds from the `Downloading` line to the step's next stamped line, null when unknown. */
  seconds: number | null;
}

const MAX_DOWNLOADS = 2000;
/** `  Downloading torch-2.3.1-cp311-cp311-manylinux1_x86_64.whl (779.1 MB)`, or the whole URL from an index other than PyPI's. */
const DOWNLOADING = /^\s{0,20}Downloading (?:\S{0,1000}\/)?([^\s/]{1,300}\.whl) \(([\d.]{1,10} [kMG]?B)\)$/;

export class DownloadLedger {
  private readonly downloads: Download[] = [];
  /** Per step, its download still waiting for a later stamped line, and when it started. */
  private readonly open = new Map<number, { download: Download; at: number }>();

  /** One output line of a step, with BuildKit's seconds-since-start stamp (null when the format has none). */
  observe(step: number, text: string, seconds: number | null): void {
    const pending = this.open.get(step);
    if (pending !== undefined && seconds !== null) {
      pending.download.seconds = Math.max(0, seconds - pending.at);
      this.open.delete(step);
    }
    if (!text.includes('Downloading ') || this.downloads.length >= MAX_DOWNLOADS) return;
    const m = DOWNLOADING.exec(text);
    if (m === null) return;
    const download: Download = { step, file: m[1]!, size: m[2]!, seconds: null };
    this.downloads.push(download);
    if (seconds !== null) this.open.set(step, { download, at: seconds });
  }

  list(): Download[] {
    return this.downloads;
  }
}
