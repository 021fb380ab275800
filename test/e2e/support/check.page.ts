import type { Page } from 'playwright-core';
import type { RunningApp } from './app';

/** Page object for the Data page, the file picker, the data-quality wizard and its report. */
export class CheckScreen {
  constructor(private readonly page: Page) {}

  async createProject(name: string) {
    await this.page.getByRole('button', { name: 'New project' }).click();
    await this.page.getByLabel('Name', { exact: true }).fill(name);
    await this.page.getByRole('button', { name: 'Create project' }).click();
    await this.page.getByRole('heading', { name: new RegExp(name), level: 1 }).waitFor();
  }

  async openData() {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Data' }).click();
    await this.page.getByRole('heading', { name: 'Data', level: 1 }).waitFor();
    await this.page.getByRole('button', { name: 'Add a file' }).waitFor();
  }

  /** Opens the picker and lists `dir` through the path box. */
  async openPickerAt(dir: string) {
    await this.page.getByRole('button', { name: /Add a file|Add another file/ }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Add a data file' });
    await dialog.waitFor();
    await dialog.getByLabel('Folder or file path').fill(dir);
    await dialog.getByRole('button', { name: 'Go' }).click();
    await dialog.getByRole('listbox', { name: `Contents of ${dir}` }).waitFor();
    return dialog;
  }

  /** Chooses a file in the open picker with the keyboard only (arrow keys, then Enter). */
  async chooseWithKeyboard(fileName: string) {
    const list = this.page.getByRole('listbox');
    await list.focus();
    for (let i = 0; i < 50; i++) {
      const active = await this.page.locator('.picker__entry--active .picker__name').textContent();
      if (active === fileName) break;
      await this.page.keyboard.press('ArrowDown');
    }
    await this.page.keyboard.press('Enter');
    await this.page.locator('.picker__choice code', { hasText: fileName }).waitFor();
  }

  async addChosen(roleLabel: string) {
    const dialog = this.page.getByRole('dialog', { name: 'Add a data file' });
    await dialog.getByLabel('What is this file?').selectOption({ label: roleLabel });
    await dialog.getByRole('button', { name: 'Add file' }).click();
  }

  async datasetNames(): Promise<string[]> {
    return this.page.locator('.dataset-row__name').allTextContents();
  }

  async next() {
    await this.page.getByRole('button', { name: 'Next' }).click();
  }

  async currentStep(): Promise<string> {
    return (await this.page.locator('.wizard-steps__item--current').textContent()) ?? '';
  }

  async waitForStep(title: string) {
    await this.page.locator('.wizard-steps__item--current', { hasText: title }).waitFor();
  }

  async findingIds(): Promise<string[]> {
    return this.page.locator('.finding').evaluateAll((els) => els.map((e) => e.getAttribute('data-check-id') ?? ''));
  }
}

/** Calls the backend as a script would (bearer token over loopback HTTP), for assertions. */
export async function rpc<T>(app: RunningApp, name: string, input: unknown): Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }> {
  const res = await fetch(`${app.host.url}/rpc/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${app.host.token}` },
    body: JSON.stringify(input),
  });
  return (await res.json()) as never;
}
