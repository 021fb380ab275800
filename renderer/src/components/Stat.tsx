/** One headline figure with its label and a line saying what it means. */
export function Stat({ label, value, meaning }: { label: string; value: string; meaning: string }) {
  return (
    <div className="stat">
      <div className="stat__label">{label}</div>
      <div className="stat__value">{value}</div>
      <div className="stat__meaning">{meaning}</div>
    </div>
  );
}
