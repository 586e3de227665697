// Matching one path segment (a file or directory name) against one glob segment: `*` is any run of
// characters, `?` is one character, everything else is literal. No regular expression is built
// from the pattern, so a hostile pattern cannot make the match super-linear in the way a
// backtracking regex can: this is the classic greedy match with one remembered star, at most
// O(name × pattern) steps, and both are single path segments (at most a few hundred characters).

/** True when the segment uses `*` or `?`. */
export function hasWildcard(segment: string): boolean {
  return segment.includes('*') || segment.includes('?');
}

/** True when `name` matches `pattern` (one path segment of each). */
export function matchSegment(pattern: string, name: string): boolean {
  let p = 0;
  let n = 0;
  // Where the last `*` was in the pattern, and where in the name it started matching.
  let star = -1;
  let starFrom = 0;
  while (n < name.length) {
    const c = pattern[p];
    if (c === '?' || (c !== undefined && c !== '*' && c === name[n])) {
      p++;
      n++;
    } else if (c === '*') {
      star = p++;
      starFrom = n;
    } else if (star >= 0) {
      // Let the last star swallow one more character and retry from just after it.
      p = star + 1;
      n = ++starFrom;
    } else {
      return false;
    }
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}
