// One raw line → the text the grammars read: line ends, carriage-return redraws, ANSI escapes and
// CI prefixes removed. Pure and per line, so it is tested on its own. Every step starts with a
// cheap character test and runs its regular expression only when the line can match, because most
// lines of a build log have none of these things.

// CSI (`ESC [ … final`), OSC (`ESC ] … BEL` or `ESC ] … ESC \`, an unterminated one up to the next
// escape), charset selection (`ESC ( B`) and the two-character escapes. The alternatives start
// with different characters except `]`, which the OSC branch takes first; no quantified group
// holds an alternation, so matching stays linear.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const ANSI = /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[()][0-9A-Za-z]|[@-Z\\-_])/g;

// `2026-01-02T03:04:05.1234567Z ` at the start of every line of a GitHub Actions log.
const ACTIONS_TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z ?/;

// The Dev Containers CLI's log (VS Code, Codespaces) stamps each line of the build it runs:
// `2023-10-06 06:17:18.362Z: #8 0.680 Traceback …`. A line that lost its newline ends with the next
// line's empty stamp (`…in <module>2023-10-06 06:17:18.366Z: `, crazy4pi314/conda-devcontainer-demo#3).
const DEVCONTAINER_TIMESTAMP = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)?Z: /;
// A paste cut inside that stamp (`7:17.769Z: #8 [dev 4/4] RUN …`): taken only before a BuildKit frame.
const DEVCONTAINER_CUT_STAMP = /^[\d:. -]{1,22}Z: (?=#\d)/;
const DEVCONTAINER_TRAILING_STAMP = /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d{1,9})?Z: ?$/;

// The markers of a downloaded Actions log; the text after them is kept (a group's title).
const ACTIONS_MARKER = /^##\[(?:group|endgroup|error|warning|notice|debug|command|section)\]/;

// `[2026-01-02T03:04:05Z] `, `[2026-01-02 03:04:05.123+00:00] `: other CI systems and loggers.
const BRACKETED_TIMESTAMP = /^\[\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)?\] ?/;

// A bare wall-clock time before every line (`22:30:19 Step 6/10 : RUN pip3 install .`, AnotherDaniel/smahub#19: a CI
// that stamps each line with the time of day). No builder starts a
// line with one; a blank line is the stamp alone.
const CLOCK_TIMESTAMP = /^(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:[.,]\d{1,6})?(?: |$)/;

// The classic syslog / journald line (`journalctl`'s default `short` output, rsyslog's files): `Aug 12 10:38:34 fileserver
// unsloth[4073658]: ` (unslothai/unsloth#8580), `Dec 07 15:40:35 user kernel: ` (ggml-org/llama.cpp#17844). journalctl(1),
// --output: `short` "is the default and generates an output that is mostly identical to the formatting of classic syslog
// files, showing one line per journal entry"; `short-precise` shows the time with microseconds. A service's log (ollama,
// unsloth, dockerd) is very often pasted from it: the program's own text follows the prefix. A line that starts with a
// month's name and no clock where the stamp has one (`March 1997: Mesa 2.2 is released.`, Mesa's history) fails the cheap test.
const SYSLOG_PREFIX = /^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \d]\d \d\d:\d\d:\d\d(?:\.\d{1,6})? [\w.-]{1,253} [^\s[\]:]{1,100}(?:\[\d{1,10}\])?: ?/;

// docker compose's `service  | ` (v1 `web_1  | `, v2 `web-1  | `). Compose pads the name with
// at least one space; requiring a leading letter keeps `  60 | >>> RUN` and `1000 | …` excerpt
// lines, and shell pipelines like `pip freeze | grep`, out of it.
const COMPOSE_PREFIX = /^[a-z][A-Za-z0-9_.-]* +\| /;

// Earthly's console gutter before every line of a target's output (earthly/earthly conslogging/conslogging.go, printPrefix
// and prettyPrefix): the name right-justified to 20 columns (`fmt.Sprintf("%20v", …)`, DefaultPadding; a longer name is
// printed whole), ` *failed*` once the target failed, then ` | `, then `*cached* ` for a cached step. Real lines:
// `              common *failed* | No match for argument: grub2` (kairos-io/kairos#2351), `            +go-base | --> RUN go
// mod download`, `             context | --> local context .`, `golang:1.19-bullseye | --> Load metadata linux/amd64` (an
// `earthly +checks` run in qba73/ngx's README), `github.com/earthly/hello-world:main+hello | Hello, world!` (Earthly's docs).
// The name is one word with no bar in it. A padded name must end at column 20 exactly; an unpadded one is taken when it
// fills the 20 columns, is a `+target` reference, is followed by `*failed*`, or is one of the names Earthly gives its own
// lines. Markdown tables (`| a | b |`) start with the bar; BuildKit's excerpt (`  60 | >>> RUN`), compose's `web-1  | `
// and shell pipelines (`pip freeze | grep torch`) have no such word before their bar.
const EARTHLY_PADDED_NAME = /^ {1,19}[^\s|]{1,19}$/;
const EARTHLY_NAME = /^[^\s|]{1,300}$/;
const EARTHLY_TARGET = /^[\w./:@-]{0,250}\+[a-z][\w.-]{0,100}(?:\([^\s()]{1,300}\))?$/;
const EARTHLY_OWN_NAMES: ReadonlySet<string> = new Set(['buildkitd', 'context', 'ongoing', 'output']);
const EARTHLY_PADDING = 20;
const EARTHLY_FAILED = ' *failed*';
const EARTHLY_BAR = ' | ';
const EARTHLY_CACHED = '*cached* ';

// BuildKit's frame `#12 ` or `#12 3.456 `: kept in front of a carriage-return redraw.
const BUILDKIT_FRAME = /^#\d+ (?:\d+\.\d* )?/;

// A Markdown indented code block (four spaces or a tab before every line) around a build's own
// lines: `    2024-05-01T04:29:56Z #16 323.3 …` (dandi/dandi-hub#152), `    Step 3/9 : RUN …`. No builder
// prints these lines indented, so the indent goes only before a frame, a CI time or a step line.
const CODE_INDENTED = /^(?: {4}|\t)(?=#\d|\d{4}-\d\d-\d\dT\d\d:|Step \d| ---> | > \[)/;

// A Markdown code fence on a line of its own, with or without an info string (` ```text `, ` ```#sh `).
const FENCE_LINE = /^`{3,}[\w#.+-]*\s*$/;

const ESC = '\x1b';
const CR = '\r';

/** Removes ANSI escape sequences (colours, cursor movement, hyperlinks, titles). */
export function stripAnsi(text: string): string {
  return text.includes(ESC) ? text.replace(ANSI, '') : text;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** `2026-01-02T…` at `at`: the cheap test before the Actions timestamp's expression runs. */
function actionsStampAt(text: string, at: number): boolean {
  return text.length >= at + 20 && text.charCodeAt(at + 4) === 45 && text.charCodeAt(at + 10) === 84 && isDigit(text.charCodeAt(at));
}

/** `2023-10-06 06:17:18…` at the start: the cheap test before the Dev Containers stamp's expression runs. */
function devcontainerStampAt(text: string): boolean {
  return text.length >= 25 && text.charCodeAt(4) === 45 && text.charCodeAt(10) === 32 && text.charCodeAt(13) === 58 && isDigit(text.charCodeAt(0));
}

/** `Aug 12 10:38:34` at the start (an upper-case letter, then the spaces and colons where they stand): the cheap test before the syslog prefix's expression runs. */
function syslogStampAt(text: string): boolean {
  const first = text.charCodeAt(0);
  return first >= 65 && first <= 90 && text.charCodeAt(3) === 32 && text.charCodeAt(9) === 58 && text.charCodeAt(12) === 58 && text.length >= 20;
}

/**
 * `gh run view --log` (and `--log-failed`) puts the job's and the step's names before each line of
 * an Actions log, tab-separated: `publish<TAB>Build and push<TAB>2026-03-29T20:52:18.58Z ERROR: …`.
 * Where they end, when an Actions timestamp follows them; else `from`.
 */
function ghRunViewPrefixEnd(text: string, from: number): number {
  const first = text.indexOf('\t', from);
  if (first < 0 || first - from > 200) return from;
  const second = text.indexOf('\t', first + 1);
  if (second < 0 || second - first > 200) return from;
  return actionsStampAt(text, second + 1) ? second + 1 : from;
}

/** The indent of a Markdown indented code block, before a build's own line only. */
export function stripCodeIndent(text: string): string {
  return text.replace(CODE_INDENTED, '');
}

/** Removes the prefixes that CI systems and docker compose put before a build's own text. */
export function stripCiPrefixes(text: string): string {
  const out = stripEarthlyGutter(stripStampPrefixes(text));
  if (composeBar(out) <= 0) return out;
  const m = COMPOSE_PREFIX.exec(out);
  if (m === null) return out;
  lastComposePrefix = m[0];
  return out.slice(m[0].length);
}

/** Earthly's `      +target | ` gutter (see EARTHLY_PADDED_NAME), off; any other line as it came. */
export function stripEarthlyGutter(text: string): string {
  const first = text.charCodeAt(0);
  let bar: number;
  // The cheap test: a padded name starts with a space and has its bar at column 20; an unpadded one is one word, so its
  // bar (or ` *failed*`) sits at the line's first space, which is looked for, not the bar itself (a long line with a
  // word first is scanned to its first space only, not to its end).
  if (first === 32) {
    if (text.startsWith(EARTHLY_BAR, EARTHLY_PADDING)) bar = EARTHLY_PADDING;
    else if (text.startsWith(EARTHLY_FAILED + EARTHLY_BAR, EARTHLY_PADDING)) bar = EARTHLY_PADDING + EARTHLY_FAILED.length;
    else return text;
    if (!EARTHLY_PADDED_NAME.test(text.slice(0, EARTHLY_PADDING))) return text;
  } else if (first === 43 || (first >= 97 && first <= 122)) {
    const space = text.indexOf(' ');
    if (space <= 0 || space > 320) return text;
    const failed = text.startsWith(EARTHLY_FAILED + EARTHLY_BAR, space);
    if (!failed && !text.startsWith(EARTHLY_BAR, space)) return text;
    bar = failed ? space + EARTHLY_FAILED.length : space;
    if (bar > 320) return text;
    const name = text.slice(0, space);
    if (!EARTHLY_NAME.test(name)) return text;
    if (!failed && name.length !== EARTHLY_PADDING && !EARTHLY_OWN_NAMES.has(name) && !EARTHLY_TARGET.test(name)) return text;
  } else return text;
  let start = bar + EARTHLY_BAR.length;
  if (text.startsWith(EARTHLY_CACHED, start)) start += EARTHLY_CACHED.length;
  return text.slice(start);
}

/**
 * The compose prefix the last cleanLine took off (`vllm_1   | `), or null: read right after that call, so that the
 * line is cleaned once and the service costs nothing on lines without one.
 */
let lastComposePrefix: string | null = null;

/** Where a compose prefix's ` | ` may be: only a line that starts with a lower-case letter, in its first 80 characters; else -1. */
function composeBar(text: string): number {
  const first = text.charCodeAt(0);
  return first >= 97 && first <= 122 ? text.lastIndexOf(' | ', 79) : -1;
}

/** The runs of a service's replicas: compose v1 `web_1`, v2 `web-1`. */
const REPLICA_SUFFIX = /[_-]\d{1,4}$/;

/**
 * What docker compose's prefix said of a raw line, which stripCiPrefixes takes off for the grammars: the service as
 * compose printed it (`vllm_1`, `fauxpilot-triton-1`) and the service's name less the replica number (`vllm`,
 * `fauxpilot-triton`), or undefined for a line without one. A container's error may name its program only there
 * (`vllm_1   | RuntimeError: CUDA error: no kernel image …`, vllm-project/vllm#1936).
 */
export function composeServiceOf(raw: string): { printed: string; service: string } | undefined {
  cleanLine(raw);
  return composeOfLastClean();
}

/** What the compose prefix the last cleanLine took off says (see composeServiceOf), or undefined. */
export function composeOfLastClean(): { printed: string; service: string } | undefined {
  if (lastComposePrefix === null) return undefined;
  const printed = lastComposePrefix.slice(0, lastComposePrefix.indexOf(' '));
  // nvidia-docker 1.0 prefixes its own messages so (`nvidia-docker | 2016/04/21 21:41:35 Error: unsupported CUDA version: driver
  // 7.0 < image 7.5`, the NVIDIA/nvidia-docker wiki's "Image inspection (version 1.0)"): a tool, not a compose service.
  if (printed === 'nvidia-docker') return undefined;
  return { printed, service: printed.replace(REPLICA_SUFFIX, '') };
}

/** The CI systems' prefixes (job and step names, time stamps, Actions markers) before a line, less compose's. */
function stripStampPrefixes(text: string): string {
  let out = text;
  // A downloaded Actions log starts with a byte-order mark.
  if (out.charCodeAt(0) === 0xfeff) out = out.slice(1);
  const named = ghRunViewPrefixEnd(out, 0);
  if (named > 0) out = out.slice(named);
  if (actionsStampAt(out, 0)) out = out.replace(ACTIONS_TIMESTAMP, '');
  else if (devcontainerStampAt(out)) {
    out = out.replace(DEVCONTAINER_TIMESTAMP, '');
    if (out.endsWith('Z: ') || out.endsWith('Z:')) out = out.replace(DEVCONTAINER_TRAILING_STAMP, '');
  } else if (isDigit(out.charCodeAt(0)) && out.lastIndexOf('Z: #', 22) >= 0) out = out.replace(DEVCONTAINER_CUT_STAMP, ''); // the stamp's end, never past its 22 characters
  else if (syslogStampAt(out)) out = out.replace(SYSLOG_PREFIX, '');
  if (out.startsWith('##[')) out = out.replace(ACTIONS_MARKER, '');
  if (out.charCodeAt(0) === 91 && isDigit(out.charCodeAt(1))) out = out.replace(BRACKETED_TIMESTAMP, '');
  else if (out.charCodeAt(2) === 58 && out.charCodeAt(5) === 58 && isDigit(out.charCodeAt(0))) out = out.replace(CLOCK_TIMESTAMP, '');
  return out;
}

/**
 * A whole line set in bold or italic inline code (`` _**`Error: buildx failed with: …`**_ ``, docker/build-push-action#748):
 * the emphasis and the backticks are Markdown's.
 */
const EMPHASISED_CODE_LINE = /^[*_]{1,3}`([^`]{1,4000})`[*_]{1,3}$/;

/**
 * Markdown bold that a paste wrapped around a run of a tool's lines: `**ERROR: unable to select packages:` on the first,
 * `required by: world[yarn]**` on the last (ej52/proxmox-scripts#80). A `**` glued to a letter at the line's start, or to
 * the text at its end, and no other `**` on the line, is Markdown's: tools that print `**` print it in pairs or apart
 * from the words (`** BUILD FAILED **`, glib's `WARNING **:`).
 */
export function stripBoldMarkers(text: string): string {
  const at = text.indexOf('**');
  if (at < 0 || text.indexOf('**', at + 2) >= 0) return text;
  if (at === 0) {
    const next = text.charCodeAt(2);
    return (next >= 65 && next <= 90) || (next >= 97 && next <= 122) ? text.slice(2) : text;
  }
  if (at === text.length - 2) {
    const prev = text.charCodeAt(at - 1);
    return prev !== 32 && prev !== 9 && prev !== 42 ? text.slice(0, at) : text;
  }
  return text;
}

/**
 * A whole line a paste set in bold (`**…**`, `__…__`): `**07:47:41 Your Pipfile.lock (8f9aeb) is out of date. Expected:
 * (451ad5).**` (mozilla-services/socorro#4430, a Jenkins log with its clock before each line). The markers go, and the text
 * inside is read as a line of its own (its CI stamp taken off). Markdown's bold (CommonMark's flanking rule) needs a
 * non-space after the opener and before the closer; the text inside must start with a word, a digit, a bracket, a quote
 * or a backtick, end with no `/` or marker, and hold no other marker: ignore-file globs (`**\/node_modules/**`), masked
 * secrets (`***`), make's `*** … ***`, `** BUILD FAILED **` and a dunder name alone (`__init__`: `__` needs a space inside)
 * stay as printed. Null when the line is not one.
 */
export function unboldWholeLine(text: string): string | null {
  const marker = text.charCodeAt(0);
  const n = text.length;
  if (n < 6 || text.charCodeAt(1) !== marker || text.charCodeAt(n - 1) !== marker || text.charCodeAt(n - 2) !== marker) return null;
  const next = text.charCodeAt(2);
  const last = text.charCodeAt(n - 3);
  const opens = (next >= 48 && next <= 57) || (next >= 65 && next <= 91) || (next >= 97 && next <= 122) || next === 34 || next === 39 || next === 96;
  if (!opens || last === 32 || last === 9 || last === 47 || last === marker) return null;
  const inner = text.slice(2, -2);
  const pair = marker === 42 ? '**' : '__';
  if (inner.includes(pair) || (marker === 95 && !inner.includes(' '))) return null;
  return inner;
}

/** The time that starts a line of BuildKit's error box, after an opening backtick: `` `71.79 ``. */
const BOX_LINE_TIME = /^`\d{1,6}\.\d{1,3} /;

/**
 * A log pasted into an issue or a pull request comes quoted (`> ` before every line, `>` alone on
 * an empty one, `> > ` quoted twice) or fenced, the fence sometimes on the log's own first or last
 * line (` ```#1 [internal] load …`, `…: exit code: 1``` `). The quoting goes, so that the grammars
 * and rules read the log as the tool printed it. BuildKit's error box header is ` > [stage 3/7]
 * RUN …:` with a leading space: one pasted without that space, quoted or not, gets it back.
 * A paste, quoted or not, may also open an inline code span that runs over many lines (`` > `Collecting
 * deepspeed… ``): a single backtick at the line's start (after the quoting), with no other one on the
 * line to close it, is Markdown's, not the tool's. So are the backticks around a line written as inline code.
 */
export function stripMarkdownQuoting(text: string): string {
  let out = text;
  while (out.charCodeAt(0) === 62 /* > */ && (out.length === 1 || out.charCodeAt(1) === 32)) {
    const rest = out.slice(2);
    if (rest.charCodeAt(0) === 91 /* [ */ && rest.endsWith(':') && rest.includes('] ')) return ' > ' + rest;
    out = rest;
  }
  if (out.charCodeAt(0) === 96 && out.charCodeAt(1) !== 96) {
    const next = out.indexOf('`', 1);
    // Quoted or not: an inline code span a paste opens before a tool's line and closes lines later (`` `The command
    // '/bin/sh -c …' returned a non-zero code: 1 `` with the closing backtick alone on the next line, dusty-nv/jetson-containers#121).
    if (next < 0) return out.slice(1);
    // A whole line written as inline code (`` `Killed` ``, `` ` => ERROR [2/5] COPY …` ``): no tool prints one so.
    if (next === out.length - 1 && next > 1) return out.slice(1, -1);
    // An inline code span opened before a line of BuildKit's error box (`` `71.79 error: failed to run … ``): the box's
    // lines start with their time, never with a backtick.
    if (isDigit(out.charCodeAt(1)) && BOX_LINE_TIME.test(out)) return out.slice(1);
  }
  if (out.startsWith('```')) {
    if (FENCE_LINE.test(out)) return '';
    let start = 3;
    while (out.charCodeAt(start) === 96) start++;
    out = out.slice(start);
  }
  if (out.endsWith('```')) {
    let end = out.length - 3;
    while (end > 0 && out.charCodeAt(end - 1) === 96) end--;
    out = out.slice(0, end);
  }
  return out;
}

/** Where a Markdown link's text ends and its web address starts: the cheap test before any link is looked at. */
const LINK_JOIN = '](http';

/**
 * GitHub's renderer turns a bare host-like word of a pasted log into a link to itself, and a copy of the rendered
 * page keeps it as Markdown: `unresolvable CDI devices [nvidia.com/gpu=all](http://nvidia.com/gpu=all)`
 * (NVIDIA/nvidia-container-toolkit#146). A link whose text is its own address, with or without the scheme, is
 * the word as the tool printed it; any other link is left as written.
 */
export function unlinkSelfLinks(text: string): string {
  let at = text.indexOf(LINK_JOIN);
  if (at < 0) return text;
  let out = '';
  let copied = 0;
  while (at >= 0) {
    const open = text.lastIndexOf('[', at);
    const close = text.indexOf(')', at);
    if (open >= copied && close > at) {
      const label = text.slice(open + 1, at);
      const url = text.slice(at + 2, close);
      const bare = url.startsWith('https://') ? url.slice(8) : url.startsWith('http://') ? url.slice(7) : null;
      if (bare !== null && label.length > 0 && (label === bare || label === url)) {
        out += text.slice(copied, open) + label;
        copied = close + 1;
      }
    }
    at = text.indexOf(LINK_JOIN, Math.max(at + LINK_JOIN.length, copied));
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/**
 * A line redrawn with carriage returns (a progress bar) keeps its last state. BuildKit frames a
 * line once, before the first redraw, so the `#12 3.456 ` frame is carried over to the last state.
 */
export function lastRedraw(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 13) end--;
  const body = end === text.length ? text : text.slice(0, end);
  const cr = body.lastIndexOf(CR);
  if (cr < 0) return body;
  const last = body.slice(cr + 1);
  if (body.charCodeAt(0) !== 35) return last;
  const frame = BUILDKIT_FRAME.exec(body);
  if (frame === null || last.startsWith('#')) return last;
  return frame[0] + last;
}

/**
 * The wall-clock time a CI system stamped on the raw line (epoch ms): GitHub Actions'
 * `2026-01-02T03:04:05.1234567Z ` or a bracketed ISO time. Formats that print no times of their
 * own (the classic builder, podman, a pasted tool log) get their steps' durations from it.
 */
export function ciTimestampOf(raw: string): number | undefined {
  const start = ghRunViewPrefixEnd(raw, raw.charCodeAt(0) === 0xfeff ? 1 : 0);
  const first = raw.charCodeAt(start);
  let stamp: string | undefined;
  if (isDigit(first) && raw.charCodeAt(start + 4) === 45 && raw.charCodeAt(start + 10) === 84) {
    stamp = ACTIONS_TIMESTAMP.exec(start === 0 ? raw : raw.slice(start))?.[0];
  } else if (first === 91 && isDigit(raw.charCodeAt(start + 1))) {
    stamp = BRACKETED_TIMESTAMP.exec(start === 0 ? raw : raw.slice(start))?.[0]?.replace(/^\[|\] ?$/g, '').replace(' ', 'T');
  }
  if (stamp === undefined) return undefined;
  const at = Date.parse(stamp.trim());
  return Number.isFinite(at) ? at : undefined;
}

// A terminal that wrapped a long line at its 80 columns, copied with the rest of each screen row filled with spaces:
// `…error: parameter packs not expa<88 spaces>nded with ‘...’:` (turboderp/exllama#65, 80-column rows in a 168-column
// copy). The filler is a run of 40 or more spaces that starts at column 80 of the line and then one row (80 columns, 81
// where the copy kept a character of the seam) after the end of the previous run; every run on the line has the same length
// (each row is padded to the same width) and the text after the last is one row at most. BuildKit's tty lines pad to a
// right-aligned time at whatever column their text ends (` => [ 6/13] WORKDIR /app/…   0.1s`): a time after the last run is
// never a row. A gcc caret line (`      |      …      ^`) has its run at the start.
const ROW_PADDING = / {40,}/g;
const ROW = 80;
const TTY_TIME = /^\d{1,6}\.\d{1,3}s\s*$/;
const FORTY_SPACES = ' '.repeat(40);

/** The screen-row filler of a terminal-wrapped line taken out (see ROW_PADDING); the line unchanged when it is not one. */
export function unpadWrappedRows(text: string): string {
  let out = '';
  let from = 0;
  let width = -1;
  for (const m of text.matchAll(ROW_PADDING)) {
    const row = m.index - from;
    if (from === 0 ? row !== ROW : row !== ROW && row !== ROW + 1) return text;
    if (width === -1) width = m[0].length;
    else if (m[0].length !== width) return text;
    out += text.slice(from, m.index);
    from = m.index + width;
  }
  const tail = text.slice(from);
  if (width === -1 || tail.length === 0 || tail.length > ROW + 1 || TTY_TIME.test(tail)) return text;
  return out + tail;
}

/** The whole per-line cleaning, in the order the layers were added to the text. */
export function cleanLine(raw: string): string {
  lastComposePrefix = null;
  let text = raw;
  if (text.includes(ESC)) text = text.replace(ANSI, '');
  if (text.startsWith('    ') || text.charCodeAt(0) === 9) text = stripCodeIndent(text);
  text = stripCiPrefixes(text);
  let first = text.charCodeAt(0);
  if ((first === 42 || first === 95) && text.charCodeAt(1) === first) {
    const inner = unboldWholeLine(text);
    if (inner !== null) {
      text = stripCiPrefixes(inner);
      first = text.charCodeAt(0);
    }
  }
  if (first === 62 || first === 96 || text.endsWith('```')) text = stripMarkdownQuoting(text);
  else if ((first === 42 || first === 95) && text.includes('`')) text = text.replace(EMPHASISED_CODE_LINE, '$1');
  if (text.includes('**')) text = stripBoldMarkers(text);
  if (text.includes(CR)) text = lastRedraw(text);
  if (text.includes(LINK_JOIN)) text = unlinkSelfLinks(text);
  if (text.length > ROW + 40 && text.includes(FORTY_SPACES)) text = unpadWrappedRows(text);
  return text;
}

/** The regular expressions above, for the linear-time check of the test suite. */
export const CLEAN_LINE_PATTERNS: readonly RegExp[] = [
  ANSI,
  ACTIONS_TIMESTAMP,
  DEVCONTAINER_TIMESTAMP,
  DEVCONTAINER_TRAILING_STAMP,
  DEVCONTAINER_CUT_STAMP,
  ACTIONS_MARKER,
  BRACKETED_TIMESTAMP,
  CLOCK_TIMESTAMP,
  SYSLOG_PREFIX,
  COMPOSE_PREFIX,
  EARTHLY_PADDED_NAME,
  EARTHLY_NAME,
  EARTHLY_TARGET,
  REPLICA_SUFFIX,
  BUILDKIT_FRAME,
  FENCE_LINE,
  CODE_INDENTED,
  BOX_LINE_TIME,
  EMPHASISED_CODE_LINE,
  ROW_PADDING,
  TTY_TIME,
];
