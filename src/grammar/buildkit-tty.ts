// BuildKit's tty display, as users paste it from a terminal (or a CI that fakes a tty):
//
//   [+] Building 17.3s (9/12) FINISHED                        docker:default
//    => [internal] load build definition from Dockerfile                  0.0s
//    => => transferring dockerfile: 1.23kB                                0.0s
//    => CACHED [builder 1/7] FROM docker.io/nvidia/cuda:12.4.1-devel-…    0.0s
//    => ERROR [builder 3/7] RUN pip install -r requirements.txt          16.6s
//    => => # Collecting torch==2.3.0                                      (live output)
//    => CANCELED [runtime 2/4] RUN apt-get update                         3.1s
//
// The display has no vertex numbers: steps get ids in order of first appearance, by name (a
// redrawn screen repeats every line). A line without a mark and with a time is done: in a final
// screen, steps cut short show CANCELED; a later redraw of the same step overrides an earlier one.
import type { LogLine } from '../lines/types.js';
import type { ParseContext } from './context.js';
import { parseVertexName } from './vertex-name.js';

/** Trailing `  16.6s` → seconds and where the name ends; null when the line has no time. */
function readTrailingTime(text: string): { seconds: number; end: number } | null {
  if (!text.endsWith('s')) return null;
  const space = text.lastIndexOf(' ');
  if (space < 0) return null;
  const token = text.slice(space + 1, -1);
  if (token.length === 0 || token.length > 12 || !/^\d+(?:\.\d+)?$/.test(token)) return null;
  return { seconds: Number(token), end: space };
}

const MARKS = ['CACHED ', 'ERROR ', 'CANCELED '] as const;
/** The header's count and its end: `[+] Building 1.2s (10/12)`, `[+] Building 17.3s (12/12) FINISHED`. */
const PROGRESS = /^\[\+\] Building \d{1,7}(?:\.\d{1,3})?s \((\d{1,6})\/(\d{1,6})\)( FINISHED)?/;
/** Blanks that padded a row to the terminal's width, then the `------` that opens the error box below it. */
const boxGluedAfterPadding = /\s{2,400}-{4,40}$/;

/**
 * Lines remembered per step to tell a redraw from new output: more than the few last lines the display
 * shows under a running step, so a whole window redrawn is recognised.
 */
const LIVE_LINES = 16;
/** Steps whose window is remembered (parallel steps redraw in turn). */
const LIVE_STEPS = 64;

/**
 * The `=> => #` lines printed under one appearance of a step's row: the display's window of the
 * step's last lines, which the next redraw prints again, scrolled by the lines that came since.
 */
interface LiveWindow {
  id: number;
  /** The window the step's previous row showed. */
  before: readonly string[];
  /** The lines of this window so far. */
  shown: string[];
  /** How far this window scrolled past `before` (its first line is `before[scroll]`), once known. */
  scroll: number | null;
  /** Lines read while the scroll is not yet known: redrawn or new is told once it is. */
  held: { line: number; text: string }[];
}

/**
 * The least scroll that lines `shown` up with `before`: `before[scroll + j] === shown[j]` wherever
 * both have a line. A redraw repeats the window from where it scrolled to, so the overlap is the
 * longest one; `before.length` (nothing in common) always fits.
 */
function scrollOf(before: readonly string[], shown: readonly string[]): number {
  for (let scroll = 0; scroll < before.length; scroll++) {
    let fits = true;
    for (let j = 0; j < shown.length && scroll + j < before.length; j++) {
      if (before[scroll + j] !== shown[j]) {
        fits = false;
        break;
      }
    }
    if (fits) return scroll;
  }
  return before.length;
}

export class BuildkitTtyGrammar {
  /** The step whose `=> =>` lines follow. */
  private last: number | null = null;
  /** Per step, the window its last row showed. */
  private readonly windows = new Map<number, readonly string[]>();
  /** The window being read, under the latest step row. */
  private live: LiveWindow | null = null;
  /**
   * The step the display marked ERROR last: the error box below the screen prints its output. A
   * paste that lost the box's ` > [5/8] RUN …:` header keeps that output's `14.87 ` times.
   */
  failed: number | null = null;

  constructor(private readonly ctx: ParseContext) {}

  static claims(text: string): boolean {
    const c = text.charCodeAt(0);
    return (c === 32 || c === 61 || c === 91) && (text.startsWith('[+] ') || text.trimStart().startsWith('=> '));
  }

  /** `=> => # …`: a line of a step's live window. */
  static isLiveOutput(text: string): boolean {
    return text.trimStart().startsWith('=> => #');
  }

  /** Lines are held while a window's redraw is not yet told from new output. */
  get holding(): boolean {
    return this.live !== null && this.live.held.length > 0;
  }

  push(line: LogLine): boolean {
    const text = line.text;
    if (!BuildkitTtyGrammar.isLiveOutput(text)) this.flush();
    if (text.startsWith('[+] ')) {
      if (!text.startsWith('[+] Building ')) return false;
      this.ctx.seeFormat('buildkit-tty');
      const progress = PROGRESS.exec(text);
      if (progress !== null) {
        this.ctx.emit({ type: 'tty-progress', line: line.line, done: Number(progress[1]), total: Number(progress[2]), finished: progress[3] !== undefined });
      }
      return true;
    }
    const row = text.trimStart();
    if (!row.startsWith('=> ')) return false;
    this.ctx.seeFormat('buildkit-tty');
    const rest = row.slice(3);
    if (rest.startsWith('=> ')) {
      this.sub(line, rest.slice(3));
      return true;
    }
    let mark: (typeof MARKS)[number] | null = null;
    // A pasted screen keeps the terminal's trailing blanks after the time.
    // A copy of the screen can join the error box's opening `------` onto the ERROR row, after the padding.
    let body = rest.trimEnd();
    if (body.endsWith('----')) body = body.replace(boxGluedAfterPadding, '');
    for (const m of MARKS) {
      if (body.startsWith(m)) {
        mark = m;
        body = body.slice(m.length);
        break;
      }
    }
    const time = readTrailingTime(body);
    const name = (time === null ? body : body.slice(0, time.end)).trimEnd();
    const seconds = time?.seconds ?? null;
    if (name.length === 0) return true;
    let id = this.ctx.findByName(name);
    if (id === undefined) {
      id = this.ctx.startUnnumberedStep(line.line, (fresh) => parseVertexName(fresh, name), 'buildkit-tty', name);
      if (id === undefined) return true;
    }
    this.endWindow();
    this.live = { id, before: this.windows.get(id) ?? [], shown: [], scroll: null, held: [] };
    this.last = id;
    const at = line.line;
    if (mark === 'CACHED ') this.ctx.emit({ type: 'step-cached', line: at, id });
    else if (mark === 'ERROR ') {
      this.failed = id;
      this.ctx.emit({ type: 'step-error', line: at, id, seconds, message: '' });
    }
    else if (mark === 'CANCELED ') this.ctx.emit({ type: 'step-canceled', line: at, id, seconds });
    else if (seconds !== null) this.ctx.emit({ type: 'step-done', line: at, id, seconds });
    return true;
  }

  /**
   * `=> => # output` (the live tail of a running step) or `=> => transferring …  0.0s` (status). A
   * terminal capture holds every redraw of the screen, and each shows the step's last few lines again
   * (padded to the terminal's width), scrolled by the lines that came since: those are new, the rest
   * is the redraw. A line that repeats within one window is output printed twice, and kept.
   */
  private sub(line: LogLine, body: string): void {
    if (this.last === null) return;
    if (body.startsWith('# ') || body === '#') {
      const text = body.slice(2).trimEnd();
      const live = this.live;
      if (live === null || live.id !== this.last) {
        this.ctx.emit({ type: 'step-output', line: line.line, id: this.last, seconds: null, text });
        return;
      }
      const index = live.shown.length;
      live.shown.push(text);
      if (live.scroll === null) {
        live.held.push({ line: line.line, text });
        // Once the window is as long as the one before, how far it scrolled is known.
        if (live.shown.length >= live.before.length) this.flush();
        return;
      }
      if (live.scroll + index >= live.before.length || live.before[live.scroll + index] !== text) this.emitOutput(live.id, line.line, text);
      return;
    }
    this.flush();
    const time = readTrailingTime(body);
    const text = (time === null ? body : body.slice(0, time.end)).trimEnd();
    this.ctx.emit({ type: 'step-output', line: line.line, id: this.last, seconds: null, text, status: true });
  }

  /** Tells the held lines of the live window: those past the previous window's overlap are new output. */
  flush(): void {
    const live = this.live;
    if (live === null || live.scroll !== null) return;
    live.scroll = scrollOf(live.before, live.shown);
    live.held.forEach((held, index) => {
      if (live.scroll! + index >= live.before.length) this.emitOutput(live.id, held.line, held.text);
    });
    live.held = [];
  }

  /** The live window is over (another row, the end of the log): it is what the next redraw repeats. */
  private endWindow(): void {
    const live = this.live;
    if (live === null) return;
    this.flush();
    this.live = null;
    if (live.shown.length === 0) return;
    if (!this.windows.has(live.id) && this.windows.size >= LIVE_STEPS) this.windows.delete(this.windows.keys().next().value!);
    this.windows.set(live.id, live.shown.slice(-LIVE_LINES));
  }

  /** Flushes what is held at the end of the log. */
  end(): void {
    this.endWindow();
  }

  private emitOutput(id: number, line: number, text: string): void {
    this.ctx.emit({ type: 'step-output', line, id, seconds: null, text });
  }
}
