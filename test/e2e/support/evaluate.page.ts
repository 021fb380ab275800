import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { Input, Output, ProcedureName } from '../../../shared/contract';
import { SCREENSHOT_DIR, type RunningApp } from './app';

/** Page object for the Evaluate screens: the list, the wizard, an evaluation, compare and monitors. */
export class EvaluateScreen {
  constructor(
    private readonly page: Page,
    private readonly app: RunningApp,
  ) {}

  /** Calls a procedure through the browser host, as a script would. */
  async rpc<N extends ProcedureName>(name: N, input: Input<N>): Promise<Output<N>> {
    const res = await fetch(`${this.app.host.url}/rpc/${name}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${this.app.host.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
    });
    const body = (await res.json()) as { ok: boolean; value: Output<N>; error?: { message: string } };
    if (!body.ok) throw new Error(`${name}: ${body.error?.message}`);
    return body.value;
  }

  /** A screenshot of one part of the page (the app's own screenshots are of the whole page). */
  async shot(locator: Locator, name: string): Promise<string> {
    const path = join(SCREENSHOT_DIR, `${name}.png`);
    await locator.scrollIntoViewIfNeeded();
    await locator.screenshot({ path });
    return path;
  }

  async openProject(name: string) {
    await this.page.getByRole('link', { name: new RegExp(name) }).first().click();
    await this.page.getByRole('heading', { name: new RegExp(name), level: 1 }).waitFor();
  }

  async openEvaluate() {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Evaluate' }).click();
    await this.page.getByRole('heading', { name: /^Evaluate/, level: 1 }).waitFor();
  }

  async startWizard() {
    await this.page.getByRole('button', { name: 'New evaluation' }).click();
    await this.page.getByRole('heading', { name: 'New evaluation', level: 1 }).waitFor();
  }

  async waitForStep(title: string) {
    await this.page.locator('.wizard-steps__item--current', { hasText: title }).waitFor();
  }

  async next() {
    await this.page.getByRole('button', { name: 'Next' }).click();
  }

  /** Opens a picker (by its button), lists `dir` through the path box and returns the dialog. */
  async openPicker(button: string, title: string, dir: string): Promise<Locator> {
    await this.page.getByRole('button', { name: button }).click();
    const dialog = this.page.getByRole('dialog', { name: title });
    await dialog.waitFor();
    await dialog.getByLabel('Folder or file path').fill(dir);
    await dialog.getByRole('button', { name: 'Go' }).click();
    await dialog.getByRole('listbox', { name: `Contents of ${dir}` }).waitFor();
    return dialog;
  }

  /** The wizard's first step with the picker: the file is chosen from `dir`. */
  async choosePredictions(dir: string, fileName: string) {
    const dialog = await this.openPicker('Choose a file…', 'Choose the predictions file', dir);
    await dialog.getByRole('option', { name: new RegExp(fileName.replace('.', '\\.')) }).click();
    await dialog.getByRole('button', { name: 'Use this file' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  select(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  /** Picks the option of a select whose text starts with `prefix` (run choices carry their cost). */
  async selectStartingWith(label: string, prefix: string) {
    const select = this.select(label);
    const value = await select.locator('option').evaluateAll((opts, p) => (opts as HTMLOptionElement[]).find((o) => o.textContent?.startsWith(p))?.value ?? '', prefix);
    if (!value) throw new Error(`No option of ${label} starts with ${prefix}`);
    await select.selectOption(value);
  }

  async run() {
    await this.page.getByRole('button', { name: 'Run the evaluation' }).click();
  }

  /** Waits for the evaluation page the wizard opens when the run ends. */
  async waitForEvaluation(name: string) {
    await this.page.getByRole('heading', { name, level: 1 }).waitFor({ timeout: 60_000 });
    await this.page.getByRole('status', { name: 'Verdict' }).waitFor();
  }

  metricCard(key: string): Locator {
    return this.page.locator(`.eval-metric[data-metric="${key}"]`);
  }

  async sliceGroups(): Promise<string[]> {
    return this.page.getByRole('table', { name: 'Slices' }).locator('tbody th').allTextContents();
  }

  threshold(): Locator {
    return this.page.getByRole('region', { name: 'Where to draw the line' });
  }

  async cheapestThreshold(): Promise<string> {
    return (await this.page.getByTestId('cheapest-threshold').locator('.stat__value').textContent()) ?? '';
  }

  /** What mistakes cost per 1,000 predictions at the cheapest threshold, as a number ("$1,495.83" -> 1495.83). */
  async costAtBest(): Promise<number> {
    const text = (await this.page.getByTestId('cost-at-best').locator('.stat__value').textContent()) ?? '';
    return Number(text.replace(/[^\d.]/g, ''));
  }

  /** Waits until the cheapest threshold differs from `before` (the backend answered for new costs). */
  async waitForCheapestChange(before: string) {
    await this.page.waitForFunction((b) => document.querySelector('[data-testid="cheapest-threshold"] .stat__value')?.textContent !== b, before, { timeout: 10_000 });
  }

  async pickForCompare(name: string) {
    await this.page.getByRole('table', { name: 'Evaluations' }).getByLabel(`Compare ${name}`).check();
  }

  async compare() {
    await this.page.getByRole('button', { name: /^Compare \d+$/ }).click();
    await this.page.getByRole('heading', { name: /^Compare \d+ models$/, level: 1 }).waitFor();
  }

  /** The scatter's dots by evaluation id: 'front' or 'beaten'. */
  async paretoMarks(): Promise<Record<string, string>> {
    await this.page.locator('[data-pareto]').first().waitFor();
    const marks = await this.page.locator('[data-pareto]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-run-id') ?? '', e.getAttribute('data-pareto') ?? '']));
    return Object.fromEntries(marks);
  }

  async waitForBatches(n: number) {
    await this.page.locator(`table[aria-label="Batches"] tbody tr[data-batch="${n}"]`).waitFor({ timeout: 60_000 });
  }

  batchRow(n: number): Locator {
    return this.page.locator(`table[aria-label="Batches"] tbody tr[data-batch="${n}"]`);
  }
}
