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

/**
 * Lines remembered per step to tell a redraw from new output: more than the few last lines the display
 * shows under a running step, so a whole window redrawn is recognised.
 */
const LIVE_LINES = 16;
/** Steps whose window is remembered (parallel steps redraw in turn). */
const LIVE_STEPS = 64;

export class BuildkitTtyGrammar {
  /** The step whose `=> =>` lines follow. */
  private last: number | null = null;
  /** Per step, the latest lines the display showed under it. */
  private readonly windows = new Map<number, string[]>();
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

  push(line: LogLine): boolean {
    const text = line.text;
    if (text.startsWith('[+] ')) {
      if (!text.startsWith('[+] Building ')) return false;
      this.ctx.seeFormat('buildkit-tty');
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
    let body = rest.trimEnd();
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
   * (padded to the terminal's width): a line that is still in the window is not new.
   */
  private sub(line: LogLine, body: string): void {
    if (this.last === null) return;
    if (body.startsWith('# ') || body === '#') {
      const text = body.slice(2).trimEnd();
      if (this.stillShown(this.last, text)) return;
      this.ctx.emit({ type: 'step-output', line: line.line, id: this.last, seconds: null, text });
      return;
    }
    const time = readTrailingTime(body);
    const text = (time === null ? body : body.slice(0, time.end)).trimEnd();
    this.ctx.emit({ type: 'step-output', line: line.line, id: this.last, seconds: null, text, status: true });
  }

  /** Whether `text` is one of the lines the display last showed for `id` (remembered when it is not). */
  private stillShown(id: number, text: string): boolean {
    let window = this.windows.get(id);
    if (window === undefined) {
      if (this.windows.size >= LIVE_STEPS) this.windows.delete(this.windows.keys().next().value!);
      window = [];
      this.windows.set(id, window);
    }
    if (window.includes(text)) return true;
    window.push(text);
    if (window.length > LIVE_LINES) window.shift();
    return false;
  }
}
