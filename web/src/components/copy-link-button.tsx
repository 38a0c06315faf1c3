import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { makeSnapshot } from '../api/annotation-queries.ts';
import { errorMessage } from '../api/api-problem.ts';

/**
 * "Copy a permanent link": stores this view (path and search) at the release it shows as a snapshot
 * and copies `/s/{id}` on this origin, which opens the same numbers after newer releases. The link
 * is also shown, for a browser that does not let the page write to the clipboard.
 */
export function CopyLinkButton({ releaseId }: { releaseId: string | null }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  const snapshot = useMutation({
    mutationFn: async () => {
      const { id } = await makeSnapshot(`${window.location.pathname}${window.location.search}`, releaseId ?? '');
      const link = `${window.location.origin}/s/${id}`;
      // No clipboard (or no permission to write it): the link is shown to copy by hand.
      setCopied(navigator.clipboard ? await navigator.clipboard.writeText(link).then(() => true, () => false) : false);
      return link;
    },
  });
  return (
    <span className="copy-link">
      <button type="button" className="nhsuk-button nhsuk-button--reverse nhsuk-button--small" disabled={releaseId === null || snapshot.isPending} onClick={() => snapshot.mutate()}>Copy a permanent link</button>
      <output className="copy-link__status" aria-live="polite">
        {snapshot.isSuccess && (
          <>{copied ? 'Copied: ' : 'Copy this link: '}<a href={snapshot.data} data-testid="permanent-link">{snapshot.data}</a></>
        )}
        {snapshot.isError && `No link was made: ${errorMessage(snapshot.error)}`}
      </output>
    </span>
  );
}
