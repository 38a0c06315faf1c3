import { errorMessage } from '../api/api-problem.ts';

/** What a panel shows when its data failed to load: the reason and a way to try again. */
export function PanelError({ error, onRetry }: { error: Error; onRetry: () => void }) {
  return (
    <div className="panel-error" role="alert">
      <p><strong>Could not load this panel.</strong> {errorMessage(error)}</p>
      <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={onRetry}>Try again</button>
    </div>
  );
}

/** A grey placeholder with the shape of what is loading, announced to screen readers. */
export function Skeleton({ label, height = 320 }: { label: string; height?: number }) {
  return (
    <div className="skeleton" style={{ minHeight: height }} role="status" aria-live="polite">
      {label}
    </div>
  );
}
