import { ALL_CHECKS } from '../checks/index.js';
import type { Report } from '../engine/report.js';
import { renderBadge } from './badge.js';
import { renderCsv } from './csv.js';
import { renderHtml } from './html.js';
import { renderJson, renderJsonLines } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderSarif } from './sarif.js';
import { renderTerminal } from './terminal.js';

export const FORMATS = ['terminal', 'json', 'jsonl', 'markdown', 'html', 'sarif', 'csv'] as const;
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
    case 'jsonl':
      return renderJsonLines(report);
    case 'markdown':
      return renderMarkdown(report);
    case 'terminal':
      return renderTerminal(report, options);
    case 'html':
      return renderHtml(report);
    case 'sarif':
      return renderSarif(report, ALL_CHECKS);
    case 'csv':
      return renderCsv(report);
  }
}

export { renderBadge, renderCsv, renderHtml, renderJson, renderMarkdown, renderSarif, renderTerminal };
