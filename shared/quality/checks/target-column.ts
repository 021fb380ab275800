/** Helpers shared by the target checks: which target is set and whether it is a class label. */
import type { ColumnSummary } from '../check-input';
import type { CheckContext } from '../check-context';

/** Most classes a label column can have and still be judged as classification. */
export const MAX_CLASSES = 50;

export function targetName(context: CheckContext): string | undefined {
  return context.options.target ?? context.input.target?.column;
}

export function targetColumn(context: CheckContext): ColumnSummary | undefined {
  const name = targetName(context);
  return name === undefined ? undefined : context.column(name);
}

/** Class labels: booleans and categories, or numbers/text with few distinct values all listed. */
export function isClassification(c: ColumnSummary): boolean {
  if (c.type === 'boolean' || c.type === 'categorical') return c.distinct <= MAX_CLASSES || c.otherCount === 0;
  if (c.type === 'float' || c.type === 'integer' || c.type === 'text') return c.otherCount === 0 && c.distinct <= (c.type === 'float' ? 10 : 20);
  return false;
}
