/**
 * Guesses for the data-quality wizard: which column is likely the target (label), the entity id
 * and the time. Pure: it reads column names and types (and the profile's counts when the dataset
 * was analysed), so the user only confirms. Best guess first, each with a one-line reason.
 */
import type { ColumnGuesses, DatasetProfile, DatasetSchema } from '../../../shared/contract/datasets';

type Column = DatasetSchema['columns'][number];
interface Guess {
  column: string;
  reason: string;
  score: number;
}

const TARGET_NAME = /^(label|labels|target|y|class|outcome|churn|churned|default|defaulted|fraud|is_fraud|survived|response|converted|clicked)$/i;
const TARGET_SUFFIX = /(_label|_target|_class|_outcome)$/i;
const FLAG_PREFIX = /^(is|has|did|will)_/i;
const ID_NAME = /^(id|uuid|guid|key|row_id|record_id)$/i;
const ID_SUFFIX = /(_id|_uuid|_key|Id|ID)$/;
const TIME_NAME = /(date|time|timestamp|datetime|_at|_on|^created|^updated|^month$|^day$|^week$|^year$)/i;

function best(guesses: Guess[]): ColumnGuesses['target'] {
  return guesses.sort((a, b) => b.score - a.score).map(({ column, reason }) => ({ column, reason }));
}

export function guessColumns(schema: DatasetSchema, profile: DatasetProfile | null): ColumnGuesses {
  const byName = new Map(profile?.columns.map((c) => [c.name, c]) ?? []);
  const columns: Column[] = profile ? profile.columns.map((c) => ({ name: c.name, type: c.type })) : schema.columns;
  const rows = profile?.rows ?? 0;
  const target: Guess[] = [];
  const id: Guess[] = [];
  const time: Guess[] = [];
  columns.forEach((c, i) => {
    const p = byName.get(c.name);
    const fewValues = p ? p.distinct >= 2 && p.distinct <= 20 : c.type === 'boolean';
    const isLast = i === columns.length - 1;
    if (TARGET_NAME.test(c.name)) target.push({ column: c.name, reason: `named "${c.name}", a usual name for the label`, score: 3 });
    else if (TARGET_SUFFIX.test(c.name)) target.push({ column: c.name, reason: `its name ends like a label column`, score: 2.5 });
    else if (FLAG_PREFIX.test(c.name) && (c.type === 'boolean' || fewValues)) target.push({ column: c.name, reason: 'a yes/no flag', score: 1.5 });
    else if (isLast && fewValues && c.type !== 'datetime' && c.type !== 'identifier') target.push({ column: c.name, reason: 'the last column, with few distinct values', score: 1 });

    const unique = p && rows > 0 && p.missing === 0 && p.distinct >= 0.99 * rows;
    if (ID_NAME.test(c.name)) id.push({ column: c.name, reason: `named "${c.name}"`, score: 3 });
    else if (ID_SUFFIX.test(c.name) && c.type !== 'float' && c.type !== 'datetime') id.push({ column: c.name, reason: 'its name ends in id or key', score: 2 });
    else if (c.type === 'identifier') id.push({ column: c.name, reason: 'a different value on every row', score: 1.5 });
    else if (unique && c.type === 'integer') id.push({ column: c.name, reason: 'whole numbers, a different one on every row', score: 1 });

    if (c.type === 'datetime') time.push({ column: c.name, reason: TIME_NAME.test(c.name) ? 'dates or times, with a time-like name' : 'holds dates or times', score: TIME_NAME.test(c.name) ? 3 : 2 });
    else if (TIME_NAME.test(c.name) && (c.type === 'integer' || c.type === null)) time.push({ column: c.name, reason: 'its name suggests a date or time', score: 1 });
  });
  return { columns: columns.map((c) => c.name), target: best(target), id: best(id), time: best(time) };
}
