/**
 * new_categories (feature values the reference never had; Deepchecks NewCategoryTrainTest) and
 * new_labels (target classes the reference never had; Deepchecks NewLabelTrainTest).
 */
import type { CategoryDifference } from '../check-input';
import { type CheckContext, type CheckDefinition } from '../check-context';
import type { Finding } from '../finding';
import { col, formatShare, plural } from '../format';
import { redact } from '../pii/detectors';
import { isCategoryColumn } from '../drift/column-kind';
import { targetName } from './target-column';


function examples(d: CategoryDifference): string {
  return d.unseenValues
    .slice(0, 3)
    .map((v) => `"${redact(v.value)}"`)
    .join(', ');
}

function differences(context: CheckContext, wantTarget: boolean): CategoryDifference[] {
  const target = targetName(context);
  return (context.input.reference?.categoryDifferences ?? []).filter((d) => {
    if (d.unseenDistinct === 0 || d.unseenRows === 0) return false;
    if (wantTarget) return d.column === target;
    // One kind for both files: a column of categories in one file and text in the other is checked.
    const c = context.column(d.column);
    const r = context.input.reference?.columns.find((x) => x.name === d.column);
    return d.column !== target && d.column !== context.options.id && c !== undefined && r !== undefined && isCategoryColumn(r, c, context.thresholds);
  });
}

/** What both checks report about one column: the share of current rows with an unseen value, and a redacted sample. */
function unseenFigures(rows: number, d: ReturnType<typeof differences>[number]) {
  return {
    share: rows > 0 ? d.unseenRows / rows : 0,
    sample: d.unseenValues.slice(0, 20).map((v) => ({ value: redact(v.value), count: v.count })),
  };
}

export const newCategoriesCheck: CheckDefinition = {
  id: 'new_categories',
  title: 'Categories unseen in the reference',
  about: 'Category values the reference never had, so the model knows nothing about them.',
  needs: 'reference',
  run(context) {
    const { input, thresholds: t, roles } = context;
    return differences(context, false).map((d): Finding => {
      const { share, sample } = unseenFigures(input.rows, d);
      return {
        id: 'new_categories',
        severity: share >= t.newCategoriesWarningShare ? 'warning' : 'info',
        column: d.column,
        count: d.unseenRows,
        share,
        details: {
          unseenDistinct: d.unseenDistinct,
          unseenRows: d.unseenRows,
          unseenValues: sample,
          vanishedValues: d.vanishedValues.length,
        },
        message: `Column ${col(d.column)} has ${plural(d.unseenDistinct, 'category', 'categories')} never seen in the ${roles.reference} data (${examples(d)}), in ${plural(d.unseenRows, 'row')} (${formatShare(share)} of ${roles.current} rows). The model has learnt nothing about them.`,
        advice: `Check whether these are new real categories (then retrain with examples of them) or spelling changes and errors (then map them to the known categories).`,
      };
    });
  },
};

export const newLabelsCheck: CheckDefinition = {
  id: 'new_labels',
  title: 'Target classes unseen in the reference',
  about: 'Target classes the reference never had, which a model trained on it can never predict.',
  needs: 'reference',
  run(context) {
    const { input, thresholds: t, roles } = context;
    return differences(context, true).map((d): Finding => {
      const { share, sample } = unseenFigures(input.rows, d);
      return {
        id: 'new_labels',
        severity: share >= t.newLabelsErrorShare ? 'error' : 'warning',
        column: d.column,
        count: d.unseenRows,
        share,
        details: {
          unseenDistinct: d.unseenDistinct,
          unseenRows: d.unseenRows,
          unseenLabels: sample,
        },
        message: `The target ${col(d.column)} has ${plural(d.unseenDistinct, 'class', 'classes')} that never occur in the ${roles.reference} data (${examples(d)}), in ${plural(d.unseenRows, 'row')} (${formatShare(share)} of ${roles.current} rows). A model trained on the ${roles.reference} data can never predict them, so every one of those rows will be wrong.`,
        advice: `Add examples of these classes to the ${roles.reference} data, or merge them into known classes if they are relabelled versions.`,
      };
    });
  },
};
