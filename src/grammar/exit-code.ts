// The exit code a builder's error message ends with, in every builder's words.

const MARKERS = [
  'exit code: ', // BuildKit: `did not complete successfully: exit code: 2`, `executor failed running […]: exit code: 2`
  'returned a non-zero code: ', // classic builder: `The command '/bin/sh -c make' returned a non-zero code: 2`
  'exit status ', // podman / buildah: `building at STEP "RUN make": while running runtime: exit status 2`
];

/** `…: exit code: 2`, `… returned a non-zero code: 2`, `… exit status 2` → 2; null when the message names none. */
export function exitCodeOf(message: string): number | null {
  for (const marker of MARKERS) {
    const at = message.lastIndexOf(marker);
    if (at < 0) continue;
    const digits = message.slice(at + marker.length).trim();
    if (digits.length > 0 && digits.length <= 10 && /^\d+$/.test(digits)) return Number(digits);
  }
  return null;
}
