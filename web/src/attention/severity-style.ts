import type { Severity } from '@pathfinder/metrics';
import { NHS_COLOURS } from '../theme/palette.ts';
import { SPC_COLOURS } from '../theme/comparison-colours.ts';

/**
 * How each severity reads: a label, what it asks of the reader, and an icon whose shape differs by
 * severity (triangle, circle, up arrow, tick), so neither the colour nor the icon is the only cue.
 */
export const SEVERITY_STYLE: Record<Severity, { label: string; meaning: string; colour: string; shape: 'triangle' | 'circle' | 'arrow' | 'tick' }> = {
  act: { label: 'Act', meaning: 'a real, material problem: plan or ask for action now', colour: NHS_COLOURS.red, shape: 'triangle' },
  watch: { label: 'Watch', meaning: 'an early or single signal: look at it and at the next release', colour: SPC_COLOURS.special_cause_concern, shape: 'circle' },
  improving: { label: 'Improving', meaning: 'a real improvement: worth knowing and learning from', colour: NHS_COLOURS.blue, shape: 'arrow' },
  ok: { label: 'No concern', meaning: 'nothing needs attention', colour: NHS_COLOURS.grey1, shape: 'tick' },
};
