import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { FormEvent, ReactNode, useRef, useState } from 'react';
import { instantIn, parseClock, parseFrenchDay, zoneLabel } from '../../format/dates';
import { Problem } from '../problems';
import { ConfirmStep, useFocusBack } from './confirm-step';
import { useAction } from './use-action';

/**
 * A DSFR form for one operator decision, named by its heading: builds the request body from the
 * fields (or says in French what is wrong with them), sends it, and shows the API's refusal in
 * place, under the fields. Reset once accepted. With `confirmation` (a decision that cannot be
 * taken back), the body is only sent once the operator has confirmed what it will do; changing a
 * field meanwhile goes back to the form, so what is confirmed is what is sent.
 */
export function ActionForm({
  id,
  title,
  method = 'POST',
  path,
  submitLabel,
  body,
  confirmation,
  onDone,
  children,
}: {
  /** The heading's id, also the anchor the page's list of possible decisions links to. */
  id: string;
  title: string;
  method?: 'POST' | 'PUT';
  path: string;
  submitLabel: string;
  /** The body to send, or a French sentence saying what to correct. */
  body: (form: FormData) => unknown;
  /** What the decision will do, asked before sending it (a question), from the body built. */
  confirmation?: (body: unknown) => string;
  /** Given the API's answer and the body sent, once it has accepted (to show what it did). */
  onDone?: (result: unknown, sent: unknown) => void;
  children?: ReactNode;
}) {
  const action = useAction(method, path);
  const [invalid, setInvalid] = useState<string | undefined>();
  /** The body waiting for the operator's confirmation. */
  const [toConfirm, setToConfirm] = useState<{ body: unknown } | undefined>();
  const form = useRef<HTMLFormElement>(null);
  const [submitButton, focusBack] = useFocusBack();
  const send = (built: unknown, element: HTMLFormElement) =>
    action.mutate(built, {
      // Either way the confirming step, which had the focus, is gone: the form's button, drawn
      // again, takes it, rather than the page's start (the outcome is announced as an alert).
      onSuccess: (result) => {
        element.reset();
        setToConfirm(undefined);
        focusBack();
        onDone?.(result, built);
      },
      // The refusal shows above the fields: back to them, to correct or leave.
      onError: () => {
        setToConfirm(undefined);
        focusBack();
      },
    });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    const built = body(new FormData(element));
    if (built instanceof Invalid) {
      setInvalid(built.message);
      return;
    }
    setInvalid(undefined);
    if (confirmation) setToConfirm({ body: built });
    else send(built, element);
  };
  const backToForm = () => {
    setToConfirm(undefined);
    focusBack();
  };
  return (
    <form
      // The browser's own messages speak its language: ours and the API's are French.
      noValidate
      ref={form}
      onSubmit={submit}
      onChange={() => toConfirm && !action.isPending && setToConfirm(undefined)}
      className="fr-p-3w fr-background-alt--grey fr-mt-2w fr-mb-3w"
      aria-labelledby={id}
    >
      <h3 id={id} className="fr-h6">
        {title}
      </h3>
      {children}
      {invalid || action.error ? (
        <div className="fr-mb-2w">
          <Problem error={invalid ? new Error(invalid) : action.error} />
        </div>
      ) : null}
      {toConfirm && confirmation ? (
        <ConfirmStep
          question={confirmation(toConfirm.body)}
          confirmLabel={`Confirmer : ${submitLabel.charAt(0).toLowerCase()}${submitLabel.slice(1)}`}
          pending={action.isPending}
          onConfirm={() => form.current && send(toConfirm.body, form.current)}
          onCancel={backToForm}
        />
      ) : (
        <Button type="submit" disabled={action.isPending} ref={submitButton}>
          {submitLabel}
        </Button>
      )}
    </form>
  );
}

/** What the operator must correct before anything is sent. */
export class Invalid {
  constructor(readonly message: string) {}
}

/**
 * A day and a time typed in the campaign's zone (« heure de Paris »), whatever the operator's
 * computer says: text fields `${name}-jour` (jj/mm/aaaa) and `${name}-heure` (hh:mm), the same in
 * every browser — the browser's own date field shows mm/dd/yyyy in an English one.
 */
export function ZonedDateTimeFields({
  name,
  dayLabel,
  timeLabel,
  zone,
  defaultDay,
  defaultTime,
  children,
}: {
  name: string;
  dayLabel: string;
  timeLabel: string;
  zone: string;
  /** jj/mm/aaaa */
  defaultDay?: string;
  /** hh:mm */
  defaultTime?: string;
  /** A third field on the same line (the end of a consultation). */
  children?: ReactNode;
}) {
  const column = children ? 'fr-col-12 fr-col-md-4' : 'fr-col-12 fr-col-md-6';
  return (
    <div className="fr-grid-row fr-grid-row--gutters fr-mb-1w">
      <div className={column}>
        <Input
          label={dayLabel}
          hintText="jj/mm/aaaa, par exemple 03/12/2026"
          nativeInputProps={{
            name: `${name}-jour`,
            inputMode: 'numeric',
            autoComplete: 'off',
            required: true,
            defaultValue: defaultDay,
          }}
        />
      </div>
      <div className={column}>
        <ClockField
          name={`${name}-heure`}
          label={timeLabel}
          zone={zone}
          defaultValue={defaultTime}
        />
      </div>
      {children ? <div className={column}>{children}</div> : null}
    </div>
  );
}

/** A time typed hh:mm on 24 hours, labelled with the zone it is read in. */
export function ClockField({
  name,
  label,
  zone,
  defaultValue,
  hint = 'hh:mm, sur 24 heures, par exemple 14:30',
}: {
  name: string;
  label: string;
  zone: string;
  defaultValue?: string;
  hint?: string;
}) {
  return (
    <Input
      label={`${label} (${zoneLabel(zone)})`}
      hintText={hint}
      nativeInputProps={{ name, autoComplete: 'off', required: true, defaultValue }}
    />
  );
}

/**
 * The UTC instant of a day typed jj/mm/aaaa and a time typed hh:mm in the zone, or what to
 * correct, in French.
 */
export function zonedInstant(
  day: string,
  time: string,
  zone: string,
  what: string,
): string | Invalid {
  const isoDay = parseFrenchDay(day);
  const clock = parseClock(time);
  const instant = isoDay && clock ? instantIn(isoDay, clock, zone) : undefined;
  return (
    instant ??
    new Invalid(`${what} : indiquez un jour (jj/mm/aaaa) et une heure (hh:mm) qui existent.`)
  );
}
