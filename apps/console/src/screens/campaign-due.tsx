import { DOSSIER_STATES, label } from '@amiflow/contracts/labels';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { api, queryString } from '../api/client';
import type { DueItem, Page } from '../api/types';
import { formatInstant, relativeTo } from '../format/dates';
import { Problem } from './problems';

/** The days ahead an operator can choose; 7 is the API's default. */
const DAY_CHOICES = [1, 3, 7, 14, 30, 90];
const DEFAULT_DAYS = 7;

/**
 * « Échéances »: what falls due on the campaign's dossiers in the next `jours` days (URL, 7 by
 * default) and what is already late, one row per dossier and kind, least time left first — the
 * API's order (GET /campaigns/{c}/due; late items come first there).
 */
export function CampaignDue({
  campaignId,
  timeZone,
  enabled = true,
}: {
  campaignId: string;
  timeZone: string;
  /** False until the page's table is drawn: its requests go first (one API process serves all). */
  enabled?: boolean;
}) {
  const [search, setSearch] = useSearchParams();
  const chosen = Number(search.get('jours'));
  const days = DAY_CHOICES.includes(chosen) ? chosen : DEFAULT_DAYS;
  const due = useQuery({
    queryKey: ['due', campaignId, days],
    queryFn: () =>
      api<Page<DueItem>>(
        'GET',
        `/campaigns/${encodeURIComponent(campaignId)}/due${queryString({ days, limit: 100 })}`,
      ),
    placeholderData: keepPreviousData,
    enabled,
  });
  const chooseDays = (value: string) => {
    const next = new URLSearchParams(search);
    if (Number(value) === DEFAULT_DAYS) next.delete('jours');
    else next.set('jours', value);
    setSearch(next);
  };
  const now = due.dataUpdatedAt || Date.now();
  return (
    <section aria-labelledby="echeances-titre" className="fr-mb-4w">
      <h2 id="echeances-titre">Échéances</h2>
      <Select
        label="Échéances à venir dans les"
        className="fr-col-12 fr-col-md-3"
        nativeSelectProps={{ value: String(days), onChange: (e) => chooseDays(e.target.value) }}
      >
        {DAY_CHOICES.map((choice) => (
          <option key={choice} value={choice}>
            {choice} {choice > 1 ? 'prochains jours' : 'prochain jour'}
          </option>
        ))}
      </Select>
      {due.error ? <Problem error={due.error} /> : null}
      {due.data ? (
        due.data.items.length === 0 ? (
          <p>Rien n’arrive à échéance dans ces jours, et rien n’est en retard.</p>
        ) : (
          <Table
            caption="Échéances, la plus proche d’abord (les retards en tête)"
            headers={['Organisation', 'État', 'Échéance', 'Date', 'Temps restant']}
            data={due.data.items.map((item) => [
              <Link
                key="name"
                to={`/campagnes/${encodeURIComponent(campaignId)}/dossiers/${encodeURIComponent(item.organisationId)}`}
              >
                {item.organisationName}
              </Link>,
              label(DOSSIER_STATES, item.status),
              item.label,
              formatInstant(item.dueAt, timeZone),
              item.late ? (
                <span key="late" className="fr-badge fr-badge--error fr-badge--sm">
                  En retard ({relativeTo(item.dueAt, now)})
                </span>
              ) : (
                relativeTo(item.dueAt, now)
              ),
            ])}
          />
        )
      ) : null}
    </section>
  );
}
