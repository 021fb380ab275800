import { afterEach, describe, expect, it } from 'vitest';
import { countInWords, gb, tokensPerSecondShort } from '../../renderer/src/features/plan/parts/answer-format';
import { usd } from '../../renderer/src/features/plan/training/training-result';
import { waitText } from '../../shared/domain/plain-words';
import type { Page } from 'playwright-core';
import { startApp, type RunningApp } from './support/app';
import { AxeLog, describeViolations, type Theme } from './support/axe';
import { backendCall, PlanAnswersScreen } from './support/plan-answers.page';

/**
 * The three quick answers on the Plan page, in Chromium against the real backend: each page's
 * figures are the ones `estimate.*` returns for the same input (asked again outside the page),
 * and known answers hold (a model's memory from its size and shape; Chinchilla's own budget).
 */
const axe = new AxeLog();

/** axe-core on the page as it is: no critical, serious or moderate violation (support/axe.ts). */
async function accessible(page: Page, name: string, theme: Theme = 'light'): Promise<void> {
  expect(describeViolations(name, theme, await axe.check(page, name, theme))).toBe('');
}

describe('Plan quick answers: memory, serving speed and model size, end to end in Chromium', () => {
  let app: RunningApp | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
  });

  it('answers "Will this model fit?" with estimate.memory’s figures, says what 4-bit would need, and saves and reopens the plan', async () => {
    app = await startApp();
    const { page } = app;
    await backendCall(app, 'projects.create', { name: 'Chat assistant' });
    const plan = new PlanAnswersScreen(page);
    await plan.open();
    await app.screenshot('plan-home-quick-answers');
    await accessible(page, 'plan-home-quick-answers');
    await plan.startQuick(/Will this model fit/, 'Which model?');
    await plan.pick('Medium: 8 billion');
    await app.screenshot('plan-memory-1-model');
    await accessible(page, 'plan-memory-1-model');
    await plan.next();
    await plan.question('What will you do with it, and on what?');
    await plan.fill('Text kept in view (tokens)', 'lots');
    await page.getByRole('button', { name: 'See the answer' }).click();
    expect(await plan.fieldError('Text kept in view (tokens)')).toBe('Enter a number, like 4k or 4096');
    await plan.fill('Text kept in view (tokens)', '4096');
    await plan.select('Your device (optional)', 'rtx-3090');
    await app.screenshot('plan-memory-2-use');
    await accessible(page, 'plan-memory-2-use');
    const [fits] = await plan.answerWith('estimate.memory');
    // Llama 3.1 8B's shape, 16-bit, 4,096 tokens in view: what the page asked for.
    expect(fits?.input).toEqual({ params: 8.03e9, mode: 'inference', precision: 'fp16', context: 4096, layers: 32, kvHeads: 8, headDim: 128 });
    const mem = await backendCall(app, 'estimate.memory', fits!.input);
    expect(fits?.output).toEqual(mem);
    // Known answer: 2 bytes a weight, +20% working space, + K and V for 32 layers x 8 heads x 128 x 4,096 tokens at 2 bytes.
    expect(mem.totalGb).toBeCloseTo((8.03e9 * 2 * 1.2 + 2 * 32 * 8 * 128 * 4096 * 2) / 1e9, 9);
    expect(await plan.headline()).toBe('Yes, it fits on the NVIDIA GeForce RTX 3090');
    expect(await plan.figure('Memory estimate', 'Memory needed')).toBe(gb(mem.totalGb));
    expect(await plan.figure('Memory estimate', 'Catalog devices that hold it')).toBe(String(mem.fits.length));
    await page.getByText(`The NVIDIA GeForce RTX 3090 has 24 GB; this needs about ${gb(mem.totalGb)}, so about ${gb(24 - mem.totalGb)} is left over.`).waitFor();
    const cards = page.getByRole('table', { name: 'Graphics cards you can buy' });
    expect(await cards.getByRole('row', { name: /NVIDIA GeForce RTX 3090/ }).textContent()).toContain('one is enough');
    await page.getByText('Details', { exact: true }).click();
    await page.getByRole('table', { name: 'Memory in detail' }).getByText('KV cache').waitFor();
    await app.screenshot('plan-memory-result');
    await accessible(page, 'plan-memory-result');

    // A 16 GB board that cannot share the model: no, and what 4-bit would need (a second estimate).
    await plan.changeAnswers();
    await plan.select('Your device (optional)', 'jetson-orin-nx-16gb');
    // The same model and text: the first estimate comes from the cache; only the 4-bit one is asked.
    const [compressed] = await plan.answerWith('estimate.memory');
    expect(compressed?.input).toEqual({ ...fits!.input, precision: 'int4' });
    const int4 = await backendCall(app, 'estimate.memory', { ...fits!.input, precision: 'int4' });
    expect(await plan.headline()).toBe('No, it does not fit on the NVIDIA Jetson Orin NX 16GB');
    await page.getByText(`Compressed to 4-bit it would need about ${gb(int4.totalGb)}, which fits the NVIDIA Jetson Orin NX 16GB.`).waitFor();
    await app.screenshot('plan-memory-result-does-not-fit');
    await accessible(page, 'plan-memory-result-does-not-fit');

    await plan.saveTo('Chat assistant', 'Llama 8B on the Jetson');
    await plan.open();
    const saved = plan.savedPlans();
    const row = saved.getByRole('row', { name: /Llama 8B on the Jetson/ });
    await row.getByText('Memory', { exact: true }).waitFor();
    // No dashes: a memory plan has no cost and says so, and names the device it was asked about.
    expect(await row.getByRole('cell').nth(2).textContent()).toBe('No cost: a memory estimate');
    expect(await row.getByRole('cell').nth(3).textContent()).toBe(`NVIDIA Jetson Orin NX 16GB: too small (needs ${Number(mem.totalGb.toPrecision(3))} GB)`);
    await app.screenshot('plan-memory-saved-row');
    await accessible(page, 'plan-memory-saved-row');
    await row.getByRole('button', { name: 'Edit' }).click();
    await page.getByText('Editing “Llama 8B on the Jetson”').waitFor();
    await plan.next();
    expect(await page.getByLabel('Text kept in view (tokens)', { exact: true }).inputValue()).toBe('4096');
    // The plan reopens on the device it was saved with.
    expect(await page.getByLabel('Your device (optional)', { exact: true }).inputValue()).toBe('jetson-orin-nx-16gb');
    expect(app.problems).toEqual([]);
  });

  it('answers "How fast, and how much per request?" with estimate.inference’s figures and the price’s date', async () => {
    app = await startApp();
    const { page } = app;
    const plan = new PlanAnswersScreen(page);
    await plan.open();
    await plan.startQuick(/How fast, and how much/, 'Which model?');
    await plan.pick('Medium: 8 billion');
    await plan.pick('Compressed to 4-bit');
    await app.screenshot('plan-inference-1-model');
    await accessible(page, 'plan-inference-1-model');
    await plan.next();
    await plan.question('On which device?');
    await plan.select('Hardware', 'l4');
    await plan.fill('Price per hour in USD (optional)', 'cheap');
    await plan.next();
    expect(await plan.fieldError('Price per hour in USD (optional)')).toBe('Price per hour must be an amount like 2.50, $2.50 or 2.50 USD per hour (got "cheap")');
    await plan.fill('Price per hour in USD (optional)', '');
    await app.screenshot('plan-inference-2-device');
    await accessible(page, 'plan-inference-2-device');
    await plan.next();
    await plan.question('How big is one request?');
    await plan.fill('Question length (tokens)', '1000');
    await plan.fill('Answer length (tokens)', '300');
    await plan.fill('Requests answered together', '2.5');
    await page.getByRole('button', { name: 'See the answer' }).click();
    expect(await plan.fieldError('Requests answered together')).toBe('Requests answered together must be a whole number');
    await plan.fill('Requests answered together', '4');
    await app.screenshot('plan-inference-3-request');
    await accessible(page, 'plan-inference-3-request');
    const [asked] = await plan.answerWith('estimate.inference');
    expect(asked?.input).toEqual({ params: 8.03e9, hardware: 'l4', precision: 'int4', serving: 'optimized', promptTokens: 1000, outputTokens: 300, batch: 4, layers: 32, kvHeads: 8, headDim: 128 });
    // The same input outside the page: the same figures (the estimate's Monte Carlo is seeded).
    const r = await backendCall(app, 'estimate.inference', asked!.input);
    expect(asked?.output).toEqual(r);
    // Known bound: each word streams every weight (4.5 bits each as Q4_0) from the L4's 300 GB/s at most.
    expect(r.decodeTokensPerSPerSequence).toBeLessThan(300e9 / ((8.03e9 * 4.5) / 8));
    expect(await plan.headline()).toBe(`About ${waitText(r.latencyMs.total)} per answer on the NVIDIA L4`);
    expect(await plan.figure('Serving estimate', 'Whole answer')).toBe(waitText(r.latencyMs.total));
    expect(await plan.figure('Serving estimate', 'First words after')).toBe(waitText(r.latencyMs.firstToken));
    expect(await plan.figure('Serving estimate', 'Writing speed')).toBe(tokensPerSecondShort(r.decodeTokensPerSPerSequence));
    expect(r.costPer1kRequestsUsd).not.toBeNull();
    expect(await plan.figure('Serving estimate', 'Cost per 1,000 requests')).toBe(usd(r.costPer1kRequestsUsd!));
    const cost = await plan.figureText('Serving estimate', 'Cost per 1,000 requests');
    const asOf = r.assumptions.pricePerHourUsd?.asOf;
    expect(asOf).toMatch(/^\d{4}-\d\d(-\d\d)?$/);
    expect(cost).toContain(`Priced at catalog prices from ${asOf}`);
    expect(cost).toContain(`likely ${usd(r.range.p10.costPer1kRequestsUsd!)} to ${usd(r.range.p90.costPer1kRequestsUsd!)}`);
    // Plain words in the main text; the engineer's words only behind "Details".
    const main = (await page.locator('.plan-answer').textContent()) ?? '';
    for (const jargon of [' ms', 'MBU', 'MFU', 'TDP', 'memory-bound', 'prefill']) expect(main.replace(/Details[\s\S]*$/, '')).not.toContain(jargon);
    await page.getByText('Details', { exact: true }).click();
    await page.getByRole('table', { name: 'Serving in detail' }).getByText('prefill (reading the question)').waitFor();
    await app.screenshot('plan-inference-result');
    await accessible(page, 'plan-inference-result');

    // A laptop cannot hold the largest model and cannot share it: said as a refusal, in the questions' words.
    await plan.changeAnswers();
    await plan.back();
    await plan.back();
    await plan.pick('Huge: 405 billion');
    await plan.next();
    await plan.select('Hardware', 'apple-m2');
    await plan.next();
    await page.getByRole('button', { name: 'See the answer' }).click();
    await page.getByRole('heading', { name: 'These answers cannot be estimated', level: 1 }).waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/^Hardware: Apple M2 \(10-core GPU\) cannot hold this model \(\d+(\.\d+)? GB needed, 24 GB on the device\)/);
    await app.screenshot('plan-inference-refused');
    await accessible(page, 'plan-inference-refused');
    await page.getByRole('button', { name: 'Back to the questions' }).click();
    await plan.question('How big is one request?');
    expect(app.problems).toEqual([]);
  });

  it('answers "What size model fits my compute budget?" from dollars on GPUs and from Chinchilla’s own budget', async () => {
    app = await startApp();
    const { page } = app;
    const plan = new PlanAnswersScreen(page);
    await plan.open();
    await plan.startQuick(/What size model fits/, 'What can you spend?');
    await plan.fill('Budget in US dollars', 'lots');
    await plan.next();
    expect(await plan.fieldError('Budget in US dollars')).toBe('Enter a number, like $100k or 100000');
    await plan.fill('Budget in US dollars', '$100k');
    await app.screenshot('plan-optimal-1-budget');
    await accessible(page, 'plan-optimal-1-budget');
    await plan.next();
    await plan.question('On which GPUs, and by which rule?');
    await plan.select('GPU', 'h100-sxm');
    await plan.fill('Number of GPUs', '8');
    await app.screenshot('plan-optimal-2-hardware');
    await accessible(page, 'plan-optimal-2-hardware');
    const [asked] = await plan.answerWith('estimate.optimal');
    expect(asked?.input).toEqual({ budgetUsd: 100_000, hardware: 'h100-sxm', gpus: 8, fit: 'hoffmann-approach-1' });
    const r = await backendCall(app, 'estimate.optimal', asked!.input);
    expect(asked?.output).toEqual(r);
    expect(await plan.headline()).toBe(`A model of about ${countInWords(r.params)} parameters, trained on about ${countInWords(r.tokens)} tokens`);
    expect(await plan.figure('Model size estimate', 'Model size')).toBe(`${countInWords(r.params)} parameters`);
    expect(await plan.figure('Model size estimate', 'Training data')).toBe(`${countInWords(r.tokens)} tokens`);
    expect(await plan.figureText('Model size estimate', 'GPU time')).toContain(`at catalog prices from ${r.assumptions.pricePerGpuHourUsd?.asOf}`);
    await page.getByText(`The rule comes from ${r.source}.`).waitFor();
    await app.screenshot('plan-optimal-result');
    await accessible(page, 'plan-optimal-result');

    // Chinchilla's own compute, 5.76e23 FLOPs: about 67B parameters and 1.4T tokens (Hoffmann et al. 2022, Table 3).
    await plan.changeAnswers();
    await plan.back();
    await plan.pick('An amount of computing');
    await plan.fill('Computing (operations)', '5.76e23');
    await plan.next();
    const [chinchilla] = await plan.answerWith('estimate.optimal');
    expect(chinchilla?.input).toEqual({ flops: 5.76e23, fit: 'hoffmann-approach-1' });
    expect(chinchilla?.output.params).toBeGreaterThan(66e9);
    expect(chinchilla?.output.params).toBeLessThan(69e9);
    expect(await plan.headline()).toBe('A model of about 68 billion parameters, trained on about 1.4 trillion tokens');
    expect(await plan.figure('Model size estimate', 'Computing')).toBe('5.8 × 10²³ operations');
    await app.screenshot('plan-optimal-result-flops');
    await accessible(page, 'plan-optimal-result-flops');
    expect(app.problems).toEqual([]);
  });

  it('reads in the dark theme: each question and its answer', async () => {
    app = await startApp({ colorScheme: 'dark' });
    const { page } = app;
    const plan = new PlanAnswersScreen(page);
    await plan.open();
    await app.screenshot('plan-home-quick-answers-dark');
    await accessible(page, 'plan-home-quick-answers', 'dark');
    await plan.startQuick(/Will this model fit/, 'Which model?');
    await plan.pick('Large: 70 billion');
    await plan.next();
    await plan.pick('Fine-tune it on a budget');
    await plan.fill('Text kept in view (tokens)', '2048');
    await plan.select('Your device (optional)', 'rtx-4090');
    await app.screenshot('plan-memory-2-use-dark');
    await accessible(page, 'plan-memory-2-use', 'dark');
    // QLoRA on a 70B model: a 4-bit copy of the model plus a trained add-on, activations recomputed.
    const [qlora] = await plan.answerWith('estimate.memory');
    expect(qlora?.input).toEqual({ params: 70.6e9, mode: 'training', precision: 'bf16', zero: 3, layers: 80, hidden: 8192, heads: 64, seq: 2048, microBatch: 1, attention: 'flash', recompute: 'full', lora: { rank: 16, qlora: true } });
    const mem = await backendCall(app, 'estimate.memory', qlora!.input);
    expect(qlora?.output).toEqual(mem);
    expect(await plan.figure('Memory estimate', 'Memory needed')).toBe(gb(mem.totalGb));
    expect(await plan.headline()).toMatch(/on the NVIDIA GeForce RTX 4090|on one NVIDIA GeForce RTX 4090/);
    await app.screenshot('plan-memory-result-dark');
    await accessible(page, 'plan-memory-result', 'dark');
    await plan.open();
    await plan.startQuick(/How fast, and how much/, 'Which model?');
    await plan.next();
    await plan.next();
    await app.screenshot('plan-inference-3-request-dark');
    await accessible(page, 'plan-inference-3-request', 'dark');
    await plan.answerWith('estimate.inference');
    await app.screenshot('plan-inference-result-dark');
    await accessible(page, 'plan-inference-result', 'dark');
    await plan.open();
    await plan.startQuick(/What size model fits/, 'What can you spend?');
    await plan.next();
    await app.screenshot('plan-optimal-2-hardware-dark');
    await accessible(page, 'plan-optimal-2-hardware', 'dark');
    await plan.answerWith('estimate.optimal');
    await app.screenshot('plan-optimal-result-dark');
    await accessible(page, 'plan-optimal-result', 'dark');
    expect(app.problems).toEqual([]);
  });
});
