import { ButtonsGroup } from '@codegouvfr/react-dsfr/ButtonsGroup';
import { KeyboardEvent, RefObject, useEffect, useId, useRef, useState } from 'react';

/**
 * The second step of a decision that cannot be taken back (closing the dossier, cancelling a
 * consultation, an eligibility or screening decision, a consultation's report): what it will do,
 * said in a sentence, then « Confirmer » or « Revenir au formulaire ». In place under the form
 * rather than in a modal, so the operator still sees the fields being confirmed.
 *
 * Accessibility: the sentence takes the focus when the step appears, so a screen reader reads it
 * first; Escape anywhere in the step goes back, like the button, and the caller puts the focus
 * back on the form's own button (WAI-ARIA's practice for a step that is dismissed).
 */
export function ConfirmStep({
  question,
  confirmLabel,
  pending,
  onConfirm,
  onCancel,
}: {
  /** What the decision will do, in French, ending with a question mark. */
  question: string;
  /** The confirming button's text, « Confirmer : … ». */
  confirmLabel: string;
  /** While the request is under way: the confirming button is disabled. */
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const questionId = useId();
  const sentence = useRef<HTMLParagraphElement>(null);
  useEffect(() => sentence.current?.focus(), []);
  const escape = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onCancel();
  };
  return (
    <div role="group" aria-labelledby={questionId} onKeyDown={escape} className="fr-mb-2w">
      <div className="fr-alert fr-alert--warning fr-alert--sm fr-mb-2w">
        <p id={questionId} ref={sentence} tabIndex={-1}>
          {question}
        </p>
      </div>
      <ButtonsGroup
        inlineLayoutWhen="always"
        buttons={[
          // Inside the form: plain buttons, not submit ones.
          { children: confirmLabel, type: 'button', onClick: onConfirm, disabled: pending },
          {
            children: 'Revenir au formulaire',
            type: 'button',
            priority: 'secondary',
            onClick: onCancel,
          },
        ]}
      />
    </div>
  );
}

/**
 * The button a ConfirmStep replaces, and a way to give it the focus back once it is drawn again
 * (after the operator went back): `[ref for the button, call to refocus it]`.
 */
export function useFocusBack(): [RefObject<HTMLButtonElement | null>, () => void] {
  const button = useRef<HTMLButtonElement>(null);
  const [pending, setPending] = useState(false);
  useEffect(() => {
    if (!pending) return;
    button.current?.focus();
    setPending(false);
  }, [pending]);
  return [button, () => setPending(true)];
}
