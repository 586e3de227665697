// One entry point from an analysis to the text of any output format.
import type { Analysis } from '../analyze.js';
import type { OutputFormat } from '../cli/args.js';
import { renderText } from './text.js';
import { renderMarkdown } from './markdown.js';
import { renderSarif } from './sarif.js';
import { renderGithubCommands } from './github-commands.js';
import { stringifyVisible } from '../security/invisible.js';

export interface RenderOptions {
  color: boolean;
  /** The Dockerfile given by the user, for SARIF results that no Dockerfile line explains. */
  dockerfile?: string | null;
  /** Text and Markdown: a first line in place of the verdict on a build (`lint` has no build). */
  heading?: string;
  /** Text: the columns to fit (the terminal's width; 80 when not a terminal). */
  width?: number;
}

export function render(analysis: Analysis, format: OutputFormat, options: RenderOptions): string {
  switch (format) {
    case 'json':
      return stringifyVisible(analysis.report, 2) + '\n';
    case 'markdown':
      return renderMarkdown(analysis, options.heading);
    case 'sarif':
      return stringifyVisible(renderSarif([analysis], { dockerfile: options.dockerfile ?? null }), 2) + '\n';
    case 'github':
      return renderGithubCommands(analysis, { dockerfile: options.dockerfile ?? null });
    case 'text':
      return renderText(analysis, options);
  }
}
