import { describe, expect, it } from 'vitest';
import { readOnlySql } from './read-only-sql.ts';

describe('readOnlySql', () => {
  it.each([
    { case: 'a SELECT', sql: 'SELECT count(*) FROM t', body: 'SELECT count(*) FROM t' },
    { case: 'a WITH query with a trailing semicolon and comment', sql: 'WITH a AS (SELECT 1 AS x) SELECT x FROM a; -- done', body: 'WITH a AS (SELECT 1 AS x) SELECT x FROM a' },
    { case: 'a parenthesised SELECT after a comment', sql: '/* note */ (SELECT 1)', body: '/* note */ (SELECT 1)' },
    { case: 'a semicolon inside a string', sql: "select ';' AS s", body: "select ';' AS s" },
    { case: 'a string literal at the end', sql: "SELECT count(*) FROM t WHERE vaccine = 'mmr';", body: "SELECT count(*) FROM t WHERE vaccine = 'mmr'" },
    { case: 'a dollar-quoted string', sql: 'SELECT $$it’s; fine$$ AS s', body: 'SELECT $$it’s; fine$$ AS s' },
    { case: 'an escape string with an escaped quote and a semicolon', sql: String.raw`SELECT E'it\'s; fine' AS s, name FROM t`, body: String.raw`SELECT E'it\'s; fine' AS s, name FROM t` },
  ])('runs $case as a limited subquery', ({ sql, body }) => {
    expect(readOnlySql(sql, 100)).toEqual({ text: `SELECT * FROM (\n${body}\n) AS result LIMIT 101`, params: [] });
  });

  it.each([
    { sql: 'DROP TABLE x', message: 'Only SELECT and WITH queries can run here: the data is read-only (this statement starts with DROP).' },
    { sql: '-- SELECT\nDELETE FROM t', message: 'this statement starts with DELETE' },
    { sql: "/* SELECT */ COPY t TO 'x.csv'", message: 'this statement starts with COPY' },
    { sql: 'SELECT 1; DROP TABLE t', message: 'Run one statement at a time' },
    { sql: '   ', message: 'Write a query that starts with SELECT or WITH.' },
    { sql: "SELECT 'open", message: 'A string is not closed' },
    // Read as a plain string, E'\'' would run to the quote in the comment and hide the DROP; DuckDB ends it at once.
    { sql: "SELECT E'\\'' AS s) AS r; DROP TABLE t; -- '\nSELECT * FROM (SELECT 1 AS one", message: 'Run one statement at a time' },
    { sql: String.raw`SELECT E'open\'`, message: 'A string is not closed' },
  ])('refuses $sql', ({ sql, message }) => {
    expect(() => readOnlySql(sql, 100)).toThrow(message);
  });

  it('rejects a row limit that is not a positive integer', () => {
    expect(() => readOnlySql('SELECT 1', 0)).toThrow('maxRows must be a positive integer (got 0)');
  });
});
