import type { projectsContract } from '../../../shared/contract/projects';
import type { Handlers } from '../../../shared/rpc/dispatcher';
import type { BackendContext } from '../context';
import * as projects from '../services/projects.service';

export const projectsHandlers: Handlers<typeof projectsContract, BackendContext> = {
  'projects.list': (input, ctx) => projects.listProjects(ctx, input),
  'projects.get': ({ id }, ctx) => projects.getProjectDetail(ctx, id),
  'projects.create': (input, ctx) => projects.createProject(ctx, input),
  'projects.update': ({ id, patch }, ctx) => projects.updateProject(ctx, id, patch),
  'projects.archive': ({ id, archived }, ctx) => projects.archiveProject(ctx, id, archived),
  'projects.delete': ({ id }, ctx) => projects.deleteProject(ctx, id),
};
