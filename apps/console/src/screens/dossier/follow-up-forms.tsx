import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useState } from 'react';
import { text } from '../../api/client';
import type { FollowUp } from '../../api/types';
import { Problem } from '../problems';
import { ActionForm, Invalid, zonedInstant, ZonedDateTimeFields } from './action-form';
import { ConfirmStep, useFocusBack } from './confirm-step';
import { useAction } from './use-action';

/** A follow-up action, its owner and due date in the campaign's zone (POST …/follow-ups). */
export function PlanFollowUpForm({
  base,
  zone,
  nextId,
}: {
  base: string;
  zone: string;
  nextId: string;
}) {
  return (
    <ActionForm
      id="titre-prevoir-suite"
      title="Prévoir une suite"
      path={`${base}/follow-ups`}
      submitLabel="Prévoir la suite"
      body={(form) => {
        const dueAt = zonedInstant(
          text(form, 'echeance-jour'),
          text(form, 'echeance-heure'),
          zone,
          'Échéance',
        );
        if (dueAt instanceof Invalid) return dueAt;
        return {
          followUpId: nextId,
          title: text(form, 'title'),
          owner: text(form, 'owner'),
          dueAt,
        };
      }}
    >
      <Input
        label="Intitulé"
        nativeInputProps={{ name: 'title', required: true, maxLength: 300 }}
      />
      <Input
        label="Responsable"
        hintText="Un agent, un bureau, ou l'organisation."
        nativeInputProps={{ name: 'owner', required: true, maxLength: 200 }}
      />
      <ZonedDateTimeFields
        name="echeance"
        dayLabel="Échéance"
        timeLabel="Heure d'échéance"
        zone={zone}
        defaultTime="18:00"
      />
    </ActionForm>
  );
}

/**
 * Marks one follow-up done (POST …/follow-ups/{id}/complete) once the operator has confirmed it (it
 * cannot be undone); a refusal shows beside it.
 */
export function CompleteFollowUpButton({ base, followUp }: { base: string; followUp: FollowUp }) {
  const action = useAction(
    'POST',
    `${base}/follow-ups/${encodeURIComponent(followUp.followUpId)}/complete`,
  );
  const [confirming, setConfirming] = useState(false);
  const [button, focusBack] = useFocusBack();
  return (
    <>
      {confirming ? (
        <ConfirmStep
          question={`Marquer « ${followUp.title} » comme faite ? Cela ne pourra pas être défait.`}
          confirmLabel="Confirmer : marquer comme faite"
          pending={action.isPending}
          onConfirm={() =>
            // The step had the focus: the button, drawn again, takes it back (while the
            // follow-up, once done, is still listed).
            action.mutate(undefined, {
              onSettled: () => {
                setConfirming(false);
                focusBack();
              },
            })
          }
          onCancel={() => {
            setConfirming(false);
            focusBack();
          }}
        />
      ) : (
        <Button
          size="small"
          priority="secondary"
          disabled={action.isPending}
          onClick={() => setConfirming(true)}
          ref={button}
          nativeButtonProps={{ 'aria-label': `Marquer comme faite : ${followUp.title}` }}
        >
          Marquer comme faite
        </Button>
      )}
      {action.error ? <Problem error={action.error} /> : null}
    </>
  );
}

/** Closes the dossier once every follow-up is done (POST …/close). */
export function CloseDossierForm({ base }: { base: string }) {
  return (
    <ActionForm
      id="titre-clore"
      title="Clore le dossier"
      path={`${base}/close`}
      submitLabel="Clore le dossier"
      body={() => undefined}
      confirmation={() => "Clore le dossier ? Il n'acceptera plus aucune décision."}
    >
      <p className="fr-text--sm">Une fois clos, le dossier n'accepte plus aucune décision.</p>
    </ActionForm>
  );
}
