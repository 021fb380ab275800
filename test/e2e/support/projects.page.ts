import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/** Page object for the projects screens: tests speak in user actions, not selectors. */
export class ProjectsScreen {
  constructor(private readonly page: Page) {}

  async openList() {
    await this.page.getByRole('link', { name: 'Projects' }).first().click();
    await this.page.getByRole('heading', { name: 'Projects', level: 1 }).waitFor();
  }

  async startNew() {
    await this.page.getByRole('button', { name: 'New project' }).click();
  }

  async fill(fields: Partial<Record<'Name' | 'Total budget' | 'Monthly cap (optional)' | 'Currency' | 'Notes', string>>) {
    for (const [label, value] of Object.entries(fields)) {
      await this.page.getByLabel(label, { exact: true }).fill(value);
    }
  }

  async submit(label: 'Create project' | 'Save changes') {
    await this.page.getByRole('button', { name: label }).click();
  }

  async fieldError(label: string): Promise<string> {
    const input = this.page.getByLabel(label, { exact: true });
    const describedBy = (await input.getAttribute('aria-describedby')) ?? '';
    const errorId = describedBy.split(' ').find((id) => id.endsWith('-error'));
    if (!errorId) return '';
    return (await this.page.locator(`[id="${errorId}"]`).textContent()) ?? '';
  }

  async openProject(name: string) {
    await this.page.getByRole('link', { name: new RegExp(name) }).click();
    await this.page.getByRole('heading', { name: new RegExp(name), level: 1 }).waitFor();
  }

  async projectNames(): Promise<string[]> {
    await this.page.getByRole('list', { name: 'Project list' }).waitFor({ state: 'attached' });
    return this.page.locator('.project-row__name').allTextContents();
  }

  async expectTitle(name: string) {
    await this.page.getByRole('heading', { name: new RegExp(name), level: 1 }).waitFor();
    expect(await this.page.getByRole('heading', { level: 1 }).textContent()).toContain(name);
  }
}
