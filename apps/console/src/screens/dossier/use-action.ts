import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

/**
 * One operator action on the API: on success every query is refetched (the dossier, its timeline,
 * its workflow and mails, the lists), so the page shows what the decision changed; on refusal the
 * error holds the API's French message, for the form to show in place.
 */
export function useAction(method: 'POST' | 'PUT', path: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body?: unknown) => api<unknown>(method, path, body),
    onSuccess: () => client.invalidateQueries(),
  });
}
