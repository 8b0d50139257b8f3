import { withDatabase } from './mongo-test-target';

describe('withDatabase', () => {
  it('puts a database of its own into a mongodb:// URL, keeping hosts, credentials and options', () => {
    expect(withDatabase('mongodb://127.0.0.1:37017', 't1')).toBe('mongodb://127.0.0.1:37017/t1');
    expect(withDatabase('mongodb://127.0.0.1:37017/', 't1')).toBe('mongodb://127.0.0.1:37017/t1');
    expect(withDatabase('mongodb://u:p@a:1,b:2/webchat?replicaSet=rs0', 't2')).toBe('mongodb://u:p@a:1,b:2/t2?replicaSet=rs0');
    expect(withDatabase('mongodb+srv://cluster.example.net?retryWrites=true', 't3')).toBe('mongodb+srv://cluster.example.net/t3?retryWrites=true');
  });

  it('refuses what is not a mongodb:// URL', () => {
    expect(() => withDatabase('mysql://127.0.0.1:3306/x', 't')).toThrow(/not a mongodb/);
  });
});
