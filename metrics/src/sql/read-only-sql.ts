import type { SqlQuery } from './sql-query.ts';

/** Why an analyst's SQL was refused before it ran; the message is written for the analyst. */
export class ReadOnlySqlError extends Error {
  override readonly name = 'ReadOnlySqlError';
}

/**
 * The text with comments blanked and the insides of string literals (escape strings too), quoted
 * identifiers and dollar-quoted strings replaced by underscores (same length, quotes kept), so keywords and
 * semicolons can be looked for safely.
 */
function codeOnly(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const next = text[i + 1];
    let end = i + 1;
    if (c === '-' && next === '-') {
      end = text.indexOf('\n', i);
      if (end === -1) end = text.length;
    } else if (c === '/' && next === '*') {
      end = text.indexOf('*/', i + 2);
      if (end === -1) throw new ReadOnlySqlError('A /* comment is not closed.');
      end += 2;
    } else if ((c === 'E' || c === 'e') && next === "'" && !/[\w$]/.test(text[i - 1] ?? '')) {
      // An escape string (E'it\'s'): a backslash escapes the next character, a quote too, so the
      // plain-string rule below would end it early and read the rest of it as code.
      end = i + 2;
      for (;;) {
        if (end >= text.length) throw new ReadOnlySqlError("A string is not closed (missing ').");
        if (text[end] === '\\') end += 2;
        else if (text[end] === "'" && text[end + 1] === "'") end += 2;
        else if (text[end] === "'") break;
        else end += 1;
      }
      end += 1;
    } else if (c === "'" || c === '"') {
      end = i + 1;
      for (;;) {
        end = text.indexOf(c, end);
        if (end === -1) throw new ReadOnlySqlError(c === "'" ? 'A string is not closed (missing \').' : 'A quoted name is not closed (missing ").');
        if (text[end + 1] === c) end += 2;
        else break;
      }
      end += 1;
    } else if (c === '$') {
      const tag = /^\$[A-Za-z_]*\$/.exec(text.slice(i))?.[0];
      if (tag) {
        end = text.indexOf(tag, i + tag.length);
        if (end === -1) throw new ReadOnlySqlError(`A ${tag} quoted string is not closed.`);
        end += tag.length;
      }
    }
    const comment = c === '-' || c === '/';
    out += end === i + 1 ? c : comment ? ' '.repeat(end - i) : `${c}${'_'.repeat(end - i - 2)}${text[end - 1]}`;
    i = end;
  }
  return out;
}

/**
 * An analyst's query made safe to run over the Explore tables: only one SELECT (or WITH … SELECT)
 * statement is accepted, and it runs as a subquery, so anything that is not a query fails to parse
 * even if it got past the keyword check; at most `maxRows + 1` rows come back (one more than shown,
 * to tell the analyst the result was cut).
 * @throws ReadOnlySqlError naming what was refused
 * @example readOnlySql('SELECT count(*) FROM immunisation_weekly;', 1000).text // "SELECT * FROM (\nSELECT count(*) FROM immunisation_weekly\n) AS result LIMIT 1001"
 */
export function readOnlySql(text: string, maxRows: number): SqlQuery {
  if (!(Number.isInteger(maxRows) && maxRows > 0)) throw new RangeError(`maxRows must be a positive integer (got ${maxRows})`);
  const code = codeOnly(text);
  const body = text.slice(0, code.replace(/[\s;]+$/, '').length);
  const keyword = /^[\s(]*([A-Za-z_]+)/.exec(code)?.[1]?.toUpperCase();
  if (!keyword) throw new ReadOnlySqlError('Write a query that starts with SELECT or WITH.');
  if (keyword !== 'SELECT' && keyword !== 'WITH') {
    throw new ReadOnlySqlError(`Only SELECT and WITH queries can run here: the data is read-only (this statement starts with ${keyword}).`);
  }
  if (code.slice(0, body.length).includes(';')) throw new ReadOnlySqlError('Run one statement at a time: remove the ";" between statements.');
  // The row limit is our own integer, not the analyst's value, and stays out of the parameters
  // so placeholders in the analyst's text cannot be bound to it.
  return { text: `SELECT * FROM (\n${body}\n) AS result LIMIT ${maxRows + 1}`, params: [] };
}
