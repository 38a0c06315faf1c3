import { Component, type ReactNode } from 'react';
import { PanelError } from './panel-error.tsx';

/** Keeps one panel's failure from blanking the page: shows the message and a retry. */
export class ErrorBoundary extends Component<{ children: ReactNode; onReset?: () => void }, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (this.state.error) {
      return <PanelError error={this.state.error} onRetry={() => { this.props.onReset?.(); this.setState({ error: null }); }} />;
    }
    return this.props.children;
  }
}
