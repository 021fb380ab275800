import { describe, expect, it } from 'vitest';
import { NEW_PROJECT, saveTarget } from './save-target';

describe('where a plan is saved', () => {
  it('saves into the chosen project, or a new one named in the form', () => {
    expect(saveTarget('p1', '')).toEqual({ kind: 'existing', projectId: 'p1' });
    expect(saveTarget(NEW_PROJECT, '  Shop assistant ')).toEqual({ kind: 'new', name: 'Shop assistant' });
  });

  it('asks for a name or a project instead of saving nowhere', () => {
    expect(saveTarget(NEW_PROJECT, '   ')).toEqual({ kind: 'invalid', message: 'Name the new project' });
    expect(saveTarget('', '')).toEqual({ kind: 'invalid', message: 'Choose a project' });
  });
});
