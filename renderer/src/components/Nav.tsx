import { routeHash, useNavigation, type Route } from '../stores/navigation';

const ITEMS: Array<{ label: string; route: Route; match: Route['page'][] }> = [
  { label: 'Projects', route: { page: 'projects' }, match: ['projects', 'project'] },
  { label: 'Plan', route: { page: 'plan' }, match: ['plan'] },
  { label: 'Data', route: { page: 'data' }, match: ['data', 'dataset', 'check', 'check-run'] },
  { label: 'Settings', route: { page: 'settings' }, match: ['settings', 'catalog'] },
];

/** The left navigation. Only what works is shown; Plan, Track, Evaluate and Check join as they land. */
export function Nav() {
  const { route, go } = useNavigation();
  // A project is open: its budget sits right under Projects.
  const budgetOf = route.page === 'project' ? route.id : route.page === 'budget' ? route.projectId : null;
  const items = budgetOf ? [ITEMS[0]!, { label: 'Budget', route: { page: 'budget', projectId: budgetOf } as Route, match: ['budget'] as Route['page'][] }, ...ITEMS.slice(1)] : ITEMS;
  return (
    <nav className="nav" aria-label="Main">
      <div className="nav__brand" aria-label="Tally">
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
