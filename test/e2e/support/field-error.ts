import type { Page } from 'playwright-core';

/** The validation message shown under a labelled field (the Field component's `-error` element). */
export async function fieldErrorOf(page: Page, label: string): Promise<string> {
  const input = page.getByLabel(label, { exact: true });
  const describedBy = (await input.getAttribute('aria-describedby')) ?? '';
  const errorId = describedBy.split(' ').find((id) => id.endsWith('-error'));
  if (!errorId) return '';
  return (await page.locator(`[id="${errorId}"]`).textContent()) ?? '';
}
