// A build's output re-printed by a wrapper with an indent before every line: a CLI that runs `docker build` and prints its
// error block two spaces in (agentregistry-dev/agentregistry#588: `  Dockerfile:15`, `  --------------------`,
// `    15 | >>> RUN uv sync`, `  ERROR: failed to build: failed to solve: …` under `arctl`'s own lines). Per line, an
// indented `ERROR:` or `Dockerfile:15` cannot be told from a tool's own output, but a block that opens with a line no
// builder prints indented can: BuildKit's error excerpt header (`Dockerfile:15`), its closing `ERROR: failed to solve:` /
// `ERROR: failed to build: failed to solve:`, a frame with its step header or status (`#12 [builder 3/7] RUN …`,
// `#12 DONE 0.3s`), the classic builder's `Step 3/7 : RUN …`, or the error box's ` > [builder 3/7] RUN …:` one space deeper
// than the indent. From such a line on, the same indent is taken off every line that has it (blank lines keep the block
// open) until a line without it ends the block. An indent of one to eight spaces: a Markdown indented code block's four
// spaces before a build's own line are cleanLine's (CODE_INDENTED), and this sees what cleanLine left.

/** An indent, then a line no builder prints indented. */
const OPENER =
  /^( {1,8})(?:Dockerfile(?:\.[\w.-]{1,100})?:\d{1,6}$|ERROR: failed to (?:build: failed to )?solve: |#\d{1,6} (?:\[|DONE \d|ERROR: |CACHED$)|Step \d{1,4}\/\d{1,4} : | > \[[^\]]{1,200}\] )/;

/** Takes a uniform indent off a pasted block that opens with a build's own line. Stateful: one per log. */
export class PastedIndent {
  private indent: string | null = null;

  /** `text`, a line cleanLine gave, less the block's indent. */
  strip(text: string): string {
    if (this.indent !== null) {
      if (text.startsWith(this.indent)) return text.slice(this.indent.length);
      if (text.trim() === '') return text;
      this.indent = null;
    }
    if (text.charCodeAt(0) !== 32) return text;
    const m = OPENER.exec(text);
    if (m === null) return text;
    this.indent = m[1]!;
    return text.slice(this.indent.length);
  }
}

/** For the linear-time check of the test suite. */
export const PASTED_INDENT_PATTERNS: readonly RegExp[] = [OPENER];
