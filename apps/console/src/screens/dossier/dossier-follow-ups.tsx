import { Table } from '@codegouvfr/react-dsfr/Table';
import type { FollowUp } from '../../api/types';
import { formatInstant } from '../../format/dates';
import { CompleteFollowUpButton } from './follow-up-forms';

/** The follow-up actions in the order planned, with a button to mark each open one done. */
export function DossierFollowUps({
  base,
  followUps,
  zone,
  canComplete,
}: {
  base: string;
  followUps: FollowUp[];
  zone: string;
  canComplete: boolean;
}) {
  if (followUps.length === 0) return <p>Aucune suite prévue.</p>;
  return (
    <Table
      caption="Suites à donner"
      headers={['Intitulé', 'Responsable', 'Échéance', 'État']}
      data={followUps.map((followUp) => [
        followUp.title,
        followUp.owner,
        formatInstant(followUp.dueAt, zone),
        followUp.completedAt ? (
          `Faite le ${formatInstant(followUp.completedAt, zone)}`
        ) : canComplete ? (
          <span key={followUp.followUpId}>
            À faire <CompleteFollowUpButton base={base} followUp={followUp} />
          </span>
        ) : (
          'À faire'
        ),
      ])}
    />
  );
}
