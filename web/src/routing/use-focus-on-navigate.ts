import { useEffect } from 'react';
import { useRouter } from '@tanstack/react-router';

/** Moves focus to the main heading after in-app navigation to another page, so screen-reader users hear the new page. */
export function useFocusOnNavigate() {
  const router = useRouter();
  useEffect(
    () =>
      router.subscribe('onRendered', ({ fromLocation, pathChanged }) => {
        if (!fromLocation || !pathChanged) return;
        const heading = document.querySelector<HTMLElement>('main h1');
        if (!heading) return;
        heading.tabIndex = -1;
        heading.focus();
      }),
    [router],
  );
}
