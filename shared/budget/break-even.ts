/**
 * The volume at which two monthly-cost curves cross. Costs are step functions of volume (whole
 * devices), so we scan a log grid from 1 to 1e8 requests/day for the first sign change of the
 * difference, then bisect inside that interval. Null when one option is cheaper throughout.
 */
export interface BreakEven {
  between: [string, string];
  /** First volume at which the cheaper option changes, requests/day; null if it never does. */
  requestsPerDay: number | null;
  cheaperBelow: string | null;
  cheaperAbove: string | null;
}

const LO = 1;
const HI = 1e8;
const STEPS = 400;

export function breakEven(nameA: string, costA: (perDay: number) => number, nameB: string, costB: (perDay: number) => number): BreakEven {
  const diff = (v: number) => costA(v) - costB(v);
  const cheaper = (d: number) => (d < 0 ? nameA : d > 0 ? nameB : null);
  let prevV = LO;
  let prevD = diff(LO);
  for (let i = 1; i <= STEPS; i += 1) {
    const v = LO * Math.pow(HI / LO, i / STEPS);
    const d = diff(v);
    if (prevD !== 0 && Math.sign(d) !== Math.sign(prevD) && d !== 0) {
      let lo = prevV;
      let hi = v;
      for (let k = 0; k < 60; k += 1) {
        const mid = Math.sqrt(lo * hi);
        if (Math.sign(diff(mid)) === Math.sign(prevD)) lo = mid;
        else hi = mid;
      }
      return { between: [nameA, nameB], requestsPerDay: hi, cheaperBelow: cheaper(prevD), cheaperAbove: cheaper(d) };
    }
    if (d !== 0 || prevD === 0) {
      prevV = v;
      prevD = d;
    }
  }
  const c = cheaper(prevD);
  return { between: [nameA, nameB], requestsPerDay: null, cheaperBelow: c, cheaperAbove: c };
}
