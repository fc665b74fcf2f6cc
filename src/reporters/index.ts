import type { Report } from '../engine/report.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderTerminal } from './terminal.js';

export const FORMATS = ['terminal', 'json', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

export interface RenderOptions {
  color: boolean;
  width?: number;
}

export function isFormat(value: string): value is Format {
  return (FORMATS as readonly string[]).includes(value);
}

/** Renders a report in one format; pure, so the same report always gives the same text. */
export function render(format: Format, report: Report, options: RenderOptions): string {
  switch (format) {
    case 'json':
      return renderJson(report);
    case 'markdown':
      return renderMarkdown(report);
    case 'terminal':
      return renderTerminal(report, options);
  }
}

export { renderJson, renderMarkdown, renderTerminal };
