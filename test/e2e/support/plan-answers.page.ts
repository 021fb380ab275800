import type { Page, Response } from 'playwright-core';
import type { Input, Output, ProcedureName } from '../../../shared/contract';
import type { RunningApp } from './app';
import { PlanScreen } from './plan.page';

/**
 * Page object for the Plan page's quick answers (memory, serving speed, model size): tests speak
 * in owner actions; each answer comes back with the estimate call the page made for it.
 */
export class PlanAnswersScreen extends PlanScreen {
  constructor(private readonly p: Page) {
    super(p);
  }

  /** Opens a quick answer from the Plan page by its card and waits for its first question. */
  async startQuick(card: RegExp, firstQuestion: string) {
    await this.p.getByRole('navigation', { name: 'Quick answers' }).getByRole('link', { name: card }).click();
    await this.question(firstQuestion);
  }

  /**
   * Clicks "See the answer" and returns every `name` call the page made for it, in order: the
   * input it sent and the output the backend gave, as the page received them.
   */
  async answerWith<N extends ProcedureName>(name: N, calls = 1): Promise<Array<{ input: Input<N>; output: Output<N> }>> {
    const seen: Array<{ input: Input<N>; output: Output<N> }> = [];
    let done: () => void = () => undefined;
    const all = new Promise<void>((resolve) => (done = resolve));
    const onResponse = async (r: Response) => {
      if (!r.url().endsWith(`/rpc/${name}`)) return;
      const body = (await r.json()) as { ok: boolean; value: Output<N> };
      if (body.ok) seen.push({ input: r.request().postDataJSON() as Input<N>, output: body.value });
      if (seen.length >= calls) done();
    };
    this.p.on('response', onResponse);
    try {
      await this.seeAnswer();
      await all;
    } finally {
      this.p.off('response', onResponse);
    }
    return seen;
  }

  /** The headline of the answer page. */
  async headline(): Promise<string> {
    return (await this.p.getByRole('heading', { level: 1 }).textContent()) ?? '';
  }

  /** The value shown for a figure ("Memory needed", "Whole answer" ...) in a figures group. */
  async figure(group: string, label: string): Promise<string> {
    const stat = this.p.getByRole('group', { name: group }).locator('.stat').filter({ has: this.p.locator('.stat__label', { hasText: new RegExp(`^${label}$`, 'i') }) });
    return (await stat.locator('.stat__value').textContent()) ?? '';
  }

  /** The whole text of a figure: value, likely range and meaning. */
  async figureText(group: string, label: string): Promise<string> {
    const stat = this.p.getByRole('group', { name: group }).locator('.stat').filter({ has: this.p.locator('.stat__label', { hasText: new RegExp(`^${label}$`, 'i') }) });
    return (await stat.textContent()) ?? '';
  }

  async changeAnswers() {
    await this.p.getByRole('button', { name: 'Change answers' }).click();
  }

  async back() {
    await this.p.getByRole('button', { name: 'Back' }).click();
  }
}

/** Calls the backend the way a script would (POST /rpc/<name> with the launch token), outside the page. */
export async function backendCall<N extends ProcedureName>(app: RunningApp, name: N, input: Input<N>): Promise<Output<N>> {
  const res = await fetch(`${app.host.url}/rpc/${name}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${app.host.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { ok: true; value: Output<N> } | { ok: false; error: { message: string } };
  if (!body.ok) throw new Error(`${name}: ${body.error.message}`);
  return body.value;
}
