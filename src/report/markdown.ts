// Markdown report (job summary and `--format markdown`). STUB: to be replaced.
import type { Analysis } from '../analyze.js';

export function renderMarkdown(analysis: Analysis): string {
  return `# buildkit-doctor\n\n${analysis.findings.length} findings\n`;
}
