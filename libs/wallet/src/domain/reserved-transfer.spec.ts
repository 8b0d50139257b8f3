import { afterRun, nextDueTime, ReservedTransfer } from './reserved-transfer';

const utc = (iso: string) => new Date(`${iso}Z`);

function booked(executeAt: string, repeat: ReservedTransfer['repeat']): ReservedTransfer {
  const at = utc(executeAt);
  return {
    id: 'r',
    bookedById: 'u',
    fromWalletId: 'a',
    toWalletId: 'b',
    amount: 1,
    repeat,
    anchorDay: at.getUTCDate(),
    executeAt: at,
    status: 'SCHEDULED',
    failureReason: null,
    lastRunAt: null,
    lastResult: null,
    createdAt: at,
  };
}

describe('reserved transfer due times', () => {
  it('runs a MONTHLY one booked on the 31st on the last day of shorter months, then back on the 31st', () => {
    let reserved = booked('2027-01-31T09:30:00.000', 'MONTHLY');
    const seen: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      reserved = afterRun(reserved, reserved.executeAt, undefined);
      seen.push(reserved.executeAt.toISOString());
    }
    expect(seen).toEqual(['2027-02-28T09:30:00.000Z', '2027-03-31T09:30:00.000Z', '2027-04-30T09:30:00.000Z', '2027-05-31T09:30:00.000Z']);
  });

  it('keeps a MONTHLY one booked on the 29th on the 29th, and on Feb 29 in a leap year', () => {
    const reserved = booked('2027-12-29T00:00:00.000', 'MONTHLY');
    expect(nextDueTime(reserved, utc('2028-01-29T00:00:00.000'))).toEqual(utc('2028-02-29T00:00:00.000'));
    expect(nextDueTime(reserved, utc('2027-01-29T00:00:00.000'))).toEqual(utc('2027-02-28T00:00:00.000'));
  });

  it('moves a DAILY one a day on from the time it was due, not from the run: a day missed while no node ran is still due', () => {
    const reserved = booked('2027-03-01T08:00:00.000', 'DAILY');
    expect(nextDueTime(reserved, reserved.executeAt)).toEqual(utc('2027-03-02T08:00:00.000'));
    // Run four days late: the next due time is the 2nd, already past, so it runs next, and so on.
    expect(afterRun(reserved, utc('2027-03-05T09:00:00.000'), undefined).executeAt).toEqual(utc('2027-03-02T08:00:00.000'));
  });

  it('ends a NONE one SUCCEEDED or FAILED with the reason; a repeating one stays SCHEDULED with its last result', () => {
    const now = utc('2027-03-01T08:00:00.000');
    expect(afterRun(booked('2027-03-01T08:00:00.000', 'NONE'), now, undefined)).toMatchObject({ status: 'SUCCEEDED', failureReason: null, lastRunAt: now });
    expect(afterRun(booked('2027-03-01T08:00:00.000', 'NONE'), now, 'INSUFFICIENT_FUNDS')).toMatchObject({ status: 'FAILED', failureReason: 'INSUFFICIENT_FUNDS' });
    expect(afterRun(booked('2027-03-01T08:00:00.000', 'DAILY'), now, 'NOT_ALLOWED')).toMatchObject({
      status: 'SCHEDULED',
      failureReason: null,
      lastResult: 'NOT_ALLOWED',
      executeAt: utc('2027-03-02T08:00:00.000'),
    });
  });
});
