// Secret redaction, applied to every clean line before any other stage sees it, so that no report
// (annotations, summary, comment, JSON, SARIF) can carry a token the build printed. GitHub masks
// the secrets it knows on stdout, but not what this tool sends through the API, and not secrets
// it was never told about.
//
// Cost: the token prefixes (at a word start) and the scan words (in any case) are literals of the
// one automaton pass per line that the other stages share (match/shared-scan.ts); only the few
// lines that hold one run the scans it calls for. Every scan is linear in the line's length.
import {
  TOKEN_GROUP_KINDS,
  TOKEN_PATTERN,
  isAwsSecretName,
  isPlaceholderValue,
  isSecretName,
  keyShaped,
  needsCredentialShape,
  PRECHECK,
  SECRET_PRECHECK_LITERALS,
  PASSWORD_OPTIONS,
  type PasswordOption,
  type SecretKind,
} from './secret-patterns.js';
import { SharedScan, type LiteralScanner } from '../match/shared-scan.js';

export const MASK = '****';
/** Log line numbers named in a finding's message; more are counted, not listed. */
const MAX_LINES_LISTED = 10;
/** Masked lines kept as a finding's evidence. */
const MAX_EVIDENCE = 3;
/** Lines masked whole after a BEGIN line with no END: a PEM key is ~30–100 lines. */
const MAX_KEY_LINES = 200;
/** Lines looked at for the value of a name that ended the line before (`password:` ⏎ value). */
const MAX_VALUE_LOOKAHEAD = 3;

/** What the redactor saw of one kind of secret. */
export interface SecretSighting {
  /** The first lines it was on (at most MAX_LINES_LISTED). */
  lines: number[];
  /** The latest line counted, also once `lines` is full. */
  lastLine: number;
  count: number;
  evidence: string[];
}

const NAME_CHAR = /[A-Za-z0-9_.-]/;
const PASSWORD_COMMANDS = new Map<string, PasswordOption>(PASSWORD_OPTIONS.flatMap((o) => o.commands.map((c) => [c, o] as const)));
/** Words that end one shell command and start the next. */
const SHELL_SEPARATORS = new Set(['&&', '||', ';', '|', '&', '(', ')', '{', '}', 'then', 'do', 'else', '`']);
const VALUE_END = /[\s"'`,;&|)}\]]/;

function isNameChar(ch: string | undefined): boolean {
  return ch !== undefined && NAME_CHAR.test(ch);
}

/** The BuildKit frame `#12 3.456 ` at the start of a line, kept when the rest is masked. */
function framePrefix(text: string): string {
  if (text[0] !== '#') return '';
  let i = 1;
  while (i < text.length && text[i]! >= '0' && text[i]! <= '9') i++;
  if (i === 1 || text[i] !== ' ') return '';
  let j = i + 1;
  while (j < text.length && ((text[j]! >= '0' && text[j]! <= '9') || text[j] === '.')) j++;
  return j > i + 1 && text[j] === ' ' ? text.slice(0, j + 1) : '';
}

/** `#12 ` of a BuildKit line (framed output or a step's own line), '' for other lines. */
function stepTag(text: string): string {
  if (text[0] !== '#') return '';
  let i = 1;
  while (i < text.length && text[i]! >= '0' && text[i]! <= '9') i++;
  return i > 1 && text[i] === ' ' ? text.slice(0, i + 1) : '';
}

/**
 * A BuildKit line that is the log's structure, not a step's output (`#12 DONE 1.2s`,
 * `#12 ERROR: …`, `#12 CACHED`, `#12 [builder 2/5] RUN …`): the output a key block was in has
 * moved on.
 */
function isStructureLine(text: string, tag: string): boolean {
  if (tag === '') return false;
  const rest = text.slice(tag.length);
  return rest.startsWith('DONE') || rest.startsWith('ERROR') || rest.startsWith('CANCELED') || rest.startsWith('CACHED') || rest.startsWith('[');
}

/** A secret's name ending the line (`Password:`, `password: |`, `TOKEN=`): the value is on the next line. */
function nameEndingLine(body: string): boolean {
  let end = body.length;
  while (end > 0 && (body[end - 1] === ' ' || body[end - 1] === '\t')) end--;
  // A YAML block scalar (`password: |`, `key: >-`) puts the value on the next line too.
  let k = end;
  while (k > 0 && (body[k - 1] === '-' || body[k - 1] === '+')) k--;
  if (k > 0 && (body[k - 1] === '|' || body[k - 1] === '>')) {
    end = k - 1;
    while (end > 0 && body[end - 1] === ' ') end--;
  }
  const sep = body[end - 1];
  if (sep !== ':' && sep !== '=') return false;
  let nameEnd = end - 1;
  const quoted = body[nameEnd - 1] === '"' || body[nameEnd - 1] === "'";
  if (quoted) nameEnd--;
  let start = nameEnd;
  while (start > 0 && nameEnd - start < 128 && isNameChar(body[start - 1])) start--;
  if (start >= nameEnd || !isSecretName(body.slice(start, nameEnd))) return false;
  // `name:` is a YAML or JSON key only where it begins the line (as in AssignmentScan.colonForms): in prose a
  // secret word before a colon is an error message, and the next line is more of it, not a value. BuildKit's
  // `failed to authorize: failed to fetch oauth token:` wrapped before `unexpected status from GET request to
  // https://auth.docker.io/token?scope=…` (keikoproj/upgrade-manager#354) is no token printed.
  if (sep === ':') {
    let lead = quoted ? start - 1 : start;
    while (lead > 0 && (body[lead - 1] === ' ' || body[lead - 1] === '\t')) lead--;
    // a YAML list item (`- password:`, at the margin or indented) begins the line too
    if (lead > 0 && !(body[lead - 1] === '-' && body.slice(0, lead - 1).trim() === '')) return false;
  }
  return true;
}

export class Redactor {
  private readonly precheck: LiteralScanner;
  private readonly seen = new Map<SecretKind, SecretSighting>();
  /** Inside a private-key block: lines masked until its END line (-1: not in one). */
  private keyLines = -1;
  /** The step tag (`#11 `) of the BEGIN line: only that step's output is the key's. */
  private keyTag = '';
  /** A secret's name ended a line: its value is the next line of the same step. */
  private pendingValue: { tag: string; left: number } | null = null;

  /** `scan`: the line scan shared with the other stages (one of its own when omitted). */
  constructor(scan: SharedScan = new SharedScan()) {
    this.precheck = scan.group(SECRET_PRECHECK_LITERALS);
  }

  /** Returns `text` with every secret in it masked (the same string when there is none). */
  redact(text: string, line: number): string {
    if (this.keyLines >= 0) {
      const masked = this.continueKeyBlock(text, line);
      if (masked !== null) return masked;
    }
    if (this.pendingValue !== null) {
      const masked = this.continueValue(text, line);
      if (masked !== null) return masked;
    }
    // The pre-check decides which scans run: most lines of a build hold neither kind of literal.
    const count = this.precheck.find(text);
    if (count === 0) return text;
    let has = 0;
    for (let i = 0; i < count; i++) has |= 1 << this.precheck.targets[i]!;
    const holds = (target: number): boolean => (has & (1 << target)) !== 0;
    const tokens = holds(PRECHECK.token);
    const named = holds(PRECHECK.named);
    if (!tokens && !named) return text;
    // Masking only puts `****` in, so what the line held decides each scan (see PRECHECK).
    const found = new Set<SecretKind>();
    let out = text;
    if (named && holds(PRECHECK.keyBlock)) out = this.maskPrivateKey(out, found);
    if (tokens) out = this.maskTokens(out, found);
    if (named) {
      if (holds(PRECHECK.url)) out = this.maskUrlCredentials(out, found);
      if (holds(PRECHECK.header)) out = this.maskAuthorization(out, found);
      if (holds(PRECHECK.command)) out = this.maskCommandPasswords(out, found);
      if (holds(PRECHECK.name)) out = this.maskAssignments(out, found);
    }
    if (this.keyLines < 0 && holds(PRECHECK.name) && nameEndingLine(out.slice(framePrefix(out).length))) {
      this.pendingValue = { tag: stepTag(out), left: MAX_VALUE_LOOKAHEAD };
    }
    for (const kind of found) this.record(kind, line, out);
    return out;
  }

  /** The line after `password:`: its text is the value, masked whole (the frame kept). */
  private continueValue(text: string, line: number): string | null {
    const pending = this.pendingValue!;
    const tag = stepTag(text);
    // Another step's line in between (BuildKit interleaves steps): not the value, keep waiting.
    if (pending.tag !== '' && tag !== pending.tag) {
      if (--pending.left <= 0) this.pendingValue = null;
      return null;
    }
    const frame = framePrefix(text);
    const body = text.slice(frame.length);
    if (isStructureLine(text, tag)) {
      this.pendingValue = null;
      return null;
    }
    if (body.trim() === '') {
      if (--pending.left <= 0) this.pendingValue = null;
      return text;
    }
    this.pendingValue = null;
    if (isPlaceholderValue(body.trim())) return null;
    const masked = frame + body.slice(0, body.length - body.trimStart().length) + MASK;
    this.record('secret-assignment', line, masked);
    return masked;
  }

  private record(kind: SecretKind, line: number, masked: string): void {
    let s = this.seen.get(kind);
    if (!s) this.seen.set(kind, (s = { lines: [], lastLine: -1, count: 0, evidence: [] }));
    if (s.lastLine === line) return; // a line seen twice (raw, then decoded)
    s.lastLine = line;
    s.count++;
    if (s.lines.length < MAX_LINES_LISTED) s.lines.push(line);
    if (s.evidence.length < MAX_EVIDENCE) s.evidence.push(masked.length > 500 ? masked.slice(0, 500) + '…' : masked);
  }

  /**
   * A line inside a private-key block: masked whole up to the END line, whatever it looks like
   * (an encrypted key's headers, a mangled body), its BuildKit frame kept (counted once, at BEGIN).
   * The block ends at its END line, after MAX_KEY_LINES, or when its step's output ends; another
   * step's line in between is left as it is.
   */
  private continueKeyBlock(text: string, _line: number): string | null {
    const tag = stepTag(text);
    if (isStructureLine(text, tag) && (this.keyTag === '' || tag === this.keyTag)) {
      this.keyLines = -1; // the step ended before the key did: the block was cut off
      return null;
    }
    if (this.keyTag !== '' && tag !== this.keyTag) return null; // another step's output
    const frame = framePrefix(text);
    const body = text.slice(frame.length);
    const end = body.indexOf('-----END');
    if (end >= 0) {
      this.keyLines = -1;
      return frame + (end > 0 ? MASK : '') + body.slice(end);
    }
    if (this.keyLines >= MAX_KEY_LINES) {
      this.keyLines = -1;
      return null;
    }
    this.keyLines++;
    return body.trim() === '' ? text : frame + MASK;
  }

  private maskPrivateKey(text: string, found: Set<SecretKind>): string {
    const begin = text.indexOf('-----BEGIN ');
    if (begin < 0) return text;
    const close = text.indexOf('-----', begin + 11);
    if (close < 0 || !text.slice(begin, close).includes('PRIVATE KEY')) return text;
    const afterHeader = close + 5;
    found.add('private-key');
    const end = text.indexOf('-----END', afterHeader);
    if (end >= 0) {
      // One line holds the whole block (a JSON service-account file with `\n` escapes).
      return text.slice(0, afterHeader) + MASK + text.slice(end);
    }
    this.keyLines = 0;
    this.keyTag = stepTag(text);
    return text.slice(0, afterHeader) + (afterHeader < text.length ? MASK : '');
  }

  private maskTokens(text: string, found: Set<SecretKind>): string {
    TOKEN_PATTERN.lastIndex = 0;
    return text.replace(TOKEN_PATTERN, (...args: unknown[]) => {
      const groups = args[args.length - 1] as Record<string, string | undefined>;
      for (const [group, kind] of Object.entries(TOKEN_GROUP_KINDS)) {
        const prefix = groups[group];
        if (prefix !== undefined) {
          found.add(kind);
          return prefix + MASK;
        }
      }
      return MASK;
    });
  }

  /**
   * Passwords given as options whose name alone does not say "password" (PASSWORD_OPTIONS): `docker
   * login -u U -p PW`, `mysql -pPW`, `sshpass -p PW`, `curl -u user:pw`. The line is read as shell
   * words; an option counts only inside the shell command (between `&&`, `;`, `|`, …) of a command
   * of the table, so `mkdir -p /var/run/sshd && virtualenv env -p python3` on a line that also
   * holds `login` or `curl` elsewhere is left alone. Linear: one pass over the words.
   */
  private maskCommandPasswords(text: string, found: Set<SecretKind>): string {
    const words: [number, number][] = [];
    for (let i = 0; i < text.length; ) {
      while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
      const start = i;
      while (i < text.length && text[i] !== ' ' && text[i] !== '\t') i++;
      if (i > start) words.push([start, i]);
    }
    const valueAt = (i: number): [number, number] => {
      const quote = text[i] === '"' || text[i] === "'" ? text[i]! : '';
      const start = quote ? i + 1 : i;
      let end = start;
      if (quote) {
        while (end < text.length && end - start < 1024 && text[end] !== quote) end++;
      } else while (end < text.length && !VALUE_END.test(text[end]!)) end++;
      return [start, end];
    };
    const spans: [number, number][] = [];
    const take = (entry: PasswordOption, start: number, end: number): void => {
      if (end <= start) return;
      if (entry.value === 'after-colon') {
        let colon = start;
        while (colon < end && text[colon] !== ':') colon++;
        if (colon >= end - 1 || isPlaceholderValue(text.slice(colon + 1, end))) return;
        spans.push([colon + 1, end]);
        return;
      }
      if (text[start] === '-' || isPlaceholderValue(text.slice(start, end))) return;
      spans.push([start, end]);
    };
    let pending: PasswordOption | null = null; // a command that waits for its subcommand
    let active: PasswordOption | null = null;
    for (let w = 0; w < words.length; w++) {
      const [ws, we] = words[w]!;
      let word = text.slice(ws, we);
      const ends = word.length > 1 && (word.endsWith(';') || word.endsWith('&&') || word.endsWith('||'));
      if (SHELL_SEPARATORS.has(word)) {
        pending = active = null;
        continue;
      }
      // `"docker`, `$(mysql`, `/usr/bin/sshpass`: the command's own name.
      let head = 0;
      let tail = word.length;
      while (head < tail && '("\'`$'.includes(word[head]!)) head++;
      while (tail > head && ';&|)"\'`'.includes(word[tail - 1]!)) tail--;
      const name = word.slice(head, tail);
      const base = name.slice(name.lastIndexOf('/') + 1);
      if (active === null) {
        const entry = PASSWORD_COMMANDS.get(base);
        if (entry !== undefined) {
          if (entry.subcommand === undefined) active = entry;
          else pending = entry;
        } else if (pending !== null && base === pending.subcommand) {
          active = pending;
          pending = null;
        }
      } else {
        for (const option of active.options) {
          if (!word.startsWith(option)) continue;
          const rest = word.length - option.length;
          if (rest === 0) {
            if (active.value === 'attached' || w + 1 >= words.length) break;
            const [start, end] = valueAt(words[w + 1]![0]);
            take(active, start, end);
            w++;
            while (w + 1 < words.length && words[w + 1]![0] < end) w++; // a quoted value with spaces
            word = '';
          } else if (word[option.length] === '=' && active.value !== 'attached') {
            const [start, end] = valueAt(ws + option.length + 1);
            take(active, start, end);
            word = '';
          } else if (option.length === 2) {
            const [start, end] = valueAt(ws + 2);
            take(active, start, end);
            word = '';
          }
          break;
        }
        if (word !== '' && active.wraps === true && !word.startsWith('-')) active = null; // sshpass's command
      }
      if (ends) pending = active = null;
    }
    if (spans.length === 0) return text;
    spans.sort((a, b) => a[0] - b[0]);
    let out = '';
    let from = 0;
    for (const [start, end] of spans) {
      if (start < from) continue;
      found.add('command-password');
      out += text.slice(from, start) + MASK;
      from = end;
    }
    return out + text.slice(from);
  }

  /** `scheme://user:password@host` → `scheme://user:****@host`. */
  private maskUrlCredentials(text: string, found: Set<SecretKind>): string {
    let out = '';
    let from = 0;
    for (let at = text.indexOf('://'); at >= 0; at = text.indexOf('://', at + 3)) {
      const start = at + 3;
      let end = start;
      let colon = -1;
      let atSign = -1;
      while (end < text.length) {
        const ch = text[end]!;
        if (ch === '/' || ch === ' ' || ch === '\t' || ch === '"' || ch === "'" || ch === '?' || ch === '#') break;
        if (ch === ':' && colon < 0 && atSign < 0) colon = end;
        if (ch === '@') atSign = end; // the last @ ends the user info
        end++;
      }
      if (colon < 0 || atSign < colon) continue;
      const password = text.slice(colon + 1, atSign);
      if (isPlaceholderValue(password)) continue;
      found.add('url-credentials');
      out += text.slice(from, colon + 1) + MASK;
      from = atSign;
      at = Math.max(at, atSign - 3);
    }
    return from === 0 ? text : out + text.slice(from);
  }

  /** `Authorization: Bearer xyz` / `Authorization: token xyz` / `Authorization: Basic xyz`. */
  private maskAuthorization(text: string, found: Set<SecretKind>): string {
    const lower = text.toLowerCase();
    let at = lower.indexOf('authorization:');
    if (at < 0) return text;
    let out = '';
    let from = 0;
    // The next search starts after the value just read, so a line of `authorization:…` is linear.
    for (; at >= 0; at = lower.indexOf('authorization:', at + 14)) {
      let i = at + 14;
      while (text[i] === ' ') i++;
      let wordEnd = i;
      while (wordEnd < text.length && !VALUE_END.test(text[wordEnd]!)) wordEnd++;
      // `Bearer <credential>`: the credential is the next word; otherwise the value itself.
      let valueStart = i;
      const scheme = text[wordEnd] === ' ' && /^(?:bearer|token|basic|digest)$/i.test(text.slice(i, wordEnd));
      if (scheme) {
        valueStart = wordEnd + 1;
        wordEnd = valueStart;
        while (wordEnd < text.length && !VALUE_END.test(text[wordEnd]!)) wordEnd++;
      }
      const value = text.slice(valueStart, wordEnd);
      const resumeAt = Math.max(at, wordEnd - 14);
      // Without a scheme the value must look like a credential: a registry's "may require
      // authorization: server message: insufficient_scope" is prose, not a header.
      if (valueStart < from || isPlaceholderValue(value) || (!scheme && !credentialShaped(value))) {
        at = resumeAt;
        continue;
      }
      found.add('authorization-header');
      out += text.slice(from, valueStart) + MASK;
      from = wordEnd;
      at = resumeAt;
    }
    return from === 0 ? text : out + text.slice(from);
  }

  /**
   * `NAME=value`, `--name=value`, `--name value`, `ENV NAME value`, `name: value` where the name
   * says secret. The name is read backwards from the `=`, so no regex has to guess where it starts.
   */
  private maskAssignments(text: string, found: Set<SecretKind>): string {
    const scan = new AssignmentScan(text);
    scan.equalsForms();
    scan.colonForms();
    scan.spaceForms();
    return maskSpans(text, scan.spans, found);
  }

  /** Each kind of secret masked so far: the lines it was on (the first few) and masked evidence. */
  sightings(): ReadonlyMap<SecretKind, SecretSighting> {
    return this.seen;
  }
}

/** The secret values of one line's assignments, found by the three forms of writing one. */
class AssignmentScan {
  readonly spans: [number, number, SecretKind][] = [];

  constructor(private readonly text: string) {}

  /** Records the value after a secret name; returns where the value ends (-1: not a secret name). */
  private consider(nameStart: number, nameEnd: number, valueStart: number): number {
    const text = this.text;
    const name = text.slice(nameStart, nameEnd);
    if (!isSecretName(name)) return -1;
    let valueEnd: number;
    const quote = text[valueStart];
    if (quote === '"' || quote === "'") {
      const close = text.indexOf(quote, valueStart + 1);
      valueEnd = close < 0 ? text.length : close + 1;
    } else {
      valueEnd = valueStart;
      while (valueEnd < text.length && !VALUE_END.test(text[valueEnd]!)) valueEnd++;
    }
    const value = text.slice(valueStart, valueEnd);
    const inner = quote === '"' || quote === "'" ? value.slice(1, value.endsWith(quote) && value.length > 1 ? -1 : undefined) : value;
    if (isPlaceholderValue(inner)) return valueEnd;
    if (needsCredentialShape(name) && !keyShaped(inner)) return valueEnd;
    this.spans.push([valueStart, valueEnd, isAwsSecretName(name) ? 'aws-secret-key' : 'secret-assignment']);
    return valueEnd;
  }

  private nameBefore(end: number): number {
    let start = end;
    while (start > 0 && end - start < 128 && isNameChar(this.text[start - 1])) start--;
    return start;
  }

  /**
   * `NAME=value`. An `=` inside a value already read (`TOKEN=abc==`, `X=$A=B`) starts no new
   * assignment: the scan resumes after the value, which keeps it linear on a line of `TOKEN=TOKEN=…`.
   */
  equalsForms(): void {
    const text = this.text;
    for (let eq = text.indexOf('='); eq >= 0; eq = text.indexOf('=', eq + 1)) {
      if (text[eq + 1] === '=' || text[eq - 1] === '=' || text[eq - 1] === '!') continue; // comparisons
      // `aws_secret_access_key = …` (the AWS credentials file): spaces around the `=`.
      let nameEnd = eq;
      while (nameEnd > 0 && eq - nameEnd < 8 && text[nameEnd - 1] === ' ') nameEnd--;
      let valueStart = eq + 1;
      while (valueStart < text.length && valueStart - eq < 8 && text[valueStart] === ' ') valueStart++;
      const valueEnd = this.consider(this.nameBefore(nameEnd), nameEnd, valueStart);
      if (valueEnd > eq) eq = valueEnd - 1;
    }
  }

  /**
   * `"name": "value"` (JSON, compact or not) anywhere, `name: value` (YAML) where the name begins
   * the line, and an HTTP header in a quoted argument (`-H "X-Api-Key: …"`, `'PRIVATE-TOKEN: …'`):
   * in prose (`secret HF_TOKEN: not found`, `stat SECRET_TOKEN: no such file`) a name before a
   * colon is an error message, not an assignment.
   */
  colonForms(): void {
    const text = this.text;
    const bodyStart = framePrefix(text).length;
    const beginsLine = (start: number): boolean => {
      for (let k = bodyStart; k < start; k++) if (text[k] !== ' ' && text[k] !== '\t') return false;
      return true;
    };
    for (let colon = text.indexOf(':'); colon >= 0; colon = text.indexOf(':', colon + 1)) {
      const quoted = text[colon - 1] === '"';
      if (!quoted && text[colon + 1] !== ' ') continue;
      const nameEnd = quoted ? colon - 1 : colon;
      const start = this.nameBefore(nameEnd);
      const header = !quoted && (text[start - 1] === '"' || text[start - 1] === "'");
      if (quoted ? text[start - 1] !== '"' : !header && !beginsLine(start)) continue;
      let valueStart = colon + 1;
      while (text[valueStart] === ' ') valueStart++;
      const valueEnd = this.consider(start, nameEnd, valueStart);
      if (valueEnd > colon) colon = valueEnd - 1;
    }
  }

  /** `--password value` and `ENV NAME value` (the legacy form without `=`). */
  spaceForms(): void {
    const text = this.text;
    for (let space = text.indexOf(' '); space >= 0; space = text.indexOf(' ', space + 1)) {
      const start = this.nameBefore(space);
      if (start === space) continue;
      const isOption = text.startsWith('--', start);
      const isEnv = start >= 4 && text.startsWith('ENV ', start - 4);
      if (!isOption && !isEnv) continue;
      if (text[space + 1] === '-' || text[space + 1] === ' ' || text[space + 1] === undefined) continue;
      const valueEnd = this.consider(start, space, space + 1);
      if (valueEnd > space) space = valueEnd - 1;
    }
  }
}

/** `text` with each span's value masked (a quoted value keeps its quotes), the first of overlapping spans winning. */
function maskSpans(text: string, spans: [number, number, SecretKind][], found: Set<SecretKind>): string {
  if (spans.length === 0) return text;
  spans.sort((a, b) => a[0] - b[0]);
  let out = '';
  let from = 0;
  for (const [start, end, kind] of spans) {
    if (start < from) continue;
    const quote = text[start] === '"' || text[start] === "'" ? text[start]! : '';
    found.add(kind);
    out += text.slice(from, start) + quote + MASK + (quote && text[end - 1] === quote && end - 1 > start ? quote : '');
    from = end;
  }
  return out + text.slice(from);
}

/** A bare header value worth masking: long, and with the digits or symbols of a key or token. */
function credentialShaped(value: string): boolean {
  return value.length >= 12 && /[0-9+/=_-]/.test(value);
}

