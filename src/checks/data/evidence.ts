import type { DataReference } from '../../collectors/data/types.js';
import type { Evidence } from '../types.js';

/** Where a reference is written: file and line, plus the notebook cell when it is in a notebook. */
export function referenceEvidence(ref: DataReference): Evidence {
  const evidence: Evidence = { file: ref.file, line: ref.line, note: `${ref.via}('${ref.target}')` };
  if (ref.cell !== undefined) evidence.cell = ref.cell;
  return evidence;
}
