import { Link, Outlet, useRouterState } from '@tanstack/react-router';
import { ReleaseGate, useChosenRelease } from './api/chosen-release.tsx';
import { ReleaseSources } from './components/release-sources.tsx';
import { SiteHeader } from './components/site-header.tsx';
import { useDocumentTitle } from './routing/use-document-title.ts';
import { useFocusOnNavigate } from './routing/use-focus-on-navigate.ts';

/** Every page's frame (a print page has none): skip link, header, the route's view in <main> once its release is known (the router adds its placeholder and error boundary), its sources, footer. */
export function App() {
  useFocusOnNavigate();
  useDocumentTitle();
  const print = useRouterState({ select: (state) => state.matches.at(-1)?.staticData.print === true });
  if (print) {
    // A report is the page itself: no header, navigation, footer or sources (the report states its own).
    return (
      <main id="main" className="print-page">
        <ReleaseGate>
          <Outlet />
        </ReleaseGate>
      </main>
    );
  }
  return (
    <>
      <a className="nhsuk-skip-link" href="#main">Skip to main content</a>
      <SiteHeader />
      <main id="main" className="nhsuk-width-container page">
        <ReleaseGate>
          {/* At least a screen tall, so the sources below never show while the view's first content loads, only to be pushed away (layout shift). */}
          <div className="page__view">
            <Outlet />
          </div>
          <ChosenReleaseSources />
        </ReleaseGate>
      </main>
      <footer className="nhsuk-footer">
        <div className="nhsuk-width-container">
          <div className="nhsuk-footer__meta">
            <p className="nhsuk-body-s">
              Pathfinder Monitor is open source. Statistics follow the OHID Technical Guide (Wilson, Byar, Dobson) and NHS "Making Data Count" SPC.
              Contains public sector information licensed under the Open Government Licence v3.0. <a className="nhsuk-footer__list-item-link" href="/api/v1/docs">API reference</a>. <Link className="nhsuk-footer__list-item-link" to="/glossary">Glossary</Link>. <Link className="nhsuk-footer__list-item-link" to="/accessibility">Accessibility statement</Link>.
            </p>
          </div>
        </div>
      </footer>
    </>
  );
}

function ChosenReleaseSources() {
  return <ReleaseSources release={useChosenRelease().release} />;
}

export function NotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p>Check the address, or start from the <Link to="/" activeOptions={{ exact: true }}>overview</Link>.</p>
    </>
  );
}
