import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DataTable, type Column } from './data-table.tsx';
import { useSortableTable } from './use-sortable-table.ts';

interface Area {
  readonly code: string;
  readonly name: string;
  readonly value: number | null;
}

const AREAS: readonly Area[] = [
  { code: 'E09000002', name: 'Barking and Dagenham', value: 81.5 },
  { code: 'E09000012', name: 'Hackney', value: null },
  { code: 'E09000025', name: 'Newham', value: 9.75 },
  { code: 'E09000030', name: 'Tower Hamlets', value: 88 },
];
const COLUMNS: readonly Column<Area>[] = [
  { key: 'name', header: 'Area', value: (a) => a.name },
  { key: 'value', header: 'Value (%)', value: (a) => a.value, numeric: true },
];

type SortableTable = ReturnType<typeof useSortableTable<Area>>;

function Probe({ initialSort, onTable }: { initialSort: { key: string; descending?: boolean } | undefined; onTable: (table: SortableTable) => void }) {
  onTable(useSortableTable({ columns: COLUMNS, rows: AREAS, rowKey: (a) => a.code, initialSort }));
  return null;
}

/** Renders the table hook once on the server and hands back the table, to drive it as a reader would. */
function sortableTable(initialSort?: { key: string; descending?: boolean }): SortableTable {
  let table: SortableTable | undefined;
  renderToStaticMarkup(<Probe initialSort={initialSort} onTable={(t) => { table = t; }} />);
  return table!;
}
const order = (table: SortableTable) => table.getRowModel().rows.map((r) => r.original.name);

describe('useSortableTable', () => {
  it('keeps the given order until a column is chosen', () => {
    expect(order(sortableTable())).toEqual(AREAS.map((a) => a.name));
  });

  it('sorts numbers by size, ascending on the first click and descending on the second, missing values last both ways', () => {
    const table = sortableTable();
    const value = table.getColumn('value')!;
    value.getToggleSortingHandler()!({});
    expect(order(table)).toEqual(['Newham', 'Barking and Dagenham', 'Tower Hamlets', 'Hackney']);
    expect(value.getIsSorted()).toBe('asc');
    value.getToggleSortingHandler()!({});
    expect(order(table)).toEqual(['Tower Hamlets', 'Barking and Dagenham', 'Newham', 'Hackney']);
    value.getToggleSortingHandler()!({});
    expect(value.getIsSorted(), 'a third click sorts ascending again, never unsorted').toBe('asc');
  });

  it('sorts one column at a time, text by the reader’s collation', () => {
    const table = sortableTable({ key: 'value' });
    table.getColumn('name')!.getToggleSortingHandler()!({ shiftKey: true });
    expect(table.getColumn('value')!.getIsSorted()).toBe(false);
    expect(order(table)).toEqual(['Barking and Dagenham', 'Hackney', 'Newham', 'Tower Hamlets']);
  });
});

describe('DataTable', () => {
  const markup = renderToStaticMarkup(<DataTable caption="Uptake by area" columns={COLUMNS} rows={AREAS} rowKey={(a) => a.code} initialSort={{ key: 'value', descending: true }} />);

  it('marks the sorted column with aria-sort and the others as not sorted, headings as buttons', () => {
    expect(markup).toMatch(/<th scope="col" class="nhsuk-table__header" aria-sort="none"><button type="button" class="sort-button">Area/);
    expect(markup).toMatch(/<th scope="col" class="nhsuk-table__header nhsuk-table__header--numeric num" aria-sort="descending"><button type="button" class="sort-button">Value \(%\)/);
  });

  it('shows rows in the initial order, each led by a row header, numbers with one decimal and a dash for none', () => {
    const rows = [...markup.matchAll(/<tr class="nhsuk-table__row"><th scope="row"[^>]*>([^<]*)<\/th><td[^>]*>([^<]*)<\/td>/g)].map((m) => [m[1], m[2]]);
    expect(rows).toEqual([['Tower Hamlets', '88.0'], ['Barking and Dagenham', '81.5'], ['Newham', '9.8'], ['Hackney', '–']]);
  });

  it('says so when there are no rows, rather than drawing an empty table', () => {
    expect(renderToStaticMarkup(<DataTable caption="Empty" columns={COLUMNS} rows={[]} rowKey={(a) => a.code} />)).toBe('<p class="empty-state">No rows to show.</p>');
  });
});

describe('DataTable with firstRows', () => {
  const markup = (firstRows: number) => renderToStaticMarkup(<DataTable caption="Areas" columns={COLUMNS} rows={AREAS} rowKey={(a) => a.code} initialSort={{ key: 'value', descending: true }} firstRows={firstRows} />);

  it('shows the first rows in the chosen order and offers the rest', () => {
    const html = markup(2);
    expect(html.match(/<tr class="nhsuk-table__row">/g)).toHaveLength(3); // the header row and two rows
    expect(html).toContain('Tower Hamlets');
    expect(html).toContain('Barking and Dagenham');
    expect(html).not.toContain('Newham');
    expect(html).toContain('The first 2 of 4 rows, in the order chosen above.');
    expect(html).toContain('Show all 4 rows</button>');
  });

  it('shows every row, with no button, when they fit', () => {
    const html = markup(4);
    expect(html.match(/<tr class="nhsuk-table__row">/g)).toHaveLength(5);
    expect(html).not.toContain('Show all');
  });
});
