import { describe, expect, it } from 'vitest';
import { AppError, asErrorData, invalidInput, notFound } from './errors';

describe('error helpers', () => {
  it('invalidInput reads as the dispatcher reads schema errors (the field in plain words), with the path for forms', () => {
    expect(invalidInput('endDate', 'The end date must be on or after the start date').toJSON()).toEqual({
      code: 'INVALID_INPUT',
      message: 'The end date must be on or after the start date',
      issues: [{ path: 'endDate', message: 'The end date must be on or after the start date' }],
      location: { field: 'endDate' },
    });
    expect(invalidInput('path', 'is a folder', { issue: 'not a file', location: { file: '/data' } }).toJSON()).toEqual({
      code: 'INVALID_INPUT',
      message: 'File: is a folder',
      issues: [{ path: 'path', message: 'not a file' }],
      location: { file: '/data', field: 'path' },
    });
  });

  it('notFound names the entity and id, the hint and the field that named it', () => {
    expect(notFound('project', 'p1', { field: 'projectId', hint: 'It may have been deleted.' }).toJSON()).toEqual({
      code: 'NOT_FOUND',
      message: 'No project with id p1. It may have been deleted.',
      location: { field: 'projectId' },
    });
    expect(notFound('run', 'r9').toJSON()).toEqual({ code: 'NOT_FOUND', message: 'No run with id r9.' });
  });

  it('asErrorData keeps an AppError and turns anything else into INTERNAL', () => {
    expect(asErrorData(new AppError('CONFLICT', 'taken'))).toEqual({ code: 'CONFLICT', message: 'taken' });
    expect(asErrorData(new TypeError('x is undefined'))).toEqual({ code: 'INTERNAL', message: 'x is undefined' });
    expect(asErrorData('plain')).toEqual({ code: 'INTERNAL', message: 'plain' });
  });
});
