/**
 * Saves an HTML report into a folder on this machine and says where it went. A browser download
 * lands wherever the browser puts it and never tells the page, so the app writes the file itself:
 * never over an existing file (a free name is chosen: "report (2).html"), whole or not at all.
 */
import { existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { extname, isAbsolute, join, resolve } from 'node:path';
import type { SavedReport } from '../../../shared/contract/checks';
import { AppError } from '../../../shared/domain/errors';

/** Downloads when the home folder has one, else the home folder itself. */
export function defaultReportFolder(home: string = homedir()): string {
  const downloads = join(home, 'Downloads');
  try {
    if (statSync(downloads).isDirectory()) return downloads;
  } catch {
    // no Downloads folder: the home folder it is
  }
  return home;
}

/** `name.html`, else `name (2).html`, `name (3).html` ... whichever is free. */
export function freeFileName(folder: string, fileName: string, exists: (path: string) => boolean = existsSync): string {
  const ext = extname(fileName);
  const stem = fileName.slice(0, fileName.length - ext.length);
  for (let i = 1; i < 10_000; i++) {
    const name = i === 1 ? fileName : `${stem} (${i})${ext}`;
    if (!exists(join(folder, name))) return name;
  }
  throw new AppError('CONFLICT', `${folder} already holds 10,000 files named like ${fileName}; choose another folder.`, { location: { field: 'folder', file: folder } });
}

const FULL_CODES = new Set(['ENOSPC', 'EFBIG', 'EDQUOT']);

export function saveReportFile(text: string, fileName: string, folderInput: string | undefined, home: string = homedir()): SavedReport {
  if (folderInput !== undefined && !isAbsolute(folderInput)) {
    throw new AppError('INVALID_INPUT', `folder: "${folderInput}" is not a full path; choose the folder again.`, { location: { field: 'folder' } });
  }
  const folder = folderInput === undefined ? defaultReportFolder(home) : resolve(folderInput);
  try {
    if (!statSync(folder).isDirectory()) throw new AppError('INVALID_INPUT', `${folder} is a file, not a folder; choose a folder for the report.`, { location: { field: 'folder', file: folder } });
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('FILE_NOT_FOUND', `There is no folder ${folder}; choose another folder for the report.`, { location: { field: 'folder', file: folder } });
  }
  const name = freeFileName(folder, fileName);
  const path = join(folder, name);
  const bytes = Buffer.byteLength(text, 'utf8');
  try {
    // 'wx': a file that appeared since the name was chosen is never overwritten.
    writeFileSync(path, text, { flag: 'wx' });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    if (code !== 'EEXIST') rmSync(path, { force: true });
    const why = FULL_CODES.has(code) ? ': the disk is full' : code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? ': Tally may not write there' : '';
    throw new AppError('IO_ERROR', `Could not save ${name} in ${folder} (${code})${why}. Nothing was saved; choose another folder.`, { location: { field: 'folder', file: path } });
  }
  return { path, folder, fileName: name, bytes };
}
