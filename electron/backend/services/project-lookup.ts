import type { Project } from '../../../shared/contract/projects';
import { notFound } from '../../../shared/domain/errors';
import type { BackendContext } from '../context';
import { getProject } from '../db/repositories/projects.repository';

/** The project a request names, or NOT_FOUND pointing at the input field that named it. */
export function mustGetProject(ctx: BackendContext, id: string, field = 'projectId'): Project {
  const p = getProject(ctx.db, id);
  if (!p) throw notFound('project', id, { field, hint: 'It may have been deleted.' });
  return p;
}
