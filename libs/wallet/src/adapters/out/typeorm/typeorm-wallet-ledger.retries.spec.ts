import { SqlTransactions } from '@webchat/platform';
import { WalletBusyError } from '../../../domain/wallet.errors';
import { LedgerObserver } from './ledger-observer';
import { MOVE_ATTEMPTS, TypeormWalletLedger } from './typeorm-wallet-ledger.adapter';
import { StandInChannels } from '../../../application/ports/wallet-channels.stand-in';

/** A store whose transactions hit a deadlock the first `conflicts` times. */
function transactionsFailing(conflicts: number, code = 'ER_LOCK_DEADLOCK') {
  let calls = 0;
  const transactions = {
    run: async () => {
      calls += 1;
      if (calls <= conflicts) throw Object.assign(new Error('lock conflict'), { driverError: { code } });
      return 'moved';
    },
  } as unknown as SqlTransactions;
  return { transactions, calls: () => calls };
}

function recordingObserver() {
  const outcomes: string[] = [];
  let retries = 0;
  const observer: LedgerObserver = { lockWaited: () => undefined, transactionTook: (_, outcome) => void outcomes.push(outcome), retried: () => void (retries += 1) };
  return { observer, outcomes, retries: () => retries };
}

describe('TypeormWalletLedger retries', () => {
  const plan = () => ({ entries: [], result: 'unused' });

  it('runs a move again after a deadlock or a lock timeout, and answers its result', async () => {
    const store = transactionsFailing(MOVE_ATTEMPTS - 1, 'ER_LOCK_WAIT_TIMEOUT');
    const seen = recordingObserver();
    await expect(new TypeormWalletLedger(store.transactions, new StandInChannels(), seen.observer).move(['a'], 'actor', plan)).resolves.toBe('moved');
    expect(store.calls()).toBe(MOVE_ATTEMPTS);
    expect(seen.retries()).toBe(MOVE_ATTEMPTS - 1);
    expect(seen.outcomes).toEqual(['committed']);
  });

  it('gives up after a bounded number of attempts with WalletBusyError (503)', async () => {
    const store = transactionsFailing(100);
    const seen = recordingObserver();
    await expect(new TypeormWalletLedger(store.transactions, new StandInChannels(), seen.observer).move(['a'], 'actor', plan)).rejects.toThrow(WalletBusyError);
    expect(store.calls()).toBe(MOVE_ATTEMPTS);
    expect(seen.outcomes).toEqual(['busy']);
  });

  it('does not retry other errors', async () => {
    const transactions = { run: () => Promise.reject(new Error('disk full')) } as unknown as SqlTransactions;
    await expect(new TypeormWalletLedger(transactions, new StandInChannels()).move(['a'], 'actor', plan)).rejects.toThrow('disk full');
  });
});
