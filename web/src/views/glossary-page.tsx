import { Link } from '@tanstack/react-router';
import { GLOSSARY_TERMS } from '../glossary/glossary-terms.ts';
import '../theme/views.css';

/** Every abbreviation and statistical word the dashboard uses, in plain words, one anchor per term. */
export default function GlossaryPage() {
  return (
    <>
      <h1>Glossary</h1>
      <p className="lede">What the words, abbreviations and statistics on the area profiles mean. Back to the <Link to="/">overview</Link>.</p>
      <dl className="glossary">
        {GLOSSARY_TERMS.map((t) => (
          <div key={t.id} className="glossary__entry">
            <dt id={t.id} className="glossary__term">
              {t.term}
              {'also' in t && <span className="glossary__also"> ({t.also})</span>}
            </dt>
            <dd className="glossary__meaning">{t.meaning}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
