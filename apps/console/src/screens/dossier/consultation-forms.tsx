import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { text } from '../../api/client';
import type { DossierDetail } from '../../api/types';
import { clockIn, frenchDayIn } from '../../format/dates';
import { ActionForm, ClockField, Invalid, zonedInstant, ZonedDateTimeFields } from './action-form';

type Consultation = NonNullable<DossierDetail['consultation']>;

/**
 * Fixes the consultation, or moves the one fixed (same id: the organisation's calendar entry is
 * updated, not doubled) — PUT …/consultation. Typed in the campaign's zone.
 */
export function ScheduleConsultationForm({
  base,
  zone,
  current,
  nextId,
}: {
  base: string;
  zone: string;
  current: Consultation | null;
  nextId: string;
}) {
  const title = current ? "Déplacer l'audition" : "Fixer l'audition";
  return (
    <ActionForm
      id="titre-fixer-audition"
      title={title}
      method="PUT"
      path={`${base}/consultation`}
      submitLabel={title}
      body={(form) => {
        const day = text(form, 'debut-jour');
        const startsAt = zonedInstant(day, text(form, 'debut-heure'), zone, 'Début');
        if (startsAt instanceof Invalid) return startsAt;
        // The end on the same day: a consultation lasts hours, not nights.
        const endsAt = zonedInstant(day, text(form, 'fin-heure'), zone, 'Fin');
        if (endsAt instanceof Invalid) return endsAt;
        return {
          consultationId: current?.consultationId ?? nextId,
          startsAt,
          endsAt,
          place: text(form, 'place'),
        };
      }}
    >
      <ZonedDateTimeFields
        name="debut"
        dayLabel="Jour de l'audition"
        timeLabel="Heure de début"
        zone={zone}
        defaultDay={current ? frenchDayIn(current.startsAt, zone) : undefined}
        defaultTime={current ? clockIn(current.startsAt, zone) : undefined}
      >
        <ClockField
          name="fin-heure"
          label="Heure de fin"
          zone={zone}
          hint="hh:mm, le même jour"
          defaultValue={current ? clockIn(current.endsAt, zone) : undefined}
        />
      </ZonedDateTimeFields>
      <Input
        label="Lieu"
        nativeInputProps={{
          name: 'place',
          required: true,
          maxLength: 300,
          defaultValue: current?.place,
        }}
      />
    </ActionForm>
  );
}

/** Calls the consultation off, with the reason the organisation is told (POST …/cancel). */
export function CancelConsultationForm({ base }: { base: string }) {
  return (
    <ActionForm
      id="titre-annuler-audition"
      title="Annuler l'audition"
      path={`${base}/consultation/cancel`}
      submitLabel="Annuler l'audition"
      body={(form) => ({ reason: text(form, 'reason') })}
      confirmation={() =>
        "Annuler l'audition ? L'organisation en est avisée avec le motif saisi ; l'annulation ne " +
        'peut pas être défaite (une nouvelle audition devra être fixée).'
      }
    >
      <Input
        label="Motif de l'annulation"
        hintText="Communiqué à l'organisation."
        textArea
        nativeTextAreaProps={{ name: 'reason', required: true, maxLength: 2000 }}
      />
    </ActionForm>
  );
}

/** What the consultation concluded and the support retained (POST …/consultation/outcome). */
export function ConsultationOutcomeForm({
  base,
  supportForms,
}: {
  base: string;
  supportForms: { id: string; label: string }[];
}) {
  return (
    <ActionForm
      id="titre-compte-rendu"
      title="Enregistrer le compte rendu de l'audition"
      path={`${base}/consultation/outcome`}
      submitLabel="Enregistrer le compte rendu"
      body={(form) => ({
        summary: text(form, 'summary'),
        supportFormIds: form.getAll('supportFormIds').filter((id) => typeof id === 'string'),
      })}
      confirmation={() =>
        "Enregistrer le compte rendu ? L'audition sera tenue pour faite ; son compte rendu et " +
        'les formes de soutien retenues ne pourront plus être modifiés.'
      }
    >
      <Input
        label="Compte rendu"
        textArea
        nativeTextAreaProps={{ name: 'summary', required: true, maxLength: 20000, rows: 5 }}
      />
      {supportForms.length > 0 ? (
        <Checkbox
          legend="Formes de soutien retenues"
          options={supportForms.map((supportForm) => ({
            label: supportForm.label,
            nativeInputProps: { name: 'supportFormIds', value: supportForm.id },
          }))}
        />
      ) : null}
    </ActionForm>
  );
}
