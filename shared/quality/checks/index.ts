/** The registry: every check definition, in the report order of CHECK_IDS. */
import type { CheckDefinition } from '../check-context';
import { classImbalanceCheck, conflictingLabelsCheck } from './class-balance';
import { almostConstantCheck, constantColumnCheck } from './constant';
import { highCorrelationCheck } from './correlation';
import { outliersCheck, skewedCheck } from './distribution';
import { driftCheck } from './drift';
import { duplicateRowsCheck } from './duplicates';
import { highCardinalityCheck, uniqueIdentifierCheck } from './identifier';
import { disguisedMissingCheck, missingValuesCheck } from './missing';
import { mixedTypesCheck } from './mixed-types';
import { newCategoriesCheck, newLabelsCheck } from './new-categories';
import { piiCheck } from './pii';
import { representativenessCheck } from './representativeness';
import { dateLeakageCheck, groupLeakageCheck, trainTestOverlapCheck } from './split-leakage';
import { stringVariantsCheck } from './string-variants';
import { targetLeakageCheck } from './target-leakage';

export const CHECKS: readonly CheckDefinition[] = [
  missingValuesCheck,
  disguisedMissingCheck,
  duplicateRowsCheck,
  constantColumnCheck,
  almostConstantCheck,
  uniqueIdentifierCheck,
  mixedTypesCheck,
  stringVariantsCheck,
  highCardinalityCheck,
  skewedCheck,
  outliersCheck,
  highCorrelationCheck,
  piiCheck,
  classImbalanceCheck,
  conflictingLabelsCheck,
  targetLeakageCheck,
  trainTestOverlapCheck,
  groupLeakageCheck,
  dateLeakageCheck,
  newCategoriesCheck,
  newLabelsCheck,
  driftCheck,
  representativenessCheck,
];
