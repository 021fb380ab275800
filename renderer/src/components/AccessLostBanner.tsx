import { ACCESS_LOST_MESSAGE, useAccessLost } from '../data/access';

/** Across every screen, once the host has refused this tab's token: what happened and the one way back. */
export function AccessLostBanner() {
  const lost = useAccessLost();
  if (!lost) return null;
  return (
    <div className="banner banner--error" role="alert" aria-label="Tally was restarted">
      {ACCESS_LOST_MESSAGE}
    </div>
  );
}
