import type { ReactNode } from 'react';
import { Link } from '@tanstack/react-router';
import { GLOSSARY_TERMS, type GlossaryId } from './glossary-terms.ts';

const TERM = new Map<string, string>(GLOSSARY_TERMS.map((t) => [t.id, t.term]));

/** A link to one glossary entry: the words given, or a "?" named after the term (beside a column header). */
export function GlossaryLink({ id, children }: { id: GlossaryId; children?: ReactNode }) {
  if (children) return <Link to="/glossary" hash={id}>{children}</Link>;
  return (
    <Link to="/glossary" hash={id} className="glossary-link" aria-label={`What “${TERM.get(id)}” means`} title={`What “${TERM.get(id)}” means`}>
      <span aria-hidden="true">?</span>
    </Link>
  );
}
