/**
 * Every number a check compares against, with the anchor it comes from. Projects override any
 * subset (`runChecks(input, { thresholds: { duplicateRowsErrorShare: 0.1 } })`). Where a value is
 * Tally's own choice rather than a published default, the comment says so and why.
 *
 * Anchors (checked against their sources):
 * - ydata-profiling config_default.yaml: skewness_threshold 20, cat cardinality_threshold 50,
 *   correlations threshold 0.9, alerts MISSING / DUPLICATES / CONSTANT / UNIQUE on any occurrence.
 * - Deepchecks tabular checks: ClassImbalance ratio least/most 0.1; TrainTestSamplesMix max ratio
 *   0.05; MixedDataTypes rare-type danger zone (0.01, 0.1); FeatureLabelCorrelation PPS < 0.8;
 *   NewLabelTrainTest max_new 0 and DateTrainTestLeakageOverlap max_ratio 0 (none allowed);
 *   MixedNulls allows one kind of null per column (we flag any placeholder text, since a
 *   placeholder is a null a model cannot see as one).
 * - Evidently default drift algorithm: reference <= 1000 rows -> KS / chi-square at p < 0.05;
 *   larger -> Wasserstein normed by reference std / Jensen-Shannon distance, threshold 0.1;
 *   columns with <= 5 distinct values count as categorical; dataset drift when >= 50% of columns
 *   drift (docs.evidentlyai.com "Data drift algorithm", DataDriftPreset).
 * - PSI bands < 0.1 / 0.1-0.25 / > 0.25 (credit-risk practice, Siddiqi 2006).
 * - Cohen (1988) effect sizes: w or Cramér's V 0.1 small, 0.3 medium.
 */
export interface QualityThresholds {
  /** Any missing cell gives an info finding (ydata MISSING); from this share a warning... */
  missingWarningShare: number;
  /** ...from this share the advice turns to dropping the column; for the TARGET column it is an
   *  error (most rows cannot be learnt from). A sparse feature stays a warning: it is not a fault
   *  in itself, and many models handle it. */
  missingErrorShare: number;
  /** Placeholder tokens ("NA", "?") from this share of a column: warning (0 = any; see MixedNulls above). */
  disguisedMissingMinShare: number;
  /** Duplicate rows: any gives a warning (ydata DUPLICATES); from this share an error (Tally). */
  duplicateRowsErrorShare: number;
  /** Most frequent value's share from which a column is "almost constant" (Tally; sklearn's
   *  VarianceThreshold docs use 0.8 for booleans, we keep 0.95 to flag only near-useless ones). */
  almostConstantShare: number;
  /** Distinct / non-missing ratio from which a non-float column looks like a row identifier
   *  (ydata UNIQUE fires at 1.0; 0.99 tolerates a few repeats, as RIME's min_unique_prop). */
  uniqueIdentifierRatio: number;
  /** Minimum non-missing values before identifier/cardinality judgements are meaningful. */
  minValuesForColumnJudgement: number;
  /** Rarer kind of value (number vs text vs date...) from this share: warning (Deepchecks 0.01). */
  mixedTypesMinShare: number;
  /** Distinct categories above which a categorical column has high cardinality (ydata 50). */
  highCardinalityDistinct: number;
  /** |skewness| above which a numeric column is skewed (ydata skewness_threshold 20). */
  skewnessAbs: number;
  /** Tukey fence multiplier: beyond Q1 - k*IQR or Q3 + k*IQR is an outlier (Tukey's "far out" k=3). */
  outlierIqrMultiplier: number;
  /** Share of far-out values from which outliers are reported (info) ... */
  outlierMinShare: number;
  /** ... and from which they are a warning (Tally: more than 1% far-out values skews most fits). */
  outlierWarningShare: number;
  /** |Spearman| or Cramér's V at or above which two columns are highly correlated (ydata 0.9). */
  highCorrelation: number;
  /** Minimum paired non-missing rows in the sample before a correlation is judged. */
  minPairsForCorrelation: number;
  /** Share of a column's sampled values that must match a PII pattern before it is reported
   *  (Tally: 1% keeps stray look-alikes quiet while catching a column that holds PII). */
  piiMinShare: number;
  /** Least / most frequent class ratio below which the target is imbalanced (Deepchecks 0.1)... */
  classImbalanceRatio: number;
  /** ...and below which it is an error (Tally: 1:100 needs deliberate handling). */
  classImbalanceErrorRatio: number;
  /** Conflicting-label rows from this share: error (Deepchecks ConflictingLabels: any is flagged). */
  conflictingLabelsErrorShare: number;
  /** Single-feature AUC (max of AUC, 1-AUC) from which a feature is a very strong single predictor
   *  (info: make sure it is known before the outcome). Deepchecks flags predictive power score
   *  >= 0.8; AUC 0.95 is Gini 0.9, a comparable "almost alone". Genuine measurements reach it
   *  (breast_cancer "worst perimeter" 0.975). */
  targetLeakageAuc: number;
  /** ... and from which the feature is a near-copy of the target: leakage, an error. */
  targetLeakageErrorAuc: number;
  /** |Spearman| of a numeric feature with a numeric target from which it is a very strong predictor (info). */
  targetLeakageCorrelation: number;
  /** ... and from which it is a near-copy: an error. */
  targetLeakageErrorCorrelation: number;
  /** A discrete feature whose values each go with one class in at least this share of rows is a
   *  mapping of the target (a recoded or noisy copy: leakage, an error)... */
  targetLeakageMappingPurity: number;
  /** ... provided the mapping explains at least this share of what the majority class leaves
   *  unexplained ((purity - base) / (1 - base)), so an imbalanced target does not pass by itself. */
  targetLeakageMappingGain: number;
  /** Current rows also in the reference from this share: error (Deepchecks TrainTestSamplesMix 0.05). */
  trainTestOverlapErrorShare: number;
  /** Current rows whose entity id is also in the reference, from this share: error (Tally: same
   *  bar as row overlap, since a shared entity leaks as much as a shared row). */
  groupLeakageErrorShare: number;
  /** Current rows not after the reference's latest time, from this share: error (Tally). */
  dateLeakageErrorShare: number;
  /** Rows with unseen categories from this share: warning, below it info (Tally). */
  newCategoriesWarningShare: number;
  /** Rows with an unseen label from this share: error, below it warning (Deepchecks NewLabel: any). */
  newLabelsErrorShare: number;
  /** Evidently: reference rows up to this size use p-value tests, above it distances. */
  driftSmallSampleMax: number;
  /** Evidently: p-value below which KS / chi-square call drift (confidence 0.95). */
  driftPValue: number;
  /** Evidently: normed Wasserstein distance at or above which a numeric column drifted. */
  driftWassersteinNormed: number;
  /** Evidently: Jensen-Shannon distance (natural log) at or above which a categorical column drifted. */
  driftJensenShannon: number;
  /** Evidently: numeric columns with at most this many distinct values are tested as categorical. */
  driftCategoricalMaxDistinct: number;
  /** Effect size (KS D, Cramér's V) below which a significant p-value is called negligible, so a
   *  huge sample does not cry wolf (Cohen's "small" effect 0.1). */
  driftMinEffectSize: number;
  /** PSI band edges (stable < moderate <= major). */
  psiModerate: number;
  psiMajor: number;
  /** Evidently DataDriftPreset: dataset drift when at least this share of columns drifted. */
  datasetDriftShare: number;
  /** Representativeness: p-value of the chi-square goodness-of-fit test. */
  representativenessPValue: number;
  /** Representativeness: Cohen's w from which the mismatch matters (0.1 small effect)... */
  representativenessMinEffect: number;
  /** ... and a group is under/over-represented when observed/expected share leaves [0.8, 1.25]
   *  (the "four-fifths rule" of US EEOC adverse-impact analysis, and its reciprocal). */
  representationRatioLow: number;
  representationRatioHigh: number;
}

export const DEFAULT_THRESHOLDS: Readonly<QualityThresholds> = Object.freeze({
  missingWarningShare: 0.05,
  missingErrorShare: 0.5,
  disguisedMissingMinShare: 0,
  duplicateRowsErrorShare: 0.2,
  almostConstantShare: 0.95,
  uniqueIdentifierRatio: 0.99,
  minValuesForColumnJudgement: 20,
  mixedTypesMinShare: 0.01,
  highCardinalityDistinct: 50,
  skewnessAbs: 20,
  outlierIqrMultiplier: 3,
  outlierMinShare: 0.001,
  outlierWarningShare: 0.01,
  highCorrelation: 0.9,
  minPairsForCorrelation: 20,
  piiMinShare: 0.01,
  classImbalanceRatio: 0.1,
  classImbalanceErrorRatio: 0.01,
  conflictingLabelsErrorShare: 0.05,
  targetLeakageAuc: 0.95,
  targetLeakageErrorAuc: 0.99,
  targetLeakageCorrelation: 0.95,
  targetLeakageErrorCorrelation: 0.99,
  targetLeakageMappingPurity: 0.97,
  targetLeakageMappingGain: 0.9,
  trainTestOverlapErrorShare: 0.05,
  groupLeakageErrorShare: 0.05,
  dateLeakageErrorShare: 0.05,
  newCategoriesWarningShare: 0.01,
  newLabelsErrorShare: 0.01,
  driftSmallSampleMax: 1000,
  driftPValue: 0.05,
  driftWassersteinNormed: 0.1,
  driftJensenShannon: 0.1,
  driftCategoricalMaxDistinct: 5,
  driftMinEffectSize: 0.1,
  psiModerate: 0.1,
  psiMajor: 0.25,
  datasetDriftShare: 0.5,
  representativenessPValue: 0.05,
  representativenessMinEffect: 0.1,
  representationRatioLow: 0.8,
  representationRatioHigh: 1.25,
});

/** Defaults with a project's overrides on top (unknown keys are ignored by the type). */
export function resolveThresholds(overrides: Partial<QualityThresholds> = {}): QualityThresholds {
  return { ...DEFAULT_THRESHOLDS, ...overrides };
}
