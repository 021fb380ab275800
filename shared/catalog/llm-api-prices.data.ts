import type { Confidence, LlmApiPriceRow } from './catalog-types';

/**
 * Hosted LLM API list prices, USD per 1M tokens (estimator-reference.md §5.2). `asOf` is the
 * start of the list price (month approximate where the reference gives only a year); the source
 * says where it was read. Batch APIs are about 50% cheaper; long-context tiers about 2x input.
 */
function api(id: string, provider: string, model: string, input: number, output: number, cached: number | null, asOf: string, source: string, confidence: Confidence = 'secondary', notes?: string): LlmApiPriceRow {
  const out: LlmApiPriceRow = { id, provider, model, inputUsdPerMTok: input, outputUsdPerMTok: output, cachedInputUsdPerMTok: cached, asOf, source, confidence };
  if (notes) out.notes = notes;
  return out;
}

const OPENAI = 'openai.com/api/pricing via stored copies';
const ANTHROPIC = 'platform.claude.com pricing page snapshot';
const COPILOT = 'github/docs data/tables/copilot/models-and-pricing.yml (late-2026 copy)';

export const DEFAULT_LLM_API_PRICES: readonly LlmApiPriceRow[] = [
  api('gpt-4o', 'OpenAI', 'GPT-4o (2024-08-06)', 2.5, 10, 1.25, '2024-08', OPENAI),
  api('gpt-4o-mini', 'OpenAI', 'GPT-4o mini (2024-07-18)', 0.15, 0.6, 0.075, '2024-07', `${OPENAI}; OpenRouter listing`),
  api('gpt-4.1', 'OpenAI', 'GPT-4.1', 2.0, 8.0, 0.5, '2026-05-07', 'Sraleik/undetermini PRICING.md (verified 2026-05-07)'),
  api('gpt-4.1-mini', 'OpenAI', 'GPT-4.1 mini', 0.4, 1.6, null, '2026-05-07', 'Sraleik/undetermini PRICING.md (verified 2026-05-07)'),
  api('gpt-4.1-nano', 'OpenAI', 'GPT-4.1 nano', 0.1, 0.4, null, '2026-05-07', 'Sraleik/undetermini PRICING.md (verified 2026-05-07)'),
  api('gpt-5', 'OpenAI', 'GPT-5', 1.25, 10, 0.125, '2025-08', 'openai-cost crate (2026-Q2); GitHub docs'),
  api('gpt-5-mini', 'OpenAI', 'GPT-5 mini', 0.25, 2.0, 0.025, '2025-08', 'openai-cost crate (2026-Q2); GitHub docs'),
  api('o3', 'OpenAI', 'o3 (launch price)', 10, 40, 2.5, '2025-04-16', 'Roo-Code PR #2691', 'secondary', 'Later cut to 2/8 [memory, not re-checked].'),
  api('o4-mini', 'OpenAI', 'o4-mini', 1.1, 4.4, 0.275, '2025-04-16', 'Roo-Code PR #2691'),
  api('claude-3-haiku', 'Anthropic', 'Claude 3 Haiku', 0.25, 1.25, 0.03, '2024-03', ANTHROPIC),
  api('claude-3.5-haiku', 'Anthropic', 'Claude 3.5 Haiku', 0.8, 4.0, 0.08, '2024-11', ANTHROPIC),
  api('claude-sonnet-4', 'Anthropic', 'Claude Sonnet 4 / 4.5 / 4.6', 3.0, 15.0, 0.3, '2025-05', ANTHROPIC),
  api('claude-opus-4', 'Anthropic', 'Claude Opus 4 / 4.1', 15.0, 75.0, 1.5, '2025-05', ANTHROPIC),
  api('claude-opus-4.5', 'Anthropic', 'Claude Opus 4.5 / 4.6', 5.0, 25.0, 0.5, '2025-11', ANTHROPIC),
  api('claude-haiku-4.5', 'Anthropic', 'Claude Haiku 4.5', 1.0, 5.0, 0.1, '2025-10', ANTHROPIC),
  api('gemini-1.5-flash', 'Google', 'Gemini 1.5 Flash (<=128k)', 0.075, 0.3, null, '2024-08-12', 'kunishou/GenerativeAI-Cost'),
  api('gemini-2.5-pro', 'Google', 'Gemini 2.5 Pro (<=200k)', 1.25, 10, null, '2025-06', 'LiteLLM-style tables (gemini/gemini-2.5-pro)', 'secondary', 'Month approximate.'),
  api('llama-3-70b-groq', 'Groq', 'Llama 3 70B', 0.59, 0.79, null, '2024-06', 'Groq price list via secondary copies', 'secondary', 'Month approximate.'),
  api('mixtral-8x7b-groq', 'Groq', 'Mixtral 8x7B', 0.27, 0.27, null, '2024-06', 'Groq price list via secondary copies', 'secondary', 'Month approximate.'),
  api('gpt-5.4', 'OpenAI', 'GPT-5.4 (<=272K context)', 2.5, 15, null, '2026-03', `${COPILOT}; adk-model crate "OpenAI pricing (March 2026)"`),
  api('gpt-5.4-mini', 'OpenAI', 'GPT-5.4 mini', 0.75, 4.5, null, '2026-03', `${COPILOT}; adk-model crate`),
  api('gpt-5.4-nano', 'OpenAI', 'GPT-5.4 nano', 0.2, 1.25, null, '2026-03', COPILOT),
  api('claude-sonnet-5', 'Anthropic', 'Claude Sonnet 5', 2.0, 10, null, '2026-09', COPILOT, 'uncertain', 'Model post-dates the reference author\'s knowledge; single secondary source; month approximate.'),
  api('gemini-3.1-pro', 'Google', 'Gemini 3.1 Pro (<=200K)', 2.0, 12, null, '2026-09', COPILOT, 'uncertain', 'Single secondary source; month approximate.'),
];
