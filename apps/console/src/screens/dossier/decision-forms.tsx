import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { text } from '../../api/client';
import { ActionForm } from './action-form';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Against, or without, the automatic check (POST …/eligibility-override). */
export function OverrideEligibilityForm({ base }: { base: string }) {
  return (
    <ActionForm
      id="titre-recevabilite"
      title="Décider de la recevabilité"
      path={`${base}/eligibility-override`}
      submitLabel="Enregistrer la décision"
      body={(form) => ({ decision: text(form, 'decision'), reason: text(form, 'reason') })}
      confirmation={(body) =>
        `Déclarer le dossier ${(body as { decision: string }).decision === 'ELIGIBLE' ? 'recevable' : 'irrecevable'} ? ` +
        "Cette décision remplace celle du contrôle automatique et reste à l'historique du dossier."
      }
    >
      <RadioButtons
        legend="Décision"
        name="decision"
        orientation="horizontal"
        options={[
          { label: 'Recevable', nativeInputProps: { value: 'ELIGIBLE', defaultChecked: true } },
          { label: 'Irrecevable', nativeInputProps: { value: 'INELIGIBLE' } },
        ]}
      />
      <Input
        label="Motif"
        textArea
        nativeTextAreaProps={{ name: 'reason', required: true, maxLength: 2000 }}
      />
    </ActionForm>
  );
}

/** A question to the organisation, answered within some days (POST …/clarifications). */
export function RequestClarificationForm({ base, nextId }: { base: string; nextId: string }) {
  return (
    <ActionForm
      id="titre-precisions"
      title="Demander une précision"
      path={`${base}/clarifications`}
      submitLabel="Envoyer la demande"
      body={(form) => ({
        clarificationId: nextId,
        question: text(form, 'question'),
        dueAt: new Date(Date.now() + Number(text(form, 'days')) * DAY_MS).toISOString(),
      })}
    >
      <Input
        label="Question à l'organisation"
        textArea
        nativeTextAreaProps={{ name: 'question', required: true, maxLength: 5000 }}
      />
      <Input
        label="Délai de réponse (jours)"
        nativeInputProps={{
          name: 'days',
          type: 'number',
          min: 1,
          max: 60,
          defaultValue: 7,
          required: true,
        }}
      />
    </ActionForm>
  );
}

/** Shortlisted for a consultation, or not retained (POST …/screening-result). */
export function ScreeningResultForm({ base }: { base: string }) {
  return (
    <ActionForm
      id="titre-instruction"
      title="Enregistrer le résultat de l'instruction"
      path={`${base}/screening-result`}
      submitLabel="Enregistrer le résultat"
      body={(form) => {
        const note = text(form, 'note').trim();
        return { result: text(form, 'result'), ...(note && { note }) };
      }}
      confirmation={(body) =>
        `Enregistrer « ${(body as { result: string }).result === 'SHORTLISTED' ? 'Retenu pour une audition' : 'Non retenu'} » ? ` +
        "Le résultat de l'instruction ne pourra plus être modifié."
      }
    >
      <RadioButtons
        legend="Résultat"
        name="result"
        orientation="horizontal"
        options={[
          {
            label: 'Retenu pour une audition',
            nativeInputProps: { value: 'SHORTLISTED', required: true },
          },
          { label: 'Non retenu', nativeInputProps: { value: 'NOT_RETAINED' } },
        ]}
      />
      <Input
        label="Note interne (facultative)"
        hintText="Réservée aux agents : l'organisation ne la voit pas."
        textArea
        nativeTextAreaProps={{ name: 'note', maxLength: 5000 }}
      />
    </ActionForm>
  );
}
