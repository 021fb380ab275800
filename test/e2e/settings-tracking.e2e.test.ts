import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './support/app';

describe('Settings › Tracking, end to end in Chromium', () => {
  let app: RunningApp | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
  });

  it('switches the MLflow-compatible API on, shows the two lines to paste (which work), and off again', async () => {
    app = await startApp();
    const { page } = app;
    await page.getByRole('link', { name: 'Settings' }).click();
    const card = page.getByRole('region', { name: 'Tracking' });
    const state = card.getByTestId('tracking-state');
    await state.filter({ hasText: 'off' }).waitFor();
    await card.getByRole('switch').click();
    await state.filter({ hasText: /^on, at http:\/\/127\.0\.0\.1:\d+$/ }).waitFor();
    const uri = await card.getByLabel('MLFLOW_TRACKING_URI').inputValue();
    const token = await card.getByLabel('MLFLOW_TRACKING_TOKEN').inputValue();
    expect(uri).toMatch(/^MLFLOW_TRACKING_URI=http:\/\/127\.0\.0\.1:\d+$/);
    expect(token).toMatch(/^MLFLOW_TRACKING_TOKEN=\S{16,}$/);
    await app.screenshot('settings-tracking');

    // The pasted lines are what an MLflow client uses: the API answers with that address and token.
    const base = uri.slice('MLFLOW_TRACKING_URI='.length);
    const res = await fetch(`${base}/api/2.0/mlflow/experiments/search?max_results=10`, { headers: { Authorization: `Bearer ${token.slice('MLFLOW_TRACKING_TOKEN='.length)}` } });
    expect(res.status).toBe(200);
    expect(await res.json()).toHaveProperty('experiments');
    const refused = await fetch(`${base}/api/2.0/mlflow/experiments/search?max_results=10`);
    expect(refused.status).toBe(401);

    await card.getByRole('switch').click();
    await state.filter({ hasText: 'off' }).waitFor();
    expect(await card.getByLabel('MLFLOW_TRACKING_URI').count()).toBe(0);
    expect(app.problems).toEqual([]);
  });
});
