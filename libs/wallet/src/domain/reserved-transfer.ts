export type RepeatRule = 'NONE' | 'DAILY' | 'MONTHLY';
export type ReservedStatus = 'SCHEDULED' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';
