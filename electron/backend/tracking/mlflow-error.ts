/**
 * MLflow's error codes (databricks_pb2.ErrorCode names) with the HTTP status MLflow's server
 * answers for each; clients branch on `error_code` (a 404 RESOURCE_DOES_NOT_EXIST on
 * get-by-name is how `mlflow.set_experiment` learns to create the experiment).
 */
export const MLFLOW_ERROR_STATUS = {
  INVALID_PARAMETER_VALUE: 400,
  BAD_REQUEST: 400,
  RESOURCE_ALREADY_EXISTS: 400,
  UNAUTHENTICATED: 401,
  PERMISSION_DENIED: 403,
  RESOURCE_DOES_NOT_EXIST: 404,
  ENDPOINT_NOT_FOUND: 404,
  INVALID_STATE: 500,
  INTERNAL_ERROR: 500,
} as const;

export type MlflowErrorCode = keyof typeof MLFLOW_ERROR_STATUS;

/** The error body MLflow sends: `{ "error_code": "...", "message": "..." }`. */
export interface MlflowErrorBody {
  error_code: MlflowErrorCode;
  message: string;
}

/** An error the tracking API answers with MLflow's code, status and message. */
export class MlflowError extends Error {
  readonly errorCode: MlflowErrorCode;

  constructor(errorCode: MlflowErrorCode, message: string) {
    super(message);
    this.name = 'MlflowError';
    this.errorCode = errorCode;
  }

  get status(): number {
    return MLFLOW_ERROR_STATUS[this.errorCode];
  }

  toBody(): MlflowErrorBody {
    return { error_code: this.errorCode, message: this.message };
  }
}

export function invalidParameter(message: string): MlflowError {
  return new MlflowError('INVALID_PARAMETER_VALUE', message);
}
