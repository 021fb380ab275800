import type { Page } from 'playwright-core';
import { fieldErrorOf } from './field-error';

/** Page object for the Plan screens: tests speak in owner actions, not selectors. */
export class PlanScreen {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Plan' }).click();
    await this.page.getByRole('heading', { name: 'Plan', level: 1 }).waitFor();
  }

  async startCloudWizard() {
    await this.page.getByRole('link', { name: /Cloud or your own hardware\?/ }).click();
    await this.question('What will the AI do?');
  }

  /** The cloud wizard answered as the shop owner does: a chat on a small model, a few seconds, internal data; stops at the budget step. */
  async answerShopChatToBudget(requestsPerDay: string, months: string) {
    await this.startCloudWizard();
    await this.pick('Answer questions in a chat');
    await this.pick('A small, fast model');
    await this.next();
    await this.fill('Requests per day', requestsPerDay);
    await this.fill('For how many months', months);
    await this.next();
    await this.pick('Within a few seconds');
    await this.next();
    await this.pick('Internal');
    await this.next();
    await this.question('What can you spend?');
  }

  async startTrainingWizard() {
    await this.page.getByRole('link', { name: /What will training cost\?/ }).click();
    await this.question('What are you training?');
  }

  /** Waits for the step whose question is `title`. */
  async question(title: string) {
    await this.page.getByRole('heading', { name: title, level: 1 }).waitFor();
  }

  async pick(choice: string) {
    await this.page.getByRole('radio', { name: new RegExp(`^${escape(choice)}`) }).check();
  }

  async fill(label: string, value: string) {
    await this.page.getByLabel(label, { exact: true }).fill(value);
  }

  async select(label: string, value: string) {
    await this.page.getByLabel(label, { exact: true }).selectOption(value);
  }

  async next() {
    await this.page.getByRole('button', { name: 'Next' }).click();
  }

  async seeAnswer() {
    await this.page.getByRole('button', { name: 'See the answer' }).click();
    await this.page.getByText('· The answer').waitFor();
  }

  /** The validation message shown for a field (from the contract schema). */
  fieldError(label: string): Promise<string> {
    return fieldErrorOf(this.page, label);
  }

  async saveTo(project: string, name: string) {
    const box = this.page.getByRole('group', { name: 'Save this plan' });
    await box.getByLabel('Plan name').fill(name);
    await box.getByLabel('Project').selectOption({ label: project });
    await box.getByRole('button', { name: 'Save plan' }).click();
    await box.getByText(`Saved “${name}”`).waitFor();
  }

  savedPlans() {
    return this.page.getByRole('table', { name: 'Saved plans' });
  }
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
