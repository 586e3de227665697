// `buildkit-doctor run -- docker buildx build --build-arg "A=b c" .` → one bash command line that
// runs exactly those words. Each word is single-quoted unless it only has characters that mean
// nothing to bash; a single quote inside becomes `'\''`.

const SAFE_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

export function quoteWord(word: string): string {
  if (word !== '' && SAFE_WORD.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * The command line bash runs for the CLI's `run -- …`. One argument is taken as a command line
 * already (`run -- 'docker build . | tee build.log'`, as with the action's `run` input); several
 * are words, each quoted.
 */
export function commandLine(argv: readonly string[]): string {
  if (argv.length === 1) return argv[0]!;
  return argv.map(quoteWord).join(' ');
}
