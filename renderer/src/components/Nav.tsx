import { openProjectId, routeHash, useNavigation, type Route } from '../stores/navigation';

const ITEMS: Array<{ label: string; route: Route; match: Route['page'][] }> = [
  { label: 'Projects', route: { page: 'projects' }, match: ['projects', 'project'] },
  { label: 'Plan', route: { page: 'plan' }, match: ['plan'] },
  { label: 'Data', route: { page: 'data' }, match: ['data', 'dataset', 'check', 'check-run'] },
  { label: 'Settings', route: { page: 'settings' }, match: ['settings', 'catalog'] },
];

/** The left navigation. Only what works is shown; Plan, Track, Evaluate and Check join as they land. */
export function Nav() {
  const route = useNavigation((s) => s.route);
  const go = useNavigation((s) => s.go);
  const projectId = openProjectId(route);
  // A project is open: its runs, its budget and its evaluations sit right under Projects.
  const items = projectId
    ? [
        ITEMS[0]!,
        { label: 'Runs', route: { page: 'runs', projectId } as Route, match: ['runs', 'run', 'compare'] as Route['page'][] },
        { label: 'Budget', route: { page: 'budget', projectId } as Route, match: ['budget'] as Route['page'][] },
        { label: 'Evaluate', route: { page: 'evaluate', projectId } as Route, match: ['evaluate', 'evaluation-new', 'evaluation', 'evaluation-compare', 'monitor'] as Route['page'][] },
        ...ITEMS.slice(1),
      ]
    : ITEMS;
  return (
    <nav className="nav" aria-label="Main">
      <div className="nav__brand">
        <span className="nav__logo" aria-hidden="true">
          ▮▮▯
        </span>
        Tally
      </div>
      <ul>
        {items.map((item) => {
          const current = item.match.includes(route.page);
          return (
            <li key={item.label}>
              <a
                href={routeHash(item.route)}
                className={`nav__link${current ? ' nav__link--current' : ''}`}
                aria-current={current ? 'page' : undefined}
                onClick={(e) => {
                  e.preventDefault();
                  go(item.route);
                }}
              >
                {item.label}
              </a>
            </li>
          );
        })}
      </ul>
      <p className="nav__footer">Offline. Nothing leaves this machine.</p>
    </nav>
  );
}
