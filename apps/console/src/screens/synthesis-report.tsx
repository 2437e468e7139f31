import { Button } from '@codegouvfr/react-dsfr/Button';
import { useMutation } from '@tanstack/react-query';
import { download } from '../api/client';
import { Problem } from './problems';

/**
 * The synthesis report to download: the PDF (`GET …/synthesis/report.pdf`) and the workbook of
 * its tables (`report.xlsx`), named as the API names them. Buttons rather than links: the API
 * wants the bearer token, which a link would not carry (api/client.ts `download`).
 */
export function SynthesisReportDownloads({ campaignId }: { campaignId: string }) {
  const path = `/campaigns/${encodeURIComponent(campaignId)}/synthesis/report`;
  const fetchReport = useMutation({
    mutationFn: (format: 'pdf' | 'xlsx') =>
      download(`${path}.${format}`, `synthese-${campaignId}.${format}`),
  });
  return (
    <section aria-labelledby="rapport-titre" className="fr-mb-5w">
      <h2 id="rapport-titre" className="fr-h4">
        Rapport de synthèse
      </h2>
      <div className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
        <Button
          iconId="fr-icon-download-line"
          priority="secondary"
          disabled={fetchReport.isPending}
          onClick={() => fetchReport.mutate('pdf')}
        >
          Télécharger le rapport (PDF)
        </Button>
        <Button
          iconId="fr-icon-download-line"
          priority="secondary"
          disabled={fetchReport.isPending}
          onClick={() => fetchReport.mutate('xlsx')}
        >
          Télécharger les tableaux (XLSX)
        </Button>
      </div>
      {fetchReport.error ? <Problem error={fetchReport.error} /> : null}
    </section>
  );
}
