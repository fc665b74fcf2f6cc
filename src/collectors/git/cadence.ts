const DAY = 86_400;

export interface Cadence {
  spanDays: number;
  activeDays: number;
  activeWeeks: number;
  longestGapDays: number;
}

/**
 * How work spread over time, from commit timestamps (Unix seconds, any order). Active days and
 * weeks are counted on the author's own clock (`localTimestamps`, the timestamp plus the author's
 * UTC offset), so an evening's work in Paris is one day, not two.
 */
export function cadence(
  timestamps: readonly number[],
  localTimestamps: readonly number[] = timestamps,
): Cadence {
  if (timestamps.length === 0) return { spanDays: 0, activeDays: 0, activeWeeks: 0, longestGapDays: 0 };
  const sorted = [...timestamps].sort((a, b) => a - b);
  let longestGap = 0;
  for (let i = 1; i < sorted.length; i++) longestGap = Math.max(longestGap, sorted[i]! - sorted[i - 1]!);
  const days = new Set(localTimestamps.map((t) => Math.floor(t / DAY)));
  const weeks = new Set(localTimestamps.map(isoWeek));
  return {
    spanDays: Math.floor((sorted[sorted.length - 1]! - sorted[0]!) / DAY),
    activeDays: days.size,
    activeWeeks: weeks.size,
    longestGapDays: Math.floor(longestGap / DAY),
  };
}

/** ISO 8601 week key ("2024-W09") of a Unix time, in UTC. */
export function isoWeek(seconds: number): string {
  const date = new Date(Math.floor(seconds / DAY) * DAY * 1000);
  const weekday = (date.getUTCDay() + 6) % 7; // Monday = 0
  // The ISO week belongs to the year of its Thursday.
  const thursday = new Date(date.getTime() + (3 - weekday) * DAY * 1000);
  const year = thursday.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  const firstWeekday = (firstThursday.getUTCDay() + 6) % 7;
  const week1Monday = firstThursday.getTime() - firstWeekday * DAY * 1000;
  const week = Math.floor((thursday.getTime() - week1Monday) / (7 * DAY * 1000)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}
