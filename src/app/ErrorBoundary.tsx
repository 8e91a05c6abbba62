import { Component, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

/**
 * A rendering bug must not blank the editor. The flow lives in the store, not in components,
 * so "Try again" simply renders it afresh; nothing the user made is lost.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <div role="alert" className="m-auto max-w-md rounded-xl border border-rose-200 bg-white p-6 text-center shadow-sm">
        <h2 className="text-base font-semibold text-zinc-900">The editor hit a problem</h2>
        <p className="mt-2 text-[13px] text-zinc-600">Your flow is safe. Try again to reopen the editor; if this keeps happening, reload the page.</p>
        <p className="mt-2 truncate font-mono text-[11px] text-zinc-400">{this.state.error.message}</p>
        <button
          type="button"
          className="mt-4 rounded-lg bg-accent px-3 py-1.5 text-[13px] font-medium text-white"
          onClick={() => this.setState({ error: null })}
        >
          Try again
        </button>
      </div>
    );
  }
}
