import { useEffect } from 'react';
import { useRouter } from '@tanstack/react-router';

/**
 * Moves focus to the main heading after in-app navigation to another page, so screen-reader users
 * hear the new page; to the element a link's fragment names, when there is one (a glossary term).
 */
export function useFocusOnNavigate() {
  const router = useRouter();
  useEffect(
    () =>
      router.subscribe('onRendered', ({ fromLocation, toLocation, pathChanged }) => {
        if (!fromLocation || !pathChanged) return;
        const heading = (toLocation.hash ? document.getElementById(toLocation.hash) : null) ?? document.querySelector<HTMLElement>('main h1');
        if (!heading) return;
        heading.tabIndex = -1;
        heading.focus();
      }),
    [router],
  );
}
