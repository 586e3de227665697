// One entry point from an analysis to the text of any output format.
import type { Analysis } from './analysis.js';
import { renderText } from './text.js';
import { renderMarkdown } from './markdown.js';
import { renderSarif } from './sarif.js';
import { renderGithubCommands, type GithubCommandOptions } from './github-commands.js';
import { stringifyVisible } from '../security/invisible.js';
import { reportOf } from './json.js';

/** The report formats the CLI's `--format` offers. */
export const FORMATS = ['text', 'json', 'markdown', 'sarif', 'github'] as const;
export type OutputFormat = (typeof FORMATS)[number];

export interface RenderOptions {
  color: boolean;
  /** The Dockerfile given by the user, for SARIF results that no Dockerfile line explains. */
  dockerfile?: string | null;
  /** Text and Markdown: a first line in place of the verdict on a build (`lint` has no build). */
  heading?: string;
  /** Text: the columns to fit (the terminal's width; 80 when not a terminal). */
  width?: number;
  /** GitHub: GITHUB_WORKSPACE, which annotation paths are relative to (default: the working directory). */
  workspace?: string;
}

/** What the GitHub workflow commands need of the render options. */
export function githubOptions(options: RenderOptions): GithubCommandOptions {
  return { dockerfile: options.dockerfile ?? null, ...(options.workspace ? { workspace: options.workspace } : {}) };
}

export function render(analysis: Analysis, format: OutputFormat, options: RenderOptions): string {
  switch (format) {
    case 'json':
      return stringifyVisible(reportOf(analysis), 2) + '\n';
    case 'markdown':
      return renderMarkdown(analysis, options.heading);
    case 'sarif':
      return stringifyVisible(renderSarif([analysis], { dockerfile: options.dockerfile ?? null }), 2) + '\n';
    case 'github':
      return renderGithubCommands(analysis.findings, githubOptions(options));
    case 'text':
      return renderText(analysis, options);
  }
}
