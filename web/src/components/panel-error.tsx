/** What a panel shows when its data failed to load: the reason and a way to try again. */
export function PanelError({ error, onRetry }: { error: Error; onRetry: () => void }) {
  return (
    <div className="panel-error" role="alert">
      <p><strong>Could not load this panel.</strong> {error.message}</p>
      <button type="button" className="button button--secondary" onClick={onRetry}>Try again</button>
    </div>
  );
}
