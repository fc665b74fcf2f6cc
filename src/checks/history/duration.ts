const plural = (n: number, word: string) => `${n} ${n === 1 ? word : `${word}s`}`;

/**
 * A history's length in the one unit a reader would use: days under two weeks, whole weeks under
 * three months, months under two years, then years. The summary and the history checks both use it, so a
 * report states one figure for how long a project was worked on.
 */
export function describeSpan(days: number): string {
  const d = Math.max(0, Math.floor(days));
  if (d < 1) return 'less than a day';
  if (d < 14) return plural(d, 'day');
  // Whole weeks, never rounded up: 41 days is "5 weeks", not the "6 weeks" a six-week threshold asks for.
  if (d < 91) return plural(Math.floor(d / 7), 'week');
  if (d < 730) return plural(Math.round(d / 30.44), 'month');
  const years = Math.round((d / 365.25) * 10) / 10;
  return `${years} years`;
}
