import { QueryFailedError } from 'typeorm';
import { createLogger } from './create-logger';

describe('logged errors', () => {
  function logged(error: unknown): string {
    const lines: string[] = [];
    createLogger({ logLevel: 'info', nodeId: 'test' }, { write: (line: string) => void lines.push(line) }).error({ err: error }, 'unhandled error');
    return lines.join('');
  }

  it('keep the statement and the driver message of a failed query, never the values it was given', () => {
    const driverError = Object.assign(new Error("Table 'webchat.channels' doesn't exist"), {
      code: 'ER_NO_SUCH_TABLE',
      sql: "SELECT * FROM channels WHERE name LIKE '%secret-search-term%'",
    });
    const line = logged(new QueryFailedError('SELECT * FROM channels WHERE name LIKE ?', ['%secret-search-term%'], driverError));
    expect(line).not.toContain('secret-search-term');
    const { err } = JSON.parse(line) as { err: Record<string, unknown> & { driverError: Record<string, unknown> } };
    expect(err).toMatchObject({ type: 'QueryFailedError', query: 'SELECT * FROM channels WHERE name LIKE ?', parameters: '[Redacted]' });
    expect(err.driverError).toMatchObject({ code: 'ER_NO_SUCH_TABLE', message: "Table 'webchat.channels' doesn't exist", sql: '[Redacted]' });
    expect(String(err.stack)).toContain('QueryFailedError');
  });

  it('keep every field of other errors as pino writes them', () => {
    const { err } = JSON.parse(logged(Object.assign(new Error('boom'), { code: 'E_BOOM' }))) as { err: Record<string, unknown> };
    expect(err).toMatchObject({ type: 'Error', message: 'boom', code: 'E_BOOM' });
  });
});
