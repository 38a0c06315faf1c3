/**
 * The glossary: every abbreviation and statistical word the profiles use, explained for someone
 * with no health or statistics training. One list, so the page and the links into it share the
 * anchors (`id`). Keep sentences short and words everyday.
 */
export interface GlossaryTerm {
  /** The anchor in /glossary (`#id`): stable, as links point at it. */
  readonly id: string;
  readonly term: string;
  /** Other ways the term is written, shown beside it. */
  readonly also?: string;
  readonly meaning: string;
}

export const GLOSSARY_TERMS = [
  { id: 'mmr', term: 'MMR1 and MMR2', also: 'MMR', meaning: 'The MMR vaccine protects against measles, mumps and rubella (German measles). Children get two doses: MMR1 at 1 year old and MMR2 at about 3 years 4 months. "MMR1 at 24 months" is the share of 2-year-olds who have had their first dose.' },
  { id: 'six-in-one', term: '6-in-1 vaccine', also: 'DTaP/IPV/Hib/HepB', meaning: 'One injection that protects against six illnesses: diphtheria, tetanus, whooping cough, polio, Hib and hepatitis B. Babies get 3 doses, at 8, 12 and 16 weeks.' },
  { id: 'hib-menc', term: 'Hib/MenC', meaning: 'A booster given at 1 year old. It protects against Hib (Haemophilus influenzae type b) and meningitis C, two germs that can cause meningitis and blood poisoning.' },
  { id: 'dtap-ipv', term: 'Pre-school booster', also: 'DTaP/IPV, 4-in-1', meaning: 'A booster given at about 3 years 4 months. It tops up protection against diphtheria, tetanus, whooping cough and polio.' },
  { id: 'pcv', term: 'PCV', also: 'pneumococcal vaccine', meaning: 'Protects against pneumococcal germs, which can cause pneumonia, ear infections and meningitis. Given at 12 weeks, with a booster at 1 year old.' },
  { id: 'menb', term: 'MenB', meaning: 'Protects against meningitis B. Given at 8 and 16 weeks, with a booster at 1 year old.' },
  { id: 'rotavirus', term: 'Rotavirus', meaning: 'A vaccine given by mouth at 8 and 12 weeks. It protects against rotavirus, a common cause of sickness and diarrhoea in babies.' },
  { id: 'polio', term: 'Polio booster campaign', meaning: 'In 2022 polio virus was found in London sewage, so children aged 1 to 9 were offered an extra polio dose.' },
  { id: 'up-to-date', term: 'Fully up to date', meaning: 'The child has had every routine vaccine due by that age.' },
  { id: 'on-time', term: 'Doses on time', meaning: 'The share of vaccine doses given within 4 weeks of the date they were due.' },
  { id: 'comparator', term: 'Compared with', also: 'comparator, benchmark', meaning: 'The place an area is measured against: London, England or the area’s ICB. You can choose which one on the area’s page.' },
  { id: 'similar', term: 'Better, similar, worse', meaning: '"Better" or "worse" means the area’s figure is different from the place it is compared with, and the difference is big enough that it is unlikely to be down to chance. "Similar" means any difference could just be chance, so we do not call it better or worse.' },
  { id: 'higher-lower', term: 'Higher, lower', meaning: 'Used instead of better or worse where a higher figure is neither good nor bad, such as how many people have a condition recorded.' },
  { id: 'confidence-interval', term: 'Confidence interval', also: 'CI, Lower 95% CI, Upper 95% CI', meaning: 'Every figure has some uncertainty, especially in small areas, because in any year a few more or fewer children happen to come along. The confidence interval is the range the true figure is very likely to lie in. A narrow range means we can be more sure of the figure.' },
  { id: 'confidence-95', term: '95% confidence', meaning: 'We call a difference real when there is less than a 1 in 20 chance it happened by luck. Shown as "Better (95%)" or "Worse (95%)".' },
  { id: 'confidence-99-8', term: '99.8% confidence', meaning: 'A stricter test: less than a 1 in 500 chance the difference happened by luck. Shown as "Better (99.8%)" or "Worse (99.8%)". These are the differences we are most sure of.' },
  { id: 'suppressed', term: 'Suppressed', also: '*', meaning: 'The figure is hidden because it is based on so few people that someone might be identified from it. It is shown as * and is not compared.' },
  { id: 'no-value', term: 'No value', meaning: 'There is no figure for this area or period, for example because it was not collected. It is not compared.' },
  { id: 'recent-trend', term: 'Recent trend', meaning: 'Whether the figure has been going up or down over the last five periods, by more than chance would explain.' },
  { id: 'spine-chart', term: 'Spine chart', meaning: 'A chart with one row per measure. The light bar spans every area from worst to best, the darker bar the middle half of areas, and the dot is this area.' },
  { id: 'spc', term: 'SPC', also: 'statistical process control', meaning: 'A way of reading a figure over time that tells real change apart from normal ups and downs. It flags a run of unusual values, not a single one.' },
  { id: 'icb', term: 'ICB', also: 'integrated care board', meaning: 'The NHS body that plans and pays for health services in part of London. London has five, each covering several boroughs.' },
  { id: 'ics', term: 'ICS', also: 'integrated care system', meaning: 'The ICB working together with local councils and other services in the same area.' },
  { id: 'pcn', term: 'PCN', also: 'primary care network', meaning: 'A group of GP practices near each other that work together, usually covering 30,000 to 50,000 people.' },
  { id: 'borough', term: 'Borough', meaning: 'One of London’s 32 local council areas, plus the City of London. The City’s figures are counted with Hackney’s.' },
  { id: 'period', term: 'Period', meaning: 'The time the figure covers: a quarter (three months, such as "2024/25 Q4") or a financial year (April to March, such as "2023/24").' },
  { id: 'prevalence', term: 'Prevalence', meaning: 'How many people have a condition, as a share of everyone registered with a GP. "Recorded" means those diagnosed and written down by their GP.' },
] as const satisfies readonly GlossaryTerm[];

export type GlossaryId = (typeof GLOSSARY_TERMS)[number]['id'];
