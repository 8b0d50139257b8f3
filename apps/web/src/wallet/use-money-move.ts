import { useMutation } from '@tanstack/react-query';
import { useIdempotencyKey } from './idempotency';
import { isRetryable, statusOf } from './wallet-errors';
import { useRefreshWallets } from './wallet-queries';

const NETWORK_RETRIES = 2;

/**
 * A money move (deposit, withdrawal, transfer) as one user action: a fresh Idempotency-Key per
 * submit, the same key for react-query's own retries after a network error and for the person's
 * retry of the same request; balances and ledgers are refetched afterwards, whatever the outcome.
 */
export function useMoneyMove<Request, Answer>(run: (request: Request, key: string) => Promise<Answer>) {
  const refresh = useRefreshWallets();
  const { keyFor, settle } = useIdempotencyKey(isRetryable);
  const mutation = useMutation({
    mutationFn: ({ request, key }: { request: Request; key: string }) => run(request, key),
    retry: (failures, error) => failures < NETWORK_RETRIES && statusOf(error) === null,
    onSettled: (_answer, error) => {
      settle(error);
      void refresh();
    },
  });
  const submit = (request: Request) => mutation.mutate({ request, key: keyFor(request) });
  return { submit, mutation };
}
