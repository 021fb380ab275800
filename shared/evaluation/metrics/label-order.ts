/**
 * Class labels in scikit-learn's order. Labels read from a file arrive as strings; scikit-learn
 * (through pandas or numpy) holds numeric labels as numbers and sorts them numerically, and other
 * labels as strings sorted by code point. So: if every label reads as a finite number, sort
 * numerically; otherwise sort by Unicode code point (numpy's order, not JavaScript's UTF-16 order).
 */

function isNumericLabel(label: string): boolean {
  return label.trim() !== '' && Number.isFinite(Number(label));
}

function compareCodePoints(a: string, b: string): number {
  const ai = a[Symbol.iterator]();
  const bi = b[Symbol.iterator]();
  for (;;) {
    const x = ai.next();
    const y = bi.next();
    if (x.done || y.done) return x.done && y.done ? 0 : x.done ? -1 : 1;
    const d = (x.value.codePointAt(0) as number) - (y.value.codePointAt(0) as number);
    if (d !== 0) return d;
  }
}

/** Indices of `labels` in scikit-learn's sorted order: labels[order[0]] sorts first. */
export function sklearnLabelOrder(labels: readonly string[]): number[] {
  const order = labels.map((_, i) => i);
  if (labels.every(isNumericLabel)) order.sort((a, b) => Number(labels[a]) - Number(labels[b]));
  else order.sort((a, b) => compareCodePoints(labels[a] as string, labels[b] as string));
  return order;
}

/** `rank[i]` = position of labels[i] in scikit-learn's order. */
export function sklearnLabelRanks(labels: readonly string[]): Int32Array {
  const order = sklearnLabelOrder(labels);
  const rank = new Int32Array(labels.length);
  order.forEach((original, position) => {
    rank[original] = position;
  });
  return rank;
}

/** Encodes raw labels as class indices into their distinct values (in first-seen order). */
export function encodeLabels(values: readonly (string | number)[]): { classes: string[]; indices: Int32Array } {
  const classes: string[] = [];
  const index = new Map<string, number>();
  const indices = new Int32Array(values.length);
  values.forEach((v, i) => {
    const key = String(v);
    let k = index.get(key);
    if (k === undefined) {
      k = classes.length;
      classes.push(key);
      index.set(key, k);
    }
    indices[i] = k;
  });
  return { classes, indices };
}
