import { SiteHeader } from './components/site-header.tsx';
import { IndicatorPage } from './views/indicator-page.tsx';

export function App() {
  return (
    <>
      <a className="skip-link" href="#main">Skip to main content</a>
      <SiteHeader />
      <main id="main" className="page" tabIndex={-1}>
        <IndicatorPage indicatorId="imm-mmr1-24m" />
      </main>
      <footer className="site-footer">
        <p>Pathfinder Monitor is open source. Contains public sector information licensed under the Open Government Licence v3.0.</p>
      </footer>
    </>
  );
}
