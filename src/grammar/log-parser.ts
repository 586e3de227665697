// Grammar stage: clean lines → build events, whatever the log format. A small dispatcher: each
// line goes to the one grammar that claims it, found by cheap tests of its first characters, so
// a log that mixes formats (two builds in one CI job, a pasted tty screen with a plain error box)
// still parses line by line. What no grammar claims is unframed: the continuation of the current
// step, else text outside any step (or, before any framing was seen, the implicit step 0).
import type { BuildEvent, LogFormat } from './events.js';
import type { LogLine } from '../lines/types.js';
import { BuildkitPlainGrammar, readTimestamp } from './buildkit-plain.js';
import { BuildkitTtyGrammar } from './buildkit-tty.js';
import { BuildahGrammar } from './buildah.js';
import { ClassicGrammar } from './classic.js';
import { ClosingBlockGrammar } from './closing-blocks.js';
import { ParseContext } from './context.js';
import { isClipNotice } from './lint-and-clip.js';
import { RawJsonGrammar } from './rawjson.js';

/**
 * A copied tty screen can join the whole error box onto the ERROR row, each part after the terminal's padding
 * (the `------` may follow the time after a single blank):
 * ` => ERROR [4/7] RUN … 0.2s ------    > [4/7] RUN …:    0.185 /bin/sh: 1: source: not found`
 * (peixian/org-roam-force-graph#2). The pieces: the row, the box's `------`, its ` > [4/7] …:` header, and each
 * output line, which starts with the step's time (`0.185 `). Null for any other line.
 */
const GLUED_BOX = /^(\s*=> ERROR .{1,2000}? \d{1,7}(?:\.\d{1,3})?s)\s{1,400}(-{4,40})\s{1,400}(> \[[^\]\n]{1,200}\] .{1,4000}?:)\s{2,400}(\d{1,6}\.\d{3} .*)$/;
const BOX_OUTPUT_BREAK = /\s{2,400}(?=\d{1,6}\.\d{3} )/;

export function splitGluedErrorBox(text: string): string[] | null {
  if (!text.includes('=> ERROR ') || !text.includes('----')) return null;
  const m = GLUED_BOX.exec(text);
  if (m === null) return null;
  return [m[1]!, m[2]!, ' ' + m[3]!, ...m[4]!.split(BOX_OUTPUT_BREAK).map((piece) => piece.trimEnd())];
}

export class LogParser {
  private readonly ctx: ParseContext;
  private readonly rawjson: RawJsonGrammar;
  private readonly plain: BuildkitPlainGrammar;
  private readonly closing: ClosingBlockGrammar;
  private readonly tty: BuildkitTtyGrammar;
  private readonly classic: ClassicGrammar;
  private readonly buildah: BuildahGrammar;

  constructor(emit: (event: BuildEvent) => void) {
    this.ctx = new ParseContext(emit);
    this.rawjson = new RawJsonGrammar(emit, (held) => this.unframed(held));
    this.plain = new BuildkitPlainGrammar(this.ctx);
    this.closing = new ClosingBlockGrammar(this.ctx, (line) => this.unframed(line));
    this.tty = new BuildkitTtyGrammar(this.ctx);
    this.classic = new ClassicGrammar(this.ctx);
    this.buildah = new BuildahGrammar(this.ctx);
  }

  /** The log's format: the first framed one seen, `plain-text` for unframed output, else `unknown`. */
  get format(): LogFormat {
    return this.ctx.format;
  }

  push(line: LogLine): void {
    const glued = BuildkitTtyGrammar.claims(line.text) ? splitGluedErrorBox(line.text) : null;
    if (glued !== null) {
      for (const text of glued) this.pushOne({ ...line, text });
      return;
    }
    this.pushOne(line);
  }

  private pushOne(line: LogLine): void {
    this.ctx.lastLine = line.line;
    const text = line.text;
    // Held tty window lines come before whatever line ends their window, in order.
    if (this.tty.holding && !BuildkitTtyGrammar.isLiveOutput(text)) this.tty.flush();
    const rawjson = this.rawjson;
    if ((rawjson.engaged || rawjson.holding || text.charCodeAt(0) === 123) /* { */ && rawjson.push(line)) {
      if (rawjson.engaged) this.ctx.seeFormat('buildkit-rawjson', false);
      return;
    }
    if (this.closing.active && this.closing.push(line)) return;
    if (this.buildah.wrapping && this.buildah.push(line)) return;
    if (BuildkitPlainGrammar.claims(text) && this.plain.push(line)) return;
    if (text.length === 0) return;
    if (this.closing.push(line)) return;
    if (BuildkitTtyGrammar.claims(text) && this.tty.push(line)) return;
    if (ClassicGrammar.claims(text) && this.classic.push(line)) return;
    if (BuildahGrammar.claims(text) && this.buildah.push(line)) return;
    this.unframed(line);
  }

  end(): void {
    this.tty.end();
    this.closing.end();
    this.rawjson.end();
  }

  /** A line no grammar claimed. Blank lines separate BuildKit's vertices and carry nothing. */
  private unframed(line: LogLine): void {
    const text = line.text;
    if (text.trim().length === 0) return;
    const ctx = this.ctx;
    if (isClipNotice(text)) {
      ctx.emit({ type: 'log-clipped', line: line.line, id: ctx.current, text });
      return;
    }
    if (ctx.current !== null) {
      // BuildKit prints the rest of a partial line unframed when its vertex resumes; the classic
      // builder never frames its steps' output.
      ctx.emit({ type: 'step-output', line: line.line, id: ctx.current, seconds: null, text });
      return;
    }
    const failed = this.tty.failed;
    const body = withoutElapsedSeconds(text);
    if (failed !== null && body !== text) {
      // The tty display's error box without its header: its lines still carry the failed step's
      // `14.87 ` times, and the display prints no other output with them.
      ctx.emit({ type: 'step-output', line: line.line, id: failed, seconds: null, text: body });
      return;
    }
    ctx.unframed(line.line, body, body !== text && BUILDKIT_SECONDS.test(text));
  }
}

/** BuildKit's elapsed seconds exactly as it prints them, `%#.4g` in five characters: `0.061 `, `12.34 `, `138.5 `, `1234. `. */
const BUILDKIT_SECONDS = /^(?:\d\.\d{3}|\d\d\.\d\d|\d{3}\.\d|\d{4}\.) /;

/**
 * A piece of BuildKit's error box pasted without its `> [stage 3/7] RUN …:` header, or of a tty
 * screen, still carries BuildKit's elapsed seconds (`3.183 The conflict is caused by:`). Outside
 * any step that number is BuildKit's, not the tool's: the tool's own words start after it, where
 * the rules look for them.
 */
function withoutElapsedSeconds(text: string): string {
  const c = text.charCodeAt(0);
  if (c < 48 || c > 57) return text;
  const stamp = readTimestamp(text, 0);
  return stamp !== null && stamp.next < text.length ? text.slice(stamp.next) : text;
}
