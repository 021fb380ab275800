/**
 * The --time column read as times whatever way they are written: ISO 8601 (the column's own fast
 * path), month names and day/month numbers (parse/loose-datetime.ts), epoch seconds or
 * milliseconds, YYYYMMDD and years. Cells that are none of these are counted, with the first one
 * kept, so the check can refuse the column by name instead of silently skipping date leakage.
 *
 * Day and month written as numbers ("01/02/2000") are decided for the whole column: the first
 * cell that can only be read one way ("13/02/2000" is day first) decides; until then every time
 * is kept under both readings (a second numeric part and count), so nothing read before the
 * decision is wrong. A column no cell decides is read month first, as pandas does, and said.
 */
import { LOOSE_DATE, LOOSE_NUMERIC, numberAsTime, parseLooseDateTime } from '../parse/loose-datetime';
import { addToPart, copyNumericPart, mergeNumericParts, type NumericPart } from './numeric-part';

export const ORDER_OPEN = 0;
export const MONTH_FIRST = 1;
export const DAY_FIRST = 2;

const scratch = new Float64Array(2);

export class TimeRole {
  /** ORDER_OPEN until a cell decides the day/month order. */
  order = ORDER_OPEN;
  /** The cells that decided each order (a conflict names both). */
  monthFirstExample: string | null = null;
  dayFirstExample: string | null = null;
  /** A cell that decided month first while another part of the column had decided day first, or the reverse. */
  conflict = false;
  /** Some cell could be read either way (reported when no cell decided). */
  ambiguous: string | null = null;
  unreadable = 0;
  firstUnreadable: string | null = null;
  /** Rows at or before `notAfter` (date leakage), under the open order's month-first reading... */
  notAfterCount = 0;
  /** ...and under its day-first reading while the order is open. */
  notAfterAlt = 0;
  /** Day-first readings while the order is open (a copy of the column's times made at the first ambiguous cell). */
  alt: NumericPart | null = null;

  constructor(readonly notAfter: number) {}

  /** One time (epoch ms in value[0]) read one way only: counts for both readings. */
  sawTime(value: Float64Array): void {
    if (value[0]! <= this.notAfter) {
      this.notAfterCount++;
      this.notAfterAlt++;
    }
    if (this.alt !== null) addToPart(this.alt, value, 0);
  }

  /** A number in the time column as epoch ms in out[0]; false when it is no time. */
  readNumber(x: number, out: Float64Array, text: () => string): boolean {
    const ms = numberAsTime(x);
    if (Number.isNaN(ms)) return this.cannotRead(text());
    out[0] = ms;
    return true;
  }

  /**
   * A text cell that is not ISO: true and its epoch ms in out[0] (the reading under the order now
   * in force) when it is a date; the column's time part is fed here.
   */
  readText(text: string, part: NumericPart, out: Float64Array): boolean {
    const kind = parseLooseDateTime(text, scratch);
    if (kind === LOOSE_DATE) {
      out[0] = scratch[0]!;
      addToPart(part, out, 0);
      this.sawTime(out);
      return true;
    }
    if (kind !== LOOSE_NUMERIC) return this.cannotRead(text);
    const monthFirst = scratch[0]!;
    const dayFirst = scratch[1]!;
    if (Number.isNaN(dayFirst)) this.decide(MONTH_FIRST, text);
    else if (Number.isNaN(monthFirst)) this.decide(DAY_FIRST, text);
    else if (this.order === ORDER_OPEN) {
      // Either reading: keep both until a cell decides.
      this.ambiguous ??= text;
      if (this.alt === null) {
        this.alt = copyNumericPart(part);
        this.notAfterAlt = this.notAfterCount;
      }
      out[0] = monthFirst;
      addToPart(part, out, 0);
      if (monthFirst <= this.notAfter) this.notAfterCount++;
      scratch[0] = dayFirst;
      addToPart(this.alt, scratch, 0);
      if (dayFirst <= this.notAfter) this.notAfterAlt++;
      return true;
    }
    // Read under the order in force (a forced cell has just set it, or conflicts with it).
    out[0] = Number.isNaN(dayFirst) ? monthFirst : Number.isNaN(monthFirst) ? dayFirst : this.order === DAY_FIRST ? dayFirst : monthFirst;
    addToPart(this.swapIn ?? part, out, 0);
    this.sawTime(out);
    return true;
  }

  /** Settle the order from a cell that reads one way only; a day-first order takes over the kept readings (swapIn). */
  private decide(order: number, text: string): void {
    if (order === MONTH_FIRST) this.monthFirstExample ??= text;
    else this.dayFirstExample ??= text;
    if (this.order !== ORDER_OPEN) {
      if (this.order !== order) this.conflict = true;
      return;
    }
    this.order = order;
    if (order === DAY_FIRST) {
      if (this.alt !== null) this.swapIn = this.alt;
      this.notAfterCount = this.notAfterAlt;
    }
    this.alt = null;
  }

  /** Set when the day-first readings replace the column's time part; the column takes it and clears it. */
  swapIn: NumericPart | null = null;

  private cannotRead(text: string): false {
    this.unreadable++;
    this.firstUnreadable ??= text.length > 60 ? `${text.slice(0, 60)}…` : text;
    return false;
  }

  /**
   * Fold the role of the NEXT part of the same file in. `mine` and `theirs` are the two parts'
   * time parts; returns the merged time part.
   */
  merge(o: TimeRole, mine: NumericPart | null, theirs: NumericPart | null, seed: number): NumericPart | null {
    this.unreadable += o.unreadable;
    this.firstUnreadable ??= o.firstUnreadable;
    this.monthFirstExample ??= o.monthFirstExample;
    this.dayFirstExample ??= o.dayFirstExample;
    this.ambiguous ??= o.ambiguous;
    this.conflict ||= o.conflict || (this.order !== ORDER_OPEN && o.order !== ORDER_OPEN && this.order !== o.order);
    const order = this.order !== ORDER_OPEN ? this.order : o.order;
    // Each side's times under the order that now holds.
    const side = (r: TimeRole, part: NumericPart | null): [NumericPart | null, number, NumericPart | null, number] => {
      if (r.order !== ORDER_OPEN || r.alt === null) return [part, r.notAfterCount, part, r.notAfterCount];
      return [part, r.notAfterCount, r.alt, r.notAfterAlt];
    };
    const [aMonth, aCount, aDay, aDayCount] = side(this, mine);
    const [bMonth, bCount, bDay, bDayCount] = side(o, theirs);
    const join = (x: NumericPart | null, y: NumericPart | null, s: number) => (x === null ? y : y === null ? x : mergeNumericParts(x, y, s));
    if (order === ORDER_OPEN) {
      this.notAfterCount = aCount + bCount;
      this.notAfterAlt = aDayCount + bDayCount;
      this.alt = this.alt !== null || o.alt !== null ? join(aDay, bDay, seed ^ 0x33) : null;
      return join(aMonth, bMonth, seed);
    }
    this.order = order;
    this.alt = null;
    if (order === DAY_FIRST) {
      this.notAfterCount = aDayCount + bDayCount;
      return join(aDay, bDay, seed);
    }
    this.notAfterCount = aCount + bCount;
    return join(aMonth, bMonth, seed);
  }
}
