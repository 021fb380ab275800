/**
 * A finished run's cost as spend per UTC day: the cost is spread over the days the run spanned
 * in proportion to the time it ran in each (a run from 22:00 to 02:00 books half on each day;
 * a 3-day run is not all booked on its first day). Integer cents are kept exactly: each day gets
 * the floor of its share and the cents left over go to the days with the largest remainders
 * (the earlier day on a tie), so the days always add up to the run's cost.
 *
 * A run that ends where it starts (or has no known end) books everything on its start day.
 */
const DAY_MS = 86_400_000;

export interface DaySpend {
  date: string;
  amountCents: number;
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function spreadOverDays(costCents: number, startMs: number, endMs: number | null): DaySpend[] {
  if (!Number.isSafeInteger(costCents)) throw new RangeError(`costCents must be whole cents, got ${costCents}`);
  const end = endMs ?? startMs;
  if (end <= startMs) return [{ date: isoDay(startMs), amountCents: costCents }];
  const total = end - startMs;
  const parts: Array<{ date: string; ms: number }> = [];
  for (let t = startMs; t < end; ) {
    const next = Math.min(end, (Math.floor(t / DAY_MS) + 1) * DAY_MS);
    parts.push({ date: isoDay(t), ms: next - t });
    t = next;
  }
  const sign = costCents < 0 ? -1 : 1;
  const abs = Math.abs(costCents);
  const shares = parts.map((p, i) => {
    const exact = (abs * p.ms) / total;
    return { i, floor: Math.floor(exact), rest: exact - Math.floor(exact) };
  });
  let left = abs - shares.reduce((s, x) => s + x.floor, 0);
  for (const s of [...shares].sort((a, b) => b.rest - a.rest || a.i - b.i)) {
    if (left <= 0) break;
    s.floor += 1;
    left -= 1;
  }
  return parts.map((p, i) => ({ date: p.date, amountCents: sign * (shares[i] as { floor: number }).floor }));
}
