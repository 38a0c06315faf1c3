import { Link } from '@tanstack/react-router';

/** A practice's name as a link to its trend on the Practices page (the same view, with `practice` in the URL). */
export function PracticeTrendLink({ code, name }: { code: string; name: string }) {
  return (
    <Link from="/practices" to="/practices" search={(previous) => ({ ...previous, practice: code })} resetScroll={false} data-practice={code}>
      {name}
    </Link>
  );
}
