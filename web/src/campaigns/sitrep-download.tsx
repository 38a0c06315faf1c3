import { useState } from 'react';
import { parseProblem } from '../api/api-problem.ts';
import { api } from '../api/api-client.ts';
import { useChosenRelease } from '../api/chosen-release.tsx';
import { downloadBlob } from '../components/download.ts';
import { intervalPhrase } from './campaign-format.ts';

/**
 * "Download sitrep (PDF)": the server prints the report with the tab's token (so it holds what this
 * caller sees), for the week shown and the focus ICB (London otherwise), at the release shown. It
 * takes a few seconds, so the button says it is working and a refusal is said in words.
 */
export function SitrepDownload({ id, asOf, icb, areaName }: { id: string; asOf: string | undefined; icb: string | undefined; areaName: string }) {
  const { release } = useChosenRelease();
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const download = async () => {
    if (state.busy) return;
    setState({ busy: true, error: null });
    try {
      const answer = await api.api.v1.campaigns[':id']['sitrep.pdf'].$get({ param: { id }, query: { release: release.id, ...(asOf ? { asOf } : {}), ...(icb ? { icb } : {}) } });
      if (!answer.ok) {
        const problem = parseProblem(await answer.json().catch(() => null));
        setState({ busy: false, error: problem?.detail ?? problem?.title ?? `the server answered ${answer.status}` });
        return;
      }
      const name = /filename="([^"]+)"/.exec(answer.headers.get('Content-Disposition') ?? '')?.[1] ?? `sitrep-${id}.pdf`;
      downloadBlob(await answer.blob(), name);
      setState({ busy: false, error: null });
    } catch (error) {
      setState({ busy: false, error: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <div className="sitrep-download">
      <button type="button" className="nhsuk-button nhsuk-button--secondary" aria-disabled={state.busy} aria-describedby="sitrep-download-what" onClick={() => void download()}>
        Download sitrep (PDF)
      </button>
      <p id="sitrep-download-what" className="sitrep-download__what" role="status">
        {state.busy ? 'Preparing the PDF: this takes a few seconds…' : `Situation report for ${areaName}, ${asOf ? intervalPhrase(asOf, 'week') : 'the latest week'}.`}
      </p>
      {state.error && <p className="sitrep-download__error" role="alert">The report could not be made: {state.error}</p>}
    </div>
  );
}
