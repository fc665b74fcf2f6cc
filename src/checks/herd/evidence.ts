import type { HerdDetection } from '../../collectors/herd/types.js';
import type { Evidence } from '../types.js';

/** Herd evidence as report evidence: where to look, and what matched there. */
export function toEvidence(detection: HerdDetection): Evidence[] {
  return detection.evidence.map((e) => ({
    ...(e.file !== undefined ? { file: e.file } : {}),
    ...(e.line !== undefined ? { line: e.line } : {}),
    ...(e.cell !== undefined ? { cell: e.cell } : {}),
    note: `${e.signal}: ${e.detail}`,
  }));
}

export const percent = (confidence: number) => `${Math.round(confidence * 100)}%`;
