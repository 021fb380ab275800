import type { Locator, Page } from 'playwright-core';
import type { Input, Output, ProcedureName } from '../../../shared/contract';
import type { RunningApp } from './app';

/** Page object for the Track screens: the runs table, a run, and compare. */
export class RunsScreen {
  constructor(
    private readonly page: Page,
    private readonly app: RunningApp,
  ) {}

  /** Calls a procedure through the browser host, as a script would (to read what the backend says). */
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

  /** From the projects list: the project, then its runs. */
  async openRunsOf(projectName: string) {
    await this.page.getByRole('link', { name: new RegExp(projectName) }).first().click();
    await this.page.getByRole('heading', { name: new RegExp(projectName), level: 1 }).waitFor();
    await this.page.getByRole('link', { name: 'Open the runs →' }).click();
    await this.page.getByRole('heading', { name: `Runs of ${projectName}`, level: 1 }).waitFor();
    await this.table().locator('.runs-table__row[data-run-id]').first().waitFor();
  }

  table(): Locator {
    return this.page.getByRole('table', { name: 'Runs' });
  }

  /** Names of the rows drawn, top to bottom. */
  async runNames(): Promise<string[]> {
    return this.table().locator('.runs-table__row[data-run-id] .runs-table__name a').allTextContents();
  }

  async total(): Promise<string> {
    return (await this.page.getByTestId('runs-total').textContent()) ?? '';
  }

  /** Waits until the table shows exactly these names (in order). */
  async expectNames(names: string[]) {
    await this.page.waitForFunction(
      (want) => {
        const got = Array.from(document.querySelectorAll('.runs-table__row[data-run-id] .runs-table__name a')).map((a) => a.textContent);
        return JSON.stringify(got) === JSON.stringify(want);
      },
      names,
      { timeout: 10_000 },
    );
  }

  headers(): Promise<string[]> {
    return this.table().locator('.runs-table__th .runs-table__label').allTextContents();
  }

  async sortBy(label: string) {
    await this.table().locator('.runs-table__th button').filter({ has: this.page.locator('.runs-table__label', { hasText: new RegExp(`^${label}$`) }) }).click();
  }

  async addFilter(fill: { field: string; key?: string; op?: string; value?: string; statuses?: string[]; from?: string; to?: string }) {
    await this.page.getByRole('button', { name: 'Add filter' }).click();
    const form = this.page.getByRole('form', { name: 'Add a filter' });
    await form.getByLabel('Filter on').selectOption({ label: fill.field });
    if (fill.key !== undefined) await form.getByLabel(fill.field === 'Metric' ? 'Metric' : fill.field === 'Parameter' ? 'Parameter' : 'Tag', { exact: true }).fill(fill.key);
    if (fill.op !== undefined) await form.getByLabel('Condition').selectOption({ value: fill.op });
    if (fill.value !== undefined) await form.getByLabel('Value').fill(fill.value);
    for (const s of fill.statuses ?? []) await form.getByLabel(s, { exact: true }).check();
    if (fill.from !== undefined) await form.getByLabel(/Lowest cost|Started on or after/).fill(fill.from);
    if (fill.to !== undefined) await form.getByLabel(/Highest cost|Started on or before/).fill(fill.to);
    await form.getByRole('button', { name: 'Apply filter' }).click();
  }

  async removeFilter(text: string) {
    await this.page.getByRole('button', { name: `Remove filter: ${text}` }).click();
  }

  async toggleColumn(key: string) {
    const chooser = this.page.getByRole('region', { name: 'Choose columns' });
    if (!(await chooser.isVisible())) await this.page.getByRole('button', { name: 'Columns', exact: true }).click();
    await chooser.getByLabel(key, { exact: true }).click();
  }

  async pick(runName: string) {
    await this.table().getByLabel(`Compare ${runName}`).check();
  }

  async compare() {
    await this.page.getByRole('button', { name: /^Compare \d+$/ }).click();
    await this.page.getByRole('heading', { name: /^Compare \d+ runs$/, level: 1 }).waitFor();
  }

  async openRun(runName: string) {
    await this.table().getByRole('link', { name: runName, exact: true }).click();
    await this.page.getByRole('heading', { name: new RegExp(`^${runName}`), level: 1 }).waitFor();
  }

  async backToRuns() {
    await this.page.getByRole('link', { name: '← All runs' }).click();
    await this.page.getByRole('heading', { name: /^Runs of /, level: 1 }).waitFor();
  }

  stat(testId: 'run-cost' | 'run-gpu-hours' | 'run-energy' | 'run-co2'): Locator {
    return this.page.getByTestId(testId);
  }

  async statValue(testId: 'run-cost' | 'run-gpu-hours' | 'run-energy' | 'run-co2'): Promise<string> {
    return (await this.stat(testId).locator('.stat__value').textContent()) ?? '';
  }

  async costBasis(): Promise<string> {
    return ((await this.page.getByTestId('cost-basis').textContent()) ?? '').replace(/\s+/g, ' ').trim();
  }

  async setHardware(fields: { hardware: string; devices: string; hours?: string }) {
    const form = this.page.getByRole('form', { name: 'What did this run use?' });
    await form.getByLabel('Hardware', { exact: true }).selectOption({ value: fields.hardware });
    await form.getByLabel('Devices', { exact: true }).fill(fields.devices);
    if (fields.hours !== undefined) await form.getByLabel('Duration (hours)', { exact: true }).fill(fields.hours);
    await form.getByRole('button', { name: 'Save and recompute the cost' }).click();
  }

  chart(key: string): Locator {
    return this.page.getByRole('figure', { name: `${key} chart` });
  }
}
