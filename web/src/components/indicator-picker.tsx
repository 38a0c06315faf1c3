import { useNavigate } from '@tanstack/react-router';
import { useChosenRelease } from '../api/chosen-release.tsx';
import { IndicatorSelect } from './indicator-select.tsx';

/** Switch indicator among those the release shown has, keeping the rest of the view's state (period falls back to latest). */
export function IndicatorPicker({ current }: { current: string }) {
  const navigate = useNavigate({ from: '/indicators/$id' });
  const { indicators } = useChosenRelease().offer;
  return <IndicatorSelect wide value={current} indicators={indicators} onChange={(id) => void navigate({ to: '/indicators/$id', params: { id }, search: ({ period: _period, ...kept }) => kept })} />;
}
