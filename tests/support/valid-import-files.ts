import { csvLine } from '@pathfinder/metrics';
import type { ImportFormat } from '@pathfinder/fixtures';

/** A CSV file as its header and rows of field text. */
export interface CsvTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

const MMR = 'Population vaccination coverage: MMR for one dose (2 years old)';
const DTAP = 'Population vaccination coverage: Dtap IPV Hib HepB (1 year old)';

/**
 * A small valid file of each import format that `importRelease` publishes as it is: a few rows
 * with the optional columns, a breakdown, a note with a comma and quotes, and (Fingertips) rows
 * the importer skips on purpose.
 */
export const VALID_IMPORT_FILES: Readonly<Record<ImportFormat, CsvTable>> = {
  tidy: {
    header: ['indicator', 'area_code', 'period', 'breakdown', 'numerator', 'denominator', 'value_note'],
    rows: [
      ['24m_MMR1', 'E09000007', '2023/24 Q4', 'total', '612', '789', ''],
      ['imm-mmr1-24m', 'E09000012', '2023/24 Q4', '', '700', '900', ''],
      ['imm-mmr1-24m', 'E09000012', '2023/24 Q4', 'sex:F', '340', '450', ''],
      ['12m_DTaPIPVHib3', 'E09000019', '2023/24 Q3', 'total', '1500', '1650', 'provisional'],
      ['24m_MMR1', 'F84003', '2023/24 Q4', 'total', '40', '52', ''],
      ['24m_MMR1', 'E12000007', '2023/24 Q4', 'total', '19000', '24000', 'published London figure, "as is"'],
    ],
  },
  fingertips: {
    header: ['Indicator ID', 'Indicator Name', 'Area Code', 'Area Name', 'Sex', 'Category Type', 'Time period', 'Value', 'Lower CI 95.0 limit', 'Upper CI 95.0 limit', 'Count', 'Denominator', 'Value note'],
    rows: [
      ['30309', MMR, 'E12000007', 'London region', 'Persons', '', '2023/24', '80.1', '79.7', '80.5', '78452', '97943', ''],
      ['30309', MMR, 'E09000007', 'Camden', 'Persons', '', '2023/24', '78.1', '75.1', '80.9', '612', '784', ''],
      ['30309', MMR, 'E09000001', 'City of London', 'Persons', '', '2023/24', '', '', '', '', '', 'Value suppressed for disclosure control due to small count'],
      ['30309', MMR, 'E92000001', 'England', 'Persons', 'District & UA deprivation deciles in England (IMD2019, 4/21 geog.)', '2023/24', '84.0', '83.6', '84.4', '50012', '59538', ''],
      ['30306', DTAP, 'E09000012', 'Hackney', 'Persons', '', '2023/24', '81.5', '79.6', '83.3', '2290', '2810', ''],
      ['30306', DTAP, 'E09000012', 'Hackney', 'Male', '', '2023/24', '81.0', '78.3', '83.4', '1167', '1441', ''],
      ['30306', DTAP, 'E09000012', 'Hackney', 'Female', '', '2023/24', '82.0', '79.9', '84.0', '1123', '1369', ''],
      ['90366', 'Life expectancy at birth', 'E09000007', 'Camden', 'Male', '', '2021 - 23', '81.6', '80.6', '82.6', '', '', ''],
    ],
  },
  events: {
    header: ['child_id', 'birth_date', 'practice_code', 'borough_code', 'deprivation_quintile', 'ethnic_group', 'sex', 'vaccine', 'dose', 'event_date'],
    rows: [
      ['1', '2022-01-10', 'F84003', 'E09000012', '1', 'Black', 'F', 'mmr', '1', '2023-01-20'],
      ['1', '2022-01-10', 'F84003', 'E09000012', '1', 'Black', 'F', 'hexavalent', '1', '2022-03-07'],
      ['2', '2022-02-01', 'F84003', 'E09000012', '2', 'White', 'M', 'mmr', '1', '2024-02-15'],
      ['3', '2022-03-05', 'F84003', 'E09000012', '', '', '', '', '', ''],
      ['4', '2022-03-20', 'F84003', 'E09000019', '3', 'Asian', 'M', 'mmr', '1', '2023-04-01'],
      ['5', '2024-01-31', 'F84003', 'E09000012', '1', 'Mixed', 'F', 'hexavalent', '1', '2024-03-31'],
    ],
  },
};

/** The table as CSV text: fields quoted where they need it, LF line ends. */
export function csvText(table: CsvTable): string {
  return [table.header, ...table.rows].map((fields) => csvLine(fields)).join('');
}
