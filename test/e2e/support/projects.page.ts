import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { fieldErrorOf } from './field-error';

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

  fieldError(label: string): Promise<string> {
    return fieldErrorOf(this.page, label);
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
