/**
 * Which of two labels counts as positive when the user did not say: 1, true or yes (any case)
 * when present, else the rarer class (the one a model is usually built to find), else the one
 * that sorts last. Returned with the reason, which the result and the wizard show.
 */

const POSITIVE_WORDS = ['1', 'true', 'yes', 'y', 'positive', 'pos'];

export function choosePositiveLabel(labels: readonly string[], counts: readonly number[]): { value: string; reason: string } {
  for (const word of POSITIVE_WORDS) {
    const i = labels.findIndex((l) => l.trim().toLowerCase() === word);
    if (i >= 0) return { value: labels[i]!, reason: `"${labels[i]}" reads as the positive class` };
  }
  if (labels.length === 2 && counts[0] !== counts[1]) {
    const rare = counts[0]! < counts[1]! ? 0 : 1;
    return { value: labels[rare]!, reason: `"${labels[rare]}" is the rarer class (${counts[rare]} of ${counts[0]! + counts[1]!} rows), usually the one a model is built to find` };
  }
  const last = [...labels].sort()[labels.length - 1] ?? '';
  return { value: last, reason: `the classes are equally frequent; "${last}" sorts last` };
}
