import { useMemo } from 'react';
import type { Project } from '../../../../../shared/contract/projects';
import { useRpcQuery } from '../../../data/rpc-query';
import { moneyOf } from '../../../../../shared/domain/currency';
import type { FigureContext } from '../../../stores/scenarios/scenarios.selectors';

/**
 * What the saved-plans tables need besides a plan: its project's currency and rate (for the
 * figures the backend leaves in dollars) and the catalog's device names (a memory plan names its
 * device by id).
 */
export function useFigureContext(): (project: Pick<Project, 'currency' | 'usdRate' | 'usdRateAsOf'>) => FigureContext {
  const catalog = useRpcQuery('catalog.list', {}).data;
  const names = useMemo(() => new Map((catalog ?? []).flatMap((e) => (e.kind === 'hardware' ? [[e.row.id, e.row.name] as const] : []))), [catalog]);
  return (project) => ({
    project: moneyOf(project),
    deviceName: (id) => names.get(id),
  });
}
