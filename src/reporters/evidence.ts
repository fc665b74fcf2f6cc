import type { Evidence } from '../checks/types.js';

/** Where to look, as a person would type it: `file:line`, `notebook.ipynb cell 3`, `commit abc1234`. */
export function formatEvidence(evidence: Evidence): string {
  const parts: string[] = [];
  if (evidence.file !== undefined) {
    if (evidence.cell !== undefined) {
      const line = evidence.line !== undefined ? ` line ${evidence.line}` : '';
      parts.push(`${evidence.file} cell ${evidence.cell + 1}${line}`);
    } else if (evidence.line !== undefined) {
      const end =
        evidence.endLine !== undefined && evidence.endLine !== evidence.line ? `-${evidence.endLine}` : '';
      parts.push(`${evidence.file}:${evidence.line}${end}`);
    } else {
      parts.push(evidence.file);
    }
  }
  if (evidence.commit !== undefined) parts.push(`commit ${evidence.commit.slice(0, 7)}`);
  const where = parts.join(', ');
  if (evidence.note === undefined || evidence.note === '') return where;
  return where === '' ? evidence.note : `${where} (${evidence.note})`;
}
