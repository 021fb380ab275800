import { describe, expect, it } from 'vitest';
import { NEW_PROJECT, saveTarget } from './save-target';

describe('where a plan is saved', () => {
  it('saves into the chosen project', () => {
    expect(saveTarget('p1')).toEqual({ kind: 'existing', projectId: 'p1' });
  });

  it('asks for the new project to be created, or a project chosen, instead of saving nowhere', () => {
    expect(saveTarget(NEW_PROJECT)).toEqual({ kind: 'invalid', message: 'Create the new project first (the “Create project” button), or choose one' });
    expect(saveTarget('')).toEqual({ kind: 'invalid', message: 'Choose a project' });
  });
});
