// How wide the text report may be: the terminal's width when stdout is one, else 80 columns (a
// file, a pipe, a CI log), which is what a reader's pager or editor shows without scrolling.
import { DEFAULT_WIDTH } from '../report/wrap.js';

export function textWidth(io: { isTTY: boolean; columns?: number }): number {
  return io.isTTY && io.columns !== undefined && io.columns > 0 ? io.columns : DEFAULT_WIDTH;
}
