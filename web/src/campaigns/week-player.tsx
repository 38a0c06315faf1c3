import { useId } from 'react';

/**
 * A labelled time slider (native range input: arrow keys, Home and End work) with a play/pause
 * button and the shown interval in words.
 */
export function WeekPlayer({ labels, step, playing, onPlay, onPause, onSeek, sliderLabel }: {
  labels: readonly string[];
  step: number;
  playing: boolean;
  onPlay: () => void;
  onPause: () => void;
  onSeek: (step: number) => void;
  sliderLabel: string;
}) {
  const id = useId();
  const label = labels[step] ?? '';
  return (
    <div className="week-player">
      <div className="week-player__row">
        <button type="button" className="nhsuk-button nhsuk-button--small week-player__play" onClick={playing ? onPause : onPlay} disabled={labels.length < 2}>
          <span aria-hidden="true">{playing ? '❚❚ ' : '▶ '}</span>{playing ? 'Pause' : 'Play'}
        </button>
        <div className="week-player__slider">
          <label className="nhsuk-label" htmlFor={id}>{sliderLabel}</label>
          <input id={id} type="range" min={0} max={Math.max(0, labels.length - 1)} step={1} value={step} aria-valuetext={label} onChange={(e) => onSeek(Number(e.target.value))} />
        </div>
      </div>
      <p className="week-player__label" data-testid="map-week">
        <strong>{label}</strong> <span className="week-player__count">({step + 1} of {labels.length})</span>
      </p>
    </div>
  );
}
