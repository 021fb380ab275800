/**
 * `tally eval --json`: the documented shape first ({ task, n, metrics, baseline,
 * confusionMatrix, perClass, slices, threshold?, labelIssues?, membershipInference?, gates? }),
 * then what says how to read it (intervals, reasons for n/a metrics, notes, the positive label,
 * curves, residuals and how the file was read). Optional parts are left out when they do not apply.
 */
import type { EvaluationResult } from '../../../../shared/contract/evaluation-result';

export function evalJson(file: string, r: EvaluationResult): Record<string, unknown> {
  return {
    task: r.task,
    n: r.n,
    metrics: r.metrics,
    baseline: r.baseline,
    confusionMatrix: r.confusionMatrix,
    perClass: r.perClass,
    slices: r.slices,
    ...(r.threshold ? { threshold: r.threshold } : {}),
    ...(r.labelIssues ? { labelIssues: r.labelIssues } : {}),
    ...(r.membershipInference ? { membershipInference: r.membershipInference } : {}),
    ...(r.gates.length > 0 ? { gates: r.gates } : {}),
    file,
    ci: r.ci,
    reasons: r.reasons,
    warnings: r.warnings,
    taskReason: r.taskReason,
    weightTotal: r.weightTotal,
    classes: r.classes,
    positiveLabel: r.positiveLabel,
    positiveLabelReason: r.positiveLabelReason,
    decisionThreshold: r.decisionThreshold,
    curves: r.curves,
    residuals: r.residuals,
    input: r.input,
  };
}
