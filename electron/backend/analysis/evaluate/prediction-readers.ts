/**
 * One reader per column a role names, filled row by row from either CSV bytes or JSON/Parquet
 * values, and what they hold once the file is read. Only the role columns are ever decoded.
 */
import type { SortedScores } from '../../../../shared/evaluation/metrics/score-ranking';
import { CellProblem, type RowCursor } from './cell-problem';
import { FlagCells, SliceCells, TimeCells } from './context-cells';
import { GrowableFloat64 } from './growable';
import { LabelCells, MAX_CLASSES } from './label-cells';
import { NumberCells } from './number-cells';
import type { ResolvedRoles } from './resolve-roles';
import { ValueDictionary } from './value-dictionary';

/**
 * Probability rows within this distance of 1 are used as they are (numpy's allclose, which
 * scikit-learn applies); rows further off but within SUM_TOLERANCE are rescaled to sum to 1 and
 * counted (rounded CSV output); rows further off than SUM_TOLERANCE are refused.
 */
export const SUM_EXACT = 1e-8 + 1e-5;
export const SUM_TOLERANCE = 0.01;

export interface CellReader {
  readonly column: string;
  bytes(buf: Uint8Array, start: number, end: number): void;
  value(v: unknown): void;
}

/** Distinct values in first-seen order, with the line each first appeared on (0: not known). */
export interface ValueList {
  values: readonly string[];
  firstLine: readonly number[];
}

/** A slice column as read: codes into its values (-1: more values than kept), and numbers while every value was one. */
export interface SliceData {
  column: string;
  values: readonly string[];
  codes: Int32Array;
  numbers: Float64Array | null;
  overflow: boolean;
}

/** Plain data (typed arrays, strings, numbers): it crosses from a range thread by transfer. */
export interface PredictionColumns {
  roles: ResolvedRoles;
  n: number;
  /** Classification: the classes (true and predicted labels share one dictionary). */
  classes: ValueList | null;
  labelCodes: Int32Array | null;
  labelNumbers: Float64Array | null;
  predictionCodes: Int32Array | null;
  predictionNumbers: Float64Array | null;
  score: Float64Array | null;
  /** n x K, row-major, columns in roles.probabilityColumns order. */
  probabilities: Float64Array | null;
  weights: Float64Array | null;
  time: Float64Array | null;
  trainFlag: Uint8Array | null;
  slices: SliceData[];
  renormalizedRows: number;
  /** Binary scores sorted per label by the range threads (ranked-parts.ts); null when not done. */
  ranked: Array<{ code: number } & SortedScores> | null;
}

export class PredictionReaders {
  readonly cursor: RowCursor = { row: 0, line: 0 };
  readonly readers: CellReader[] = [];
  private readonly classes: ValueDictionary | null;
  private readonly label: LabelCells | NumberCells;
  private readonly prediction: LabelCells | NumberCells | null = null;
  private readonly score: NumberCells | null = null;
  private readonly probabilities: GrowableFloat64 | null = null;
  private readonly k: number;
  private readonly weight: NumberCells | null = null;
  private readonly time: TimeCells | null = null;
  private readonly trainFlag: FlagCells | null = null;
  private readonly slices: SliceCells[] = [];
  private renormalized = 0;
  private readonly probabilityNames: string;

  constructor(
    readonly roles: ResolvedRoles,
    capacity: number,
  ) {
    const c = this.cursor;
    const plain = () => ({ out: new GrowableFloat64(capacity), stride: 1, offset: 0 });
    const probs = roles.probabilityColumns;
    this.k = probs.length;
    this.probabilityNames = probs.map((p) => p.column).join(', ');
    if (roles.task === 'regression') {
      this.classes = null;
      this.label = new NumberCells(roles.label, 'target', c, plain());
      this.prediction = new NumberCells(roles.prediction!, 'prediction', c, plain());
    } else {
      // With probability columns the classes are known up front: a label without a column is refused.
      this.classes = new ValueDictionary(this.k > 0 ? this.k : MAX_CLASSES);
      for (const p of probs) this.classes.codeOfText(p.label, 0);
      const closed = this.k > 0 ? { columns: probs.map((p) => p.column), prefix: roles.probabilityPrefix! } : null;
      this.label = new LabelCells(roles.label, 'label', this.classes, closed, c, capacity);
      if (roles.prediction !== null) this.prediction = new LabelCells(roles.prediction, 'predicted label', this.classes, closed, c, capacity);
    }
    this.readers.push(this.label);
    if (this.prediction) this.readers.push(this.prediction);
    if (roles.score !== null) {
      this.score = new NumberCells(roles.score, roles.rawScores ? 'raw-score' : 'score', c, plain());
      this.readers.push(this.score);
    }
    if (this.k > 0) {
      this.probabilities = new GrowableFloat64(capacity * this.k);
      probs.forEach((p, offset) => this.readers.push(new NumberCells(p.column, 'probability', c, { out: this.probabilities!, stride: this.k, offset })));
    }
    if (roles.weight !== null) {
      this.weight = new NumberCells(roles.weight, 'weight', c, plain());
      this.readers.push(this.weight);
    }
    if (roles.time !== null) {
      this.time = new TimeCells(roles.time, capacity);
      this.readers.push(this.time);
    }
    if (roles.trainFlag !== null) {
      this.trainFlag = new FlagCells(roles.trainFlag, capacity);
      this.readers.push(this.trainFlag);
    }
    for (const s of roles.slices) {
      const cells = new SliceCells(s, c, capacity);
      this.slices.push(cells);
      this.readers.push(cells);
    }
  }

  /** After every cell of a row: probability rows must sum to 1. */
  endRow(): void {
    const probs = this.probabilities;
    if (probs !== null) {
      const k = this.k;
      const base = this.cursor.row * k;
      const data = probs.data;
      let sum = 0;
      for (let j = 0; j < k; j++) sum += data[base + j]!;
      const off = Math.abs(sum - 1);
      if (off > SUM_EXACT) {
        if (!(off <= SUM_TOLERANCE)) {
          throw new CellProblem(`the probability columns ${this.probabilityNames} sum to ${Number(sum.toPrecision(6))} on this row; expected them to sum to 1 (within ${SUM_TOLERANCE}).`);
        }
        for (let j = 0; j < k; j++) data[base + j] = data[base + j]! / sum;
        this.renormalized++;
      }
    }
    this.cursor.row++;
  }

  finish(): PredictionColumns {
    const n = this.cursor.row;
    const numbers = (x: LabelCells | NumberCells | null) => (x instanceof NumberCells ? x.out.trimmed() : null);
    const codes = (x: LabelCells | NumberCells | null) => (x instanceof LabelCells ? x.codes.trimmed() : null);
    return {
      roles: this.roles,
      n,
      classes: this.classes ? { values: [...this.classes.values], firstLine: [...this.classes.firstLine] } : null,
      labelCodes: codes(this.label),
      labelNumbers: numbers(this.label),
      predictionCodes: codes(this.prediction),
      predictionNumbers: numbers(this.prediction),
      score: this.score ? this.score.out.trimmed() : null,
      probabilities: this.probabilities ? this.probabilities.data.subarray(0, n * this.k) : null,
      weights: this.weight ? this.weight.out.trimmed() : null,
      time: this.time ? this.time.times.trimmed() : null,
      trainFlag: this.trainFlag ? this.trainFlag.flags.trimmed() : null,
      slices: this.slices.map((c) => ({ column: c.column, values: [...c.dictionary.values], codes: c.codes.trimmed(), numbers: c.numbers ? c.numbers.trimmed() : null, overflow: c.overflow })),
      renormalizedRows: this.renormalized,
      ranked: null,
    };
  }
}
