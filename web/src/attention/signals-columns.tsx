import type { ReactNode } from 'react';
import type { AttentionItem } from '@pathfinder/metrics';
import type { Column } from '../components/data-table.tsx';
import { DOMAIN_LABELS } from '../components/domain-labels.ts';
import { ASSURANCE_TEXT, SpcIcon, VARIATION_TEXT } from '../components/spc-summary.tsx';
import { formatWithUnit } from '../format/format-number.ts';
import { SeverityBadge } from './severity-badge.tsx';
import { SEVERITY_STYLE } from './severity-style.ts';

const NO_VARIATION = 'Too few periods for SPC';
const NO_ASSURANCE = 'No target';

/** An icon with its label: the icon for a glance, the words for everyone (and for screen readers). */
const iconAndLabel = (text: { label: string; colour: string; letter: string } | undefined, none: string) =>
  text ? <span className="icon-label"><SpcIcon colour={text.colour} letter={text.letter} /> {text.label}</span> : none;

/** The Making Data Count signals summary: one row per indicator with its variation and assurance icons (with text labels), each opening the indicator's trend at the area (`linkOf`). */
export const signalsColumns = (linkOf: (item: AttentionItem) => ReactNode): readonly Column<AttentionItem>[] => [
  { key: 'indicator', header: 'Indicator', value: (i) => i.indicatorName, render: linkOf },
  { key: 'domain', header: 'Domain', value: (i) => DOMAIN_LABELS[i.domain] },
  { key: 'period', header: 'Period', value: (i) => i.period },
  { key: 'value', header: 'Value', value: (i) => i.value, numeric: true, render: (i) => formatWithUnit(i.value, i.unit) },
  { key: 'benchmark', header: 'Benchmark', value: (i) => (i.benchmark ? `${i.benchmark.label} ${formatWithUnit(i.benchmark.value, i.unit)}` : null) },
  { key: 'variation', header: 'Variation', value: (i) => (i.variation ? VARIATION_TEXT[i.variation]?.label ?? i.variation : NO_VARIATION), render: (i) => iconAndLabel(i.variation ? VARIATION_TEXT[i.variation] : undefined, NO_VARIATION) },
  { key: 'assurance', header: 'Assurance', value: (i) => (i.assurance ? ASSURANCE_TEXT[i.assurance]?.label ?? i.assurance : NO_ASSURANCE), render: (i) => iconAndLabel(i.assurance ? ASSURANCE_TEXT[i.assurance] : undefined, NO_ASSURANCE) },
  { key: 'severity', header: 'Severity', value: (i) => SEVERITY_STYLE[i.severity].label, render: (i) => <SeverityBadge severity={i.severity} /> },
];
