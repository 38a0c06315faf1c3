import type { MouseEvent, ReactNode } from 'react';
import { useRouter } from '@tanstack/react-router';
import { useReleaseChoice } from '../api/chosen-release.tsx';
import { attentionHref } from './attention-href.ts';

/**
 * An attention item's deep link: an ordinary link (it opens in a new tab, and its address can be
 * copied), followed inside the app on a plain click, in the release the user chose.
 */
export function AttentionLink({ link, children }: { link: string; children: ReactNode }) {
  const router = useRouter();
  const href = attentionHref(link, useReleaseChoice());
  const follow = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    void router.navigate({ href });
  };
  return <a href={href} onClick={follow}>{children}</a>;
}
