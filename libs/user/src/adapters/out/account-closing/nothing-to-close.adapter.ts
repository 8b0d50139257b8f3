import { AccountClosing, AfterAccountClosed } from '../../../application/ports/account-closing.port';

/** The default when no other library is wired: an account holds nothing elsewhere. */
export class NothingToClose extends AccountClosing {
  close(): Promise<AfterAccountClosed> {
    return Promise.resolve(() => Promise.resolve());
  }
}
