import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { FormEvent, ReactNode, useState } from 'react';
import { instantIn, zoneLabel } from '../../format/dates';
import { Problem } from '../problems';
import { useAction } from './use-action';

/**
 * A DSFR form for one operator decision, named by its heading: builds the request body from the
 * fields (or says in French what is wrong with them), sends it, and shows the API's refusal in
 * place, under the fields. Reset once accepted.
 */
export function ActionForm({
  id,
  title,
  method = 'POST',
  path,
  submitLabel,
  body,
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
  children?: ReactNode;
}) {
  const action = useAction(method, path);
  const [invalid, setInvalid] = useState<string | undefined>();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    const built = body(new FormData(element));
    if (built instanceof Invalid) {
      setInvalid(built.message);
      return;
    }
    setInvalid(undefined);
    action.mutate(built, { onSuccess: () => element.reset() });
  };
  return (
    <form
      onSubmit={submit}
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
      <Button type="submit" disabled={action.isPending}>
        {submitLabel}
      </Button>
    </form>
  );
}

/** What the operator must correct before anything is sent. */
export class Invalid {
  constructor(readonly message: string) {}
}

/**
 * A day and a time typed in the campaign's zone (« heure de Paris »), whatever the operator's
 * computer says: the browser's date and time fields, named `${name}-jour` and `${name}-heure`.
 */
export function ZonedDateTimeFields({
  name,
  dayLabel,
  timeLabel,
  zone,
  defaultDay,
  defaultTime,
}: {
  name: string;
  dayLabel: string;
  timeLabel: string;
  zone: string;
  defaultDay?: string;
  defaultTime?: string;
}) {
  return (
    <div className="fr-grid-row fr-grid-row--gutters">
      <div className="fr-col-12 fr-col-md-6">
        <Input
          label={dayLabel}
          hintText="jj/mm/aaaa"
          nativeInputProps={{
            name: `${name}-jour`,
            type: 'date',
            required: true,
            defaultValue: defaultDay,
          }}
        />
      </div>
      <div className="fr-col-12 fr-col-md-6">
        <Input
          label={`${timeLabel} (${zoneLabel(zone)})`}
          hintText="hh:mm, sur 24 heures"
          nativeInputProps={{
            name: `${name}-heure`,
            type: 'time',
            required: true,
            defaultValue: defaultTime,
          }}
        />
      </div>
    </div>
  );
}

/** The UTC instant of a day (`YYYY-MM-DD`) and a time (`HH:mm`) in the zone, or what to correct. */
export function zonedInstant(
  day: string,
  time: string,
  zone: string,
  what: string,
): string | Invalid {
  return (
    instantIn(day, time, zone) ??
    new Invalid(`${what} : indiquez un jour (jj/mm/aaaa) et une heure (hh:mm).`)
  );
}
