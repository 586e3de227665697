// The stage a `FROM … AS name` instruction names, for the builders that print the instruction
// but no stage (the classic builder, podman / buildah).

/** `FROM nvidia/cuda:12.4.1-devel AS builder` → `builder`; null when the FROM names no stage. */
export function stageNameOf(fromInstruction: string): string | null {
  const words = fromInstruction.trim().split(/\s+/);
  if (words.length >= 4 && words[words.length - 2]!.toLowerCase() === 'as') return words[words.length - 1]!;
  return null;
}
