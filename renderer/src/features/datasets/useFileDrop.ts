import { useLayoutEffect, useRef, useState } from 'react';
import { droppedPaths } from '../../../../shared/domain/file-drop';

export type DropState = 'idle' | 'over';

/**
 * Files dropped on the window. In the desktop app the preload posts their paths (see
 * shared/domain/file-drop.ts) and `onPaths` receives them. A browser never reveals where a
 * dropped file lives, so there the drop only sets `browserDrop` for the page to explain.
 */
export function useFileDrop(onPaths: (paths: string[]) => void, enabled: boolean) {
  const [state, setState] = useState<DropState>('idle');
  const [browserDrop, setBrowserDrop] = useState(false);
  const onPathsRef = useRef(onPaths);
  useLayoutEffect(() => {
    onPathsRef.current = onPaths;
  });
  // Registered during the commit (a layout effect), not after paint: once the page shows its drop
  // hint, a posted drop message is never lost to a listener not yet attached. The latest
  // onPaths is read through a ref, so the listeners are attached once, not on every render.
  useLayoutEffect(() => {
    if (!enabled) return;
    const over = (e: DragEvent) => {
      if (!e.dataTransfer?.types.includes('Files')) return;
      e.preventDefault(); // lets the drop happen here instead of the window opening the file
      setState('over');
    };
    const leave = (e: DragEvent) => {
      if (e.relatedTarget === null) setState('idle');
    };
    const drop = (e: DragEvent) => {
      if (!e.dataTransfer?.types.includes('Files')) return;
      e.preventDefault();
      setState('idle');
      if (!window.bridge) setBrowserDrop(true);
    };
    const message = (e: MessageEvent) => {
      if (e.source !== window) return;
      const paths = droppedPaths(e.data);
      if (paths) onPathsRef.current(paths);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    window.addEventListener('message', message);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
      window.removeEventListener('message', message);
    };
  }, [enabled]);
  return { state, browserDrop, dismissBrowserDrop: () => setBrowserDrop(false) };
}
