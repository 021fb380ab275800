import { readFileSync, statSync } from 'node:fs';
import { AppError } from '../../../../shared/domain/errors';

/** Files larger than this are refused: a CSV or JSON of runs is read whole (mlruns folders stream). */
export const MAX_IMPORT_FILE_BYTES = 1024 * 1024 * 1024;

/** The whole text of a CSV or JSON file to import, or the error that says why it cannot be read. */
export function readImportFile(path: string): string {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new AppError('INVALID_INPUT', `${path} is a folder; give a CSV or JSON file (an mlruns folder is imported as kind "mlruns").`, { location: { file: path, field: 'path' } });
    size = st.size;
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('FILE_NOT_FOUND', `There is no file ${path}.`, { location: { file: path, field: 'path' } });
  }
  if (size > MAX_IMPORT_FILE_BYTES) throw new AppError('INVALID_INPUT', `${path} is ${Math.round(size / 1048576)} MiB; files of runs up to 1 GiB are read (import big histories from the mlruns folder).`, { location: { file: path } });
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new AppError('FORBIDDEN', `Tally cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? 'error'}).`, { location: { file: path } });
  }
}
