import { useEffect, useState, type ComponentType } from 'react';
import { whenIdle } from '../store/whenIdle';

interface Options {
  /**
   * For parts that sit on the page from the start but draw nothing until something happens (a
   * notice, a dialog, a storage problem): their code is fetched once the page is idle, so it does
   * not compete with the flow's own modules and first render (up to this long after mounting).
   */
  idleMs?: number;
}

/**
 * A component in its own chunk, like React.lazy, but rendered at once when the chunk is already
 * here. React.lazy always suspends on first use, and React throttles revealing suspended content
 * (~300 ms): a popover would open late and swallow the first keystrokes.
 */
export function preloadable<P extends object>(load: () => Promise<{ default: ComponentType<P> }>, { idleMs }: Options = {}) {
  let Loaded: ComponentType<P> | null = null;
  let pending: Promise<void> | null = null;
  const preload = () => {
    pending ??= load().then((m) => {
      Loaded = m.default;
    });
    return pending;
  };
  function Preloadable(props: P) {
    const [, setReady] = useState(false);
    useEffect(() => {
      if (Loaded) return;
      const show = () => void preload().then(() => setReady(true));
      if (idleMs === undefined) show();
      else return whenIdle(show, idleMs);
    }, []);
    return Loaded ? <Loaded {...props} /> : null;
  }
  return { Component: Preloadable, preload };
}
