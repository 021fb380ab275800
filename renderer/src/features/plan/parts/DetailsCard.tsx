import type { ReactNode } from 'react';

/**
 * The technical side of an answer, closed until asked for: the words an engineer uses (KV cache,
 * memory-bound, FLOPs) stay here, so the main text can say the same thing plainly.
 */
export function DetailsCard({ title = 'Details', children }: { title?: string; children: ReactNode }) {
  return (
    <details className="card plan-assumptions">
      <summary>
        <h2>{title}</h2>
      </summary>
      {children}
    </details>
  );
}
