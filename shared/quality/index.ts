/** Public API of the data-quality checks. */
export type * from './check-input';
export type { CheckContext, CheckDefinition, CheckNeeds, CheckOptions, PopulationShares } from './check-context';
export { CHECK_IDS, POPULATION_CHECK_IDS, REFERENCE_CHECK_IDS, SINGLE_DATASET_CHECK_IDS, TARGET_CHECK_IDS } from './finding';
export type { CheckId, DetailValue, Finding, FindingDetails, Severity, Verdict } from './finding';
export { DEFAULT_THRESHOLDS, resolveThresholds, type QualityThresholds } from './thresholds';
export { THRESHOLD_ANCHORS } from './threshold-anchors';
export { DISGUISED_MISSING_TOKENS, disguisedMissingToken } from './missing-tokens';
export { CHECKS } from './checks';
export { runChecks, type CheckReport } from './run-checks';
export { validateCheckInput } from './validate-check-input';
export { rankFindings, reachesFailOn, summarise, verdictOf, SUMMARY_PRIORITY, type FailOn } from './verdict';
export { computeDrift, type DriftReport } from './drift/dataset-drift';
export type { ColumnDrift, DriftMethod } from './drift/column-drift';
export { PII_KINDS, PII_LABELS, detectPii, redact, type PiiKind } from './pii/detectors';
export { luhnValid, ibanValid, usSsnValid } from './pii/checksums';
