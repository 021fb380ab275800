/** What the label-issue finding says, and what to do about it. */
/** The per-class figures the message needs. */
interface ClassShare {
  label: string;
  share: number;
}

function percent(x: number): string {
  const p = x * 100;
  return p > 0 && p < 1 ? `${p.toFixed(1)}%` : `${Math.round(p)}%`;
}

export function labelIssueMessage(count: number, rows: number, perClass: ClassShare[]): string {
  if (count === 0) return 'No row looks mislabelled: the model agrees with the given labels wherever it is confident.';
  const worst = [...perClass].sort((a, b) => b.share - a.share)[0] as ClassShare;
  const noun = count === 1 ? 'row looks' : 'rows look';
  return (
    `${count.toLocaleString('en-US')} ${noun} mislabelled (${percent(count / rows)} of ${rows.toLocaleString('en-US')}), ` +
    `most often those labelled "${worst.label}" (${percent(worst.share)} of them). ` +
    'Review a sample from the top of the list and relabel the rows that are wrong; do not delete flagged rows blindly: ' +
    'some are hard or ambiguous cases the model gets wrong, not label errors.'
  );
}
