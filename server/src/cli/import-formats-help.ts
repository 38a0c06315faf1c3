import { INDICATORS, VACCINES } from '@pathfinder/metrics';
import { wrapText } from './wrap-text.ts';

const fingertipsIds = wrapText(`Catalogue: ${INDICATORS.filter((i) => i.fingertipsId).map((i) => `${i.fingertipsId} ${i.id}`).join(', ')}.`, 14);
const vaccines = wrapText(`or empty), ethnic_group, sex (M, F or empty), vaccine (${VACCINES.join(', ')}),`, 14);

/** The Formats section of `pnpm pathfinder import --help`: columns and an example of each format. */
export const IMPORT_FORMATS_HELP = `  tidy        Our long format, CSV (UTF-8) or Parquet: one row per indicator × area × period ×
              breakdown. Columns (others are ignored):
                indicator     catalogue id (imm-mmr1-24m) or COVER measure (24m_MMR1);
                              a column "measure" is read as indicator
                area_code     E92000001 England, E12000007 London, a London ICB (E54…) or
                              borough (E09…), a GP practice (F84003) or PCN (U12345) ODS code
                period        2023/24 Q4, 2023/24, 2024-03, 2022-W41, 2024, 2021/22 - 2023/24
                numerator     whole number ≥ 0; empty = not available (kept as NULL, never 0)
                denominator   as numerator; numerator ≤ denominator for proportions
                breakdown     optional: empty or total, deprivation:1 … 5, ethnicity:Asian, sex:F, age:…
                value_note    optional, kept (e.g. "[x] excluded by UKHSA: data quality")
              London and ICB rows the file lacks are summed from its borough rows (boroughs
              without both counts are left out and named in the value note).
              Example (a UKHSA COVER extract imports as it is):
                period,area_code,measure,numerator,denominator,value_note
                2023/24 Q4,E09000007,24m_MMR1,612,789,
                2024/25 Q3,E09000004,24m_MMR1,,,[x] excluded by UKHSA: data quality

  fingertips  A Fingertips data export (CSV) with the website's headers ("Indicator ID", "Area Code",
              "Time period", "Lower CI 95.0 limit", "Value note", …) or the API's ("IndicatorID",
              "AreaCode", "Timeperiod", "Lower_CI_95.0_limit", "Value_note", …). Count and
              Denominator are the numerator and denominator; Value and its 95% limits are kept as
              published_value, published_lower95, published_upper95 to compare with ours.
              Sex "Persons" is the total. Rows of Fingertips indicators not in the catalogue, and
              "Category Type" rows, are skipped and counted (an export often holds a whole profile).
              ${fingertipsIds}
              Example:
                Indicator ID,Indicator Name,Area Code,Area Name,Sex,Age,Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit,Count,Denominator,Value note
                30309,Population vaccination coverage: MMR for one dose (2 years old),E09000007,Camden,Persons,2 yrs,2023/24,78.1,75.1,80.9,612,784,

  events      Event-level immunisation records, CSV (UTF-8) or Parquet: one row per dose given,
              the child's details repeated; a child with no doses has one row with empty vaccine,
              dose and event_date. Columns: child_id (pseudonymised whole number), birth_date,
              practice_code (ODS), borough_code (E09…), deprivation_quintile (1 most deprived … 5,
              ${vaccines}
              dose (dose number), event_date. Dates are YYYY-MM-DD.
              Writes events/children.parquet, events/doses.parquet, areas.parquet (the practices
              seen, under the borough most of their children live in) and observations derived
              like the synthetic release's (COVER measures, fully up to date, timeliness, and the
              2022 polio campaign when the data has ipv-campaign doses), for quarters from the
              first to the last event date (the extract's as-at date).
              Example:
                child_id,birth_date,practice_code,borough_code,deprivation_quintile,ethnic_group,sex,vaccine,dose,event_date
                1001,2021-05-14,F84003,E09000012,1,Black,F,mmr,1,2022-05-20
                1002,2021-06-02,F84003,E09000012,2,White,M,,,
`;
