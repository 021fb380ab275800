/** The plain verdict on membership-inference risk, and what to do about it. */
import type { ConfidenceInterval } from '../intervals/wilson';

const two = (x: number) => x.toFixed(2);

export function membershipMessage(verdict: 'coin-flip' | 'noticeably-better' | 'much-better', advantage: number, ci: ConfidenceInterval | null): string {
  const figures = `advantage ${two(advantage)}${ci ? `, 95% interval ${two(ci.low)}–${two(ci.high)}` : ''}`;
  const head = 'An attacker who sees the model\'s loss on a row can tell training rows from held-out rows';
  if (verdict === 'coin-flip') return `${head} about as well as a coin flip (${figures}): the losses do not give the training rows away.`;
  if (verdict === 'noticeably-better') return `${head} noticeably better than a coin flip (${figures}): the model remembers some training rows. Before releasing it, regularise or train on more data, and consider differential privacy if the rows are personal.`;
  return `${head} much better than a coin flip (${figures}): the model has memorised its training rows. Do not release it as is: regularise, stop training earlier or use more data, and use differential privacy if the rows are personal.`;
}
