import type { SignalEvidence } from '../../collectors/signals/types.js';
import type { Evidence } from '../types.js';

/** Where a signal was seen, as report evidence; `note` says what was seen there. */
export function evidenceOf(signal: SignalEvidence, note?: string): Evidence {
  const out: Evidence = { file: signal.file };
  if (signal.line !== undefined) out.line = signal.line;
  if (signal.cell !== undefined) out.cell = signal.cell;
  if (note !== undefined) out.note = note;
  return out;
}

/** The first `max` items as evidence, so a report stays readable when a repo has hundreds. */
export function firstEvidence<T extends SignalEvidence>(
  items: readonly T[],
  note: (item: T) => string,
  max = 5,
): Evidence[] {
  return items.slice(0, max).map((item) => evidenceOf(item, note(item)));
}

/** Distinct values in first-seen order, joined for a message. */
export function listOf(values: readonly string[], max = 5): string {
  const unique = [...new Set(values)];
  const shown = unique.slice(0, max).join(', ');
  return unique.length > max ? `${shown} and ${unique.length - max} more` : shown;
}
