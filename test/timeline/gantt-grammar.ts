// A checker of the Mermaid gantt subset the timeline emits, written from Mermaid's gantt grammar:
// one statement per line, `section <text>`, `<task text> :<metadata>` where the task text has no
// `:` `;` `#` `%` and the metadata is `[tags,] id, start, duration`. Returns the problems found.
// Entity codes (`#quot;`, `#59;`) are what Mermaid replaces before it parses (its encodeEntities:
// `#\w+;` becomes a placeholder), so they are taken out before the text is checked.
const KEYWORDS = /^(gantt|title|dateFormat|axisFormat|tickInterval|includes|excludes|todayMarker|section|weekday|inclusiveEndDates|topAxis|displayMode|accTitle|accDescr|click)\b/;
const TEXT_CHARS = /^[^:;#%`\n\r"{}<>]+$/;
const ENTITY = /#\w+;/g;
const TEXT = { test: (text: string): boolean => TEXT_CHARS.test(text.replace(ENTITY, 'x')) };

export function checkGantt(source: string): string[] {
  const problems: string[] = [];
  const lines = source.split('\n');
  if (lines[0] !== 'gantt') problems.push('first line is not "gantt"');
  const ids = new Set<string>();
  lines.slice(1).forEach((raw, i) => {
    const line = raw.trim();
    const at = `line ${i + 2}`;
    if (line === '') return;
    if (/^dateFormat HH:mm:ss$/.test(line) || /^axisFormat %H:%M:%S$/.test(line)) return;
    if (line.startsWith('title ')) {
      if (!TEXT.test(line.slice(6))) problems.push(`${at}: bad title`);
      return;
    }
    if (line.startsWith('section ')) {
      if (!TEXT.test(line.slice(8))) problems.push(`${at}: bad section text`);
      return;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) return void problems.push(`${at}: not a statement: ${line}`);
    const text = line.slice(0, colon).trim();
    if (!TEXT.test(text)) problems.push(`${at}: task text has a reserved character: ${text}`);
    if (KEYWORDS.test(text)) problems.push(`${at}: task text starts with a keyword: ${text}`);
    const meta = line.slice(colon + 1).split(',').map((m) => m.trim());
    const [duration, start, id, ...tags] = [...meta].reverse();
    if (!duration || !/^\d+s$/.test(duration)) problems.push(`${at}: bad duration ${duration}`);
    if (!start || !/^\d{2}:\d{2}:\d{2}$/.test(start)) problems.push(`${at}: bad start ${start}`);
    if (!id || !/^[A-Za-z]\w*$/.test(id)) problems.push(`${at}: bad id ${id}`);
    else if (ids.has(id)) problems.push(`${at}: duplicate id ${id}`);
    else ids.add(id);
    for (const t of tags) if (!['crit', 'active', 'done', 'milestone'].includes(t)) problems.push(`${at}: unknown tag ${t}`);
  });
  return problems;
}
