import { useEffect, useState, type ComponentType } from 'react';

/**
 * A component in its own chunk, like React.lazy, but rendered at once when the chunk is already
 * here. React.lazy always suspends on first use, and React throttles revealing suspended content
 * (~300 ms): a popover would open late and swallow the first keystrokes.
 */
export function preloadable<P extends object>(load: () => Promise<{ default: ComponentType<P> }>) {
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
      if (!Loaded) void preload().then(() => setReady(true));
    }, []);
    return Loaded ? <Loaded {...props} /> : null;
  }
  return { Component: Preloadable, preload };
}
