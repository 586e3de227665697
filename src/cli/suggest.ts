// A mistyped option gets one line that says what to type instead ("did you mean --format?"), not
// Node's parser text (`Unknown option '--fromat'. To specify a positional argument starting with
// a '-', place it at the end of the command after '--', as in '-- "--fromat"`).

/** Edit distance with transpositions (optimal string alignment): `--fromat` is one edit from `--format`. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** The known option closest to `typed`, when it is close enough to be what was meant. */
export function closestOption(typed: string, known: readonly string[]): string | null {
  const name = typed.replace(/^-+/, '').split('=')[0]!.toLowerCase();
  if (name === '') return null;
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const option of known) {
    const candidate = option.replace(/^-+/, '');
    // A prefix (`--dock`) is what was meant as surely as a typo.
    const distance = candidate.startsWith(name) && name.length >= 3 ? 0.5 : editDistance(name, candidate);
    if (distance < bestDistance) {
      best = option;
      bestDistance = distance;
    }
  }
  return best !== null && bestDistance <= Math.max(1, Math.floor(name.length / 3)) ? best : null;
}

/** The long options a help text names (`--format`, `--fail-on`), in order, once each. */
export function optionsIn(help: string): string[] {
  return [...new Set(help.match(/(?<![\w-])--[a-z][a-z-]{0,40}[a-z]/g) ?? [])];
}

/** One line for an error of `node:util` parseArgs, in this CLI's words. */
export function describeArgsError(error: Error & { code?: string }, help: string): string {
  const first = error.message.split('\n')[0]!;
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const typed = /^Unknown option '([^']{1,200})'/.exec(first)?.[1] ?? first;
    const guess = closestOption(typed, optionsIn(help));
    return guess === null ? `unknown option ${typed} (see --help)` : `unknown option ${typed}: did you mean ${guess}? (see --help)`;
  }
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const option = /--[a-z][a-z-]{0,40}/.exec(first)?.[0];
    if (option !== undefined && / argument missing/.test(first)) return `${option} needs a value (see --help)`;
    if (option !== undefined && /does not take an argument/.test(first)) return `${option} takes no value (see --help)`;
  }
  return `${first} (see --help)`;
}
