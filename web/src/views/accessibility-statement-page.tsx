import { Link } from '@tanstack/react-router';

// The statement follows the GOV.UK model accessibility statement (as NHS services publish theirs):
// what we expect users can do, what is not accessible and why, how to report a problem, the
// enforcement procedure, compliance status, and how the statement was prepared. Keep the known
// problems below true: when one is fixed, remove it; when a test finds one, add it.

/** When this statement was last reviewed against the tests that back it. */
const REVIEWED = '6 December 2026';

/** The accessibility statement: WCAG 2.2 AA, what is known not to meet it, and how to tell us. */
export default function AccessibilityStatementPage() {
  return (
    <>
      <h1>Accessibility statement for Pathfinder Monitor</h1>
      <p className="lede">This statement applies to the Pathfinder Monitor dashboard and its API reference.</p>
      <p>
        Pathfinder Monitor is open-source software, run by NHS organisations for London's health-data Pathfinder programmes. We want as many people as possible to be able to use it. For example, you should be able to:
      </p>
      <ul>
        <li>change colours, contrast levels and fonts using your browser or device settings;</li>
        <li>zoom in up to 200% without the text spilling off the screen;</li>
        <li>move through every page using just a keyboard, with the focus always visible: the overview's table is one stop, with the arrow keys inside it, and the maps' areas are buttons you move between with the arrow keys;</li>
        <li>use the pages on a screen 320 pixels wide, or at 400% zoom, without scrolling sideways, except inside wide tables and charts, which keep their header row and first column in view;</li>
        <li>use a screen reader (we test with the accessibility tree Chromium exposes): every page has a title and a main heading that receives focus when you move to it;</li>
        <li>read every chart as a table of its data, and download that data as a CSV file;</li>
        <li>understand comparisons without seeing colour: every coloured cell, bar and map area also has a symbol (▲ better, ▼ worse, △ higher, ▽ lower, ● similar), and a map coloured by value shows its class as one to five bars;</li>
        <li>tap buttons and links in tables on a phone: they are at least 24 by 24 pixels.</li>
      </ul>
      <p>
        The <Link to="/glossary">glossary</Link> explains every abbreviation and statistical term in plain words.
      </p>

      <h2>How accessible this website is</h2>
      <p>We know some parts of this website are not fully accessible:</p>
      <ul>
        <li>charts drawn on a canvas or as SVG can be hard to read with a screen magnifier; their data tables say the same in text;</li>
        <li>Explore needs a browser that runs WebAssembly, and its cross-filtered charts change together, which screen readers announce only through the result counts;</li>
        <li>the situation report PDF is produced for printing and is not a tagged PDF: the campaign page it comes from has the same content in accessible form;</li>
        <li>on the boundary map, the smallest areas (such as the City of London) are smaller than 24 by 24 pixels on a phone; the tile grid, one choice above the map, gives every area a square of the same size.</li>
      </ul>

      <h2>Feedback and contact information</h2>
      <p>
        If you need information on this website in a different format, or you find a problem not listed on this page, tell the team that runs the dashboard for your organisation, or open an issue in the project's public issue tracker. Say which page you were on and what went wrong. We will consider your request and get back to you within 5 working days.
      </p>

      <h2>Enforcement procedure</h2>
      <p>
        The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the 'accessibility regulations'). If you are not happy with how we respond to your complaint, contact the Equality Advisory and Support Service (EASS).
      </p>

      <h2>Technical information about this website's accessibility</h2>
      <p>
        We are committed to making this website accessible, in accordance with the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018.
      </p>
      <h3>Compliance status</h3>
      <p>
        This website is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard, due to the non-compliances listed below.
      </p>
      <h3>Non-accessible content</h3>
      <p>The content listed below is non-accessible for the following reasons.</p>
      <ul>
        <li>The situation report PDF is not tagged, so screen readers cannot follow its structure (WCAG 1.3.1 Info and relationships). Use the campaign page instead.</li>
      </ul>

      <h2>What we're doing to improve accessibility</h2>
      <p>
        Every change to the dashboard is tested in a real browser before it is released: axe-core checks every page for WCAG 2.2 AA failures, for every kind of user, browser tests walk real tasks, and every page is tested by keyboard alone (every control reached and used, the focus seen, no trap), at 320 pixels wide and at 200% zoom (no sideways scrolling), and for target size. Every set of colours that tells categories apart is checked against a simulation of red–green colour blindness (deuteranopia and protanopia).
      </p>

      <h2>Preparation of this accessibility statement</h2>
      <p>
        This statement was prepared on 6 December 2026. It was last reviewed on {REVIEWED}. The website was last tested on {REVIEWED}, by the project's automated browser tests (axe-core on every page, keyboard, reflow and target-size tests of every page, a colour-blindness simulation) and a review of screenshots of each page.
      </p>
    </>
  );
}
