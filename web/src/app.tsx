import { Suspense } from 'react';
import { QueryErrorResetBoundary } from '@tanstack/react-query';
import { ErrorBoundary } from './components/error-boundary.tsx';
import { Skeleton } from './components/panel-error.tsx';
import { SiteHeader } from './components/site-header.tsx';
import { RouteParamsProvider, useFocusOnNavigate, useLocation } from './routing/router.tsx';
import { matchRoute } from './routing/routes.tsx';

export function App() {
  const { pathname } = useLocation();
  const match = matchRoute(pathname);
  useFocusOnNavigate(pathname);
  const View = match?.route.component;
  return (
    <>
      <a className="nhsuk-skip-link" href="#main">Skip to main content</a>
      <SiteHeader />
      <main id="main" className="nhsuk-width-container page">
        <QueryErrorResetBoundary>
          {({ reset }) => (
            <ErrorBoundary key={pathname} onReset={reset}>
              <Suspense fallback={<Skeleton label="Loading page…" />}>
                {View ? (
                  <RouteParamsProvider value={match.params}>
                    <View />
                  </RouteParamsProvider>
                ) : (
                  <NotFound />
                )}
              </Suspense>
            </ErrorBoundary>
          )}
        </QueryErrorResetBoundary>
      </main>
      <footer className="nhsuk-footer">
        <div className="nhsuk-width-container">
          <div className="nhsuk-footer__meta">
            <p className="nhsuk-body-s">
              Pathfinder Monitor is open source. Statistics follow the OHID Technical Guide (Wilson, Byar, Dobson) and NHS "Making Data Count" SPC.
              Contains public sector information licensed under the Open Government Licence v3.0. <a className="nhsuk-footer__list-item-link" href="/api/v1/docs">API reference</a>.
            </p>
          </div>
        </div>
      </footer>
    </>
  );
}

function NotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p>Check the address, or start from the <a href="/">overview</a>.</p>
    </>
  );
}
