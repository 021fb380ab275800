import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Result } from 'axe-core';
import type { Page } from 'playwright-core';

export type Theme = 'light' | 'dark';
type Impact = 'critical' | 'serious' | 'moderate' | 'minor';

/** Impacts the suite fails on: everything but "minor" (reported, not enforced). */
export const ENFORCED: readonly Impact[] = ['critical', 'serious', 'moderate'];

/** Where the results of an e2e run go, beside the screenshots. */
export const AXE_DIR = join(process.cwd(), 'test-results', 'axe');

export interface Violation {
  rule: string;
  impact: Impact;
  help: string;
  helpUrl: string;
  /** Each offending element: its CSS path, its markup (cut) and axe's reason. */
  nodes: Array<{ target: string; html: string; summary: string }>;
}

export interface PageResult {
  page: string;
  theme: Theme;
  violations: Violation[];
  /** Rules axe could not decide (e.g. text over a gradient): per rule, how many elements and the first few with axe's reason. */
  incomplete: Record<string, { elements: number; first: Violation['nodes'] }>;
  passes: number;
}

/**
 * A selector excluded from one rule, with the reason it is a false positive. Nothing is excluded
 * unless it is listed here.
 */
export interface Exclusion {
  rule: string;
  selector: string;
  why: string;
}

function toViolation(r: Result): Violation {
  return {
    rule: r.id,
    impact: (r.impact ?? 'minor') as Impact,
    help: r.help,
    helpUrl: r.helpUrl,
    nodes: r.nodes.map((n) => ({ target: n.target.map(String).join(' '), html: n.html.slice(0, 300), summary: n.failureSummary ?? [...n.any, ...n.all, ...n.none].map((c) => c.message).join('; ') })),
  };
}

function excluded(v: Violation, exclusions: readonly Exclusion[]): Violation | null {
  const nodes = v.nodes.filter((n) => !exclusions.some((e) => e.rule === v.rule && n.target === e.selector));
  return nodes.length > 0 ? { ...v, nodes } : null;
}

/** Runs axe-core (every rule of its default set: WCAG 2.x A and AA plus best practices) and keeps the results. */
export class AxeLog {
  readonly results: PageResult[] = [];

  constructor(private readonly exclusions: readonly Exclusion[] = []) {}

  /** Checks the page as it is now; returns its enforced violations (critical, serious, moderate). */
  async check(page: Page, name: string, theme: Theme): Promise<Violation[]> {
    const raw = await new AxeBuilder({ page }).analyze();
    const violations = raw.violations.map(toViolation).flatMap((v) => excluded(v, this.exclusions) ?? []);
    const incomplete: PageResult['incomplete'] = {};
    for (const r of raw.incomplete) incomplete[r.id] = { elements: r.nodes.length, first: toViolation(r).nodes.slice(0, 10) };
    this.results.push({ page: name, theme, violations, incomplete, passes: raw.passes.length });
    return violations.filter((v) => ENFORCED.includes(v.impact));
  }

  /** Elements in violation, per impact, over every page checked. */
  totals(): Record<Impact, number> {
    const t: Record<Impact, number> = { critical: 0, serious: 0, moderate: 0, minor: 0 };
    for (const r of this.results) for (const v of r.violations) t[v.impact] += v.nodes.length;
    return t;
  }

  /** Elements in violation per rule and impact, over every page checked. */
  byRule(): Array<{ rule: string; impact: Impact; elements: number; pages: number }> {
    const rows = new Map<string, { rule: string; impact: Impact; elements: number; pages: number }>();
    for (const r of this.results) {
      for (const v of r.violations) {
        const row = rows.get(v.rule) ?? { rule: v.rule, impact: v.impact, elements: 0, pages: 0 };
        row.elements += v.nodes.length;
        row.pages += 1;
        rows.set(v.rule, row);
      }
    }
    return [...rows.values()].sort((a, b) => ENFORCED.indexOf(a.impact) - ENFORCED.indexOf(b.impact) || b.elements - a.elements);
  }

  summary(): string {
    const t = this.totals();
    const light = this.results.filter((r) => r.theme === 'light').length;
    return `Accessibility (axe-core): ${this.results.length} page states checked (${light} light, ${this.results.length - light} dark); elements in violation: ${t.critical} critical, ${t.serious} serious, ${t.moderate} moderate, ${t.minor} minor.`;
  }

  /** Writes axe-results.json (everything) and axe-results.html (a table to read) into `dir`. */
  write(dir = AXE_DIR): { json: string; html: string } {
    mkdirSync(dir, { recursive: true });
    const json = join(dir, 'axe-results.json');
    const html = join(dir, 'axe-results.html');
    writeFileSync(json, `${JSON.stringify({ summary: this.summary(), totals: this.totals(), byRule: this.byRule(), exclusions: this.exclusions, pages: this.results }, null, 2)}\n`);
    writeFileSync(html, this.html());
    return { json, html };
  }

  private html(): string {
    const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    const rows = this.results
      .map((r) => {
        const cells = r.violations.length === 0 ? '<td>none</td>' : `<td><ul>${r.violations.map((v) => `<li><strong>${esc(v.rule)}</strong> (${v.impact}, ${v.nodes.length}): ${esc(v.help)}<br><code>${esc(v.nodes[0]!.target)}</code></li>`).join('')}</ul></td>`;
        return `<tr><th scope="row">${esc(r.page)}</th><td>${r.theme}</td>${cells}</tr>`;
      })
      .join('\n');
    return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Tally accessibility results</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#1a1d23}table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}code{font-size:.85em}</style></head>
<body><main><h1>Tally accessibility results</h1><p>${esc(this.summary())}</p>
<table><caption>Violations per page state</caption><thead><tr><th scope="col">Page</th><th scope="col">Theme</th><th scope="col">Violations</th></tr></thead><tbody>
${rows}
</tbody></table></main></body></html>
`;
  }
}

/** Fails with every enforced violation of a page, named by rule, element and reason. */
export function describeViolations(name: string, theme: Theme, violations: readonly Violation[]): string {
  return violations
    .map((v) => `${name} (${theme}): ${v.rule} [${v.impact}] ${v.help}\n${v.nodes.map((n) => `  ${n.target}\n    ${n.summary.replace(/\n/g, '\n    ')}`).join('\n')}`)
    .join('\n');
}
